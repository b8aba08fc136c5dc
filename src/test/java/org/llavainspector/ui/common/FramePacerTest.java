package org.llavainspector.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The indexer's give-way rule, on a fake clock that the pacer's sleeps advance. */
class FramePacerTest {
    private long now = TimeUnit.SECONDS.toNanos(100);
    private int sleeps;
    /** When set, a frame arrives after this many sleeps. */
    private int frameAfterSleeps = -1;
    private FramePacer pacer;

    private FramePacer pacer() {
        pacer = new FramePacer(() -> now, nanos -> {
            now += nanos;
            sleeps++;
            if (sleeps == frameAfterSleeps) {
                pacer.frame();
            }
        });
        return pacer;
    }

    private static long ms(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }

    @Test
    void doesNotWaitBeforeItIsStartedOrWhileFramesComeOnTime() {
        FramePacer p = pacer();
        now += ms(300);
        assertEquals(0, p.giveWay(), "not started: never waits");
        p.activate();
        now += ms(16);
        assertEquals(0, p.giveWay());
        p.frame();
        now += ms(24);
        assertEquals(0, p.giveWay());
        assertEquals(0, sleeps);
    }

    @Test
    void waitsWhileTheWindowIsLateUntilTheNextFrame() {
        FramePacer p = pacer();
        p.activate();
        now += ms(40); // a long frame is being drawn
        frameAfterSleeps = 5;
        long waited = p.giveWay();
        assertEquals(5, sleeps, "it slept until the frame came");
        assertEquals(ms(10), waited);
    }

    @Test
    void waitsAtMostAHundredMillisecondsPerCall() {
        FramePacer p = pacer();
        p.activate();
        now += ms(100);
        long waited = p.giveWay();
        assertTrue(waited >= FramePacer.MAX_WAIT_NANOS && waited < FramePacer.MAX_WAIT_NANOS + ms(3), "waited " + waited);
    }

    @Test
    void aWindowThatDrawsNoFramesAtAllIsNotWaitedFor() {
        FramePacer p = pacer();
        p.activate();
        now += ms(600); // hidden, or not pulsing: waiting would only slow the indexer down
        assertEquals(0, p.giveWay());
        assertEquals(0, sleeps);
    }

    @Test
    void stopEndsTheWaiting() {
        FramePacer p = pacer();
        p.activate();
        now += ms(40);
        frameAfterSleeps = -1;
        p.stop();
        assertEquals(0, p.giveWay());
    }

    @Test
    void anInterruptedWaitReturnsAndKeepsTheInterrupt() {
        FramePacer p = new FramePacer(() -> now, nanos -> {
            throw new InterruptedException();
        });
        p.activate();
        now += ms(40);
        p.giveWay();
        assertTrue(Thread.interrupted(), "the interrupt is kept for the pass to see");
    }
}
