package org.llavainspector.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProcessMeterTest {
    private static void assumeAvailable(ProcessMeter.Method method) {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux /proc");
        if (method == ProcessMeter.Method.GNU_TIME) {
            assumeTrue(ProcessMeter.detect().method() == ProcessMeter.Method.GNU_TIME, "GNU time not installed");
        }
    }

    @ParameterizedTest
    @EnumSource(ProcessMeter.Method.class)
    void reportsExitCodeAndStderrOfTheMeasuredCommand(ProcessMeter.Method method)
            throws IOException, InterruptedException {
        assumeAvailable(method);
        ProcessMeasurement m = new ProcessMeter(method).measure(List.of("sh", "-c", "echo oops >&2; exit 3"));
        assertEquals(3, m.exitCode());
        assertEquals("oops", m.stderr());
    }

    @ParameterizedTest
    @EnumSource(ProcessMeter.Method.class)
    void observesPeakRssAndWallTimeOfAProcessThatRunsForAWhile(ProcessMeter.Method method)
            throws IOException, InterruptedException {
        assumeAvailable(method);
        ProcessMeasurement m = new ProcessMeter(method).measure(List.of("sleep", "0.3"));
        assertEquals(0, m.exitCode());
        assertTrue(m.peakRssKb() > 0, "peak RSS " + m.peakRssKb());
        assertTrue(m.wallSeconds() > 0, "wall " + m.wallSeconds());
    }

    @ParameterizedTest
    @EnumSource(ProcessMeter.Method.class)
    void discardsStandardOutputSoThatABigOutputCannotBlockTheRun(ProcessMeter.Method method)
            throws IOException, InterruptedException {
        assumeAvailable(method);
        ProcessMeasurement m = new ProcessMeter(method).measure(List.of("head", "-c", "20000000", "/dev/zero"));
        assertEquals(0, m.exitCode());
    }

    @org.junit.jupiter.api.Test
    void readsVmHwmOfALiveProcessAndMinusOneForAMissingOne() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux /proc");
        assertTrue(ProcessMeter.readHighWaterMarkKb(Path.of("/proc/self/status")) > 0);
        assertEquals(-1, ProcessMeter.readHighWaterMarkKb(Path.of("/proc/no-such-process/status")));
    }
}
