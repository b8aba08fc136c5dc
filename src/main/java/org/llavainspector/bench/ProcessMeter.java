package org.llavainspector.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command as a whole new process (output discarded) and measures its wall time and peak resident memory.
 *
 * <p>Peak RSS comes from GNU time ({@code /usr/bin/time -f "%e %M"}, the kernel's own high-water mark) when it is
 * installed, otherwise from polling {@code /proc/PID/status} (VmHWM), which can miss a peak reached in the last few
 * milliseconds. Wall time is always the harness's clock from start to exit: finer than GNU time's 10 ms steps.
 */
public final class ProcessMeter {
    /** How peak RSS is observed. */
    public enum Method { GNU_TIME, PROC_POLLING }

    private static final Path GNU_TIME = Path.of("/usr/bin/time");
    private static final long POLL_MILLIS = 2;
    private static final int STDERR_KEPT = 2_000;

    private final Method method;

    public ProcessMeter(Method method) {
        this.method = method;
    }

    /** GNU time when {@code /usr/bin/time} is GNU time, /proc polling otherwise. */
    public static ProcessMeter detect() {
        if (Files.isExecutable(GNU_TIME)) {
            try {
                ProcessMeasurement probe = new ProcessMeter(Method.GNU_TIME).measure(List.of("true"));
                if (probe.exitCode() == 0) {
                    return new ProcessMeter(Method.GNU_TIME);
                }
            } catch (IOException | IllegalArgumentException ex) {
                // not GNU time (e.g. BusyBox without -o): fall back to polling
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        return new ProcessMeter(Method.PROC_POLLING);
    }

    public Method method() {
        return method;
    }

    /** One line for reports: how memory was measured. */
    public String describe() {
        return method == Method.GNU_TIME
                ? "peak RSS by " + GNU_TIME + " -f \"" + GnuTimeOutput.FORMAT + "\" (%M)"
                : "peak RSS by polling /proc/PID/status VmHWM every " + POLL_MILLIS + " ms";
    }

    public ProcessMeasurement measure(List<String> command) throws IOException, InterruptedException {
        Path stderr = Files.createTempFile("llava-bench-", ".stderr");
        Path report = method == Method.GNU_TIME ? Files.createTempFile("llava-bench-", ".time") : null;
        try {
            List<String> full = new ArrayList<>();
            if (report != null) {
                full.addAll(List.of(GNU_TIME.toString(), "-f", GnuTimeOutput.FORMAT, "-o", report.toString()));
            }
            full.addAll(command);
            ProcessBuilder pb = new ProcessBuilder(full)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(stderr.toFile());
            long start = System.nanoTime();
            Process process = pb.start();
            process.getOutputStream().close();
            long peakKb = report == null ? pollPeakRss(process) : -1;
            int exitCode = process.waitFor();
            double wall = (System.nanoTime() - start) / 1e9;
            if (report != null) {
                peakKb = GnuTimeOutput.parse(Files.readString(report)).maxRssKb();
            }
            return new ProcessMeasurement(wall, peakKb, exitCode, head(stderr));
        } finally {
            Files.deleteIfExists(stderr);
            if (report != null) {
                Files.deleteIfExists(report);
            }
        }
    }

    private static long pollPeakRss(Process process) throws InterruptedException {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        long peak = -1;
        do {
            peak = Math.max(peak, readHighWaterMarkKb(status));
        } while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS));
        return peak;
    }

    /** VmHWM of {@code /proc/PID/status} in KiB, or -1 once the process is gone. */
    static long readHighWaterMarkKb(Path status) {
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.ISO_8859_1)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.substring("VmHWM:".length()).replace("kB", "").strip());
                }
            }
        } catch (IOException | NumberFormatException ex) {
            // the process exited (or is a zombie without memory) between two polls
        }
        return -1;
    }

    private static String head(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(STDERR_KEPT), StandardCharsets.UTF_8).strip();
        }
    }
}
