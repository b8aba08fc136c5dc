package org.llavainspector.ui.common;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javafx.animation.AnimationTimer;

/**
 * Lets a background pass give way while the window is late drawing its frames.
 *
 * <p>Indexing keeps a core busy. On a machine with two cores the JIT compiler takes the other one for the first
 * second or so, and then the FX and render threads get too little CPU: {@code bench ui} measured frames of 230 to 370
 * ms while a freshly started app indexed a 229 MB file. So the indexer, each time it checks in (every thousand records
 * or so), asks {@link #giveWay()}: while the last frame is more than {@link #LATE_NANOS} old it sleeps in short steps,
 * at most {@link #MAX_WAIT_NANOS} per call. When no frame has come for {@link #STALLED_NANOS} the window is not
 * drawing at all (hidden, or blocked for long), and waiting on it would only slow the pass down: it does not wait.
 *
 * <p>{@link #start()} and {@link #stop()} run on the FX thread; {@link #giveWay()} on the pass's thread.
 */
public final class FramePacer {
    /** A frame is due every 16.7 ms; one this much older than the last means the FX side is falling behind. */
    static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(25);
    /** No frame for this long: the window is not drawing, do not wait for it. */
    static final long STALLED_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    /** The longest one call waits. */
    static final long MAX_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    /** How the pacer sleeps (a test replaces it with a fake clock's advance). */
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final LongSupplier clock;
    private final Sleeper sleeper;
    private volatile long lastFrame;
    private volatile boolean active;
    private AnimationTimer frames;

    public FramePacer() {
        this(System::nanoTime, nanos -> TimeUnit.NANOSECONDS.sleep(nanos));
    }

    FramePacer(LongSupplier clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Starts watching the frames (FX thread), e.g. when indexing starts. */
    public void start() {
        if (frames == null) {
            frames = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    frame();
                }
            };
        }
        activate();
        frames.start();
    }

    /** Stops watching (FX thread); {@link #giveWay()} returns at once from now on. */
    public void stop() {
        active = false;
        if (frames != null) {
            frames.stop();
        }
    }

    void activate() {
        frame();
        active = true;
    }

    /** A frame was drawn. */
    void frame() {
        lastFrame = clock.getAsLong();
    }

    /**
     * Called by the background pass between chunks of work: waits while the window is late with its frames (see the
     * class comment). Returns how long it waited, in nanoseconds.
     */
    public long giveWay() {
        if (!active) {
            return 0;
        }
        long begin = clock.getAsLong();
        while (true) {
            long now = clock.getAsLong();
            long late = now - lastFrame;
            if (!active || late < LATE_NANOS || late > STALLED_NANOS || now - begin >= MAX_WAIT_NANOS) {
                return now - begin;
            }
            try {
                sleeper.sleep(STEP_NANOS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the pass sees it and stops as cancelled
                return clock.getAsLong() - begin;
            }
        }
    }
}
