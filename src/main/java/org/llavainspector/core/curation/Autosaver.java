package org.llavainspector.core.curation;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Saves a session to its sidecar in the background soon after each change: once the changes pause for
 * {@code quiet}, and at the latest {@code maxDelay} after the first unsaved one, so that a crash or a kill loses at
 * most the last few seconds. {@link #flush()} saves at once (on closing the window); {@link #close()} flushes and
 * stops the background thread.
 */
public final class Autosaver implements AutoCloseable {
    /** Saved this long after the last change... */
    public static final Duration DEFAULT_QUIET = Duration.ofSeconds(2);
    /** ...but no later than this after the first unsaved change. */
    public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(5);

    private final Session session;
    private final Path sidecar;
    private final long quietNanos;
    private final long maxDelayNanos;
    private final Consumer<IOException> onError;
    private final ScheduledExecutorService scheduler;
    private final Session.Listener listener = this::changed;
    private final Object saveLock = new Object();
    private final Object stateLock = new Object();
    private ScheduledFuture<?> pending;
    private long firstUnsaved;
    private long lastChange;
    private volatile long savedVersion;
    private volatile long lastSaveNanos = -1;
    private volatile IOException lastError;

    /** An autosaver with the default delays (2 s quiet, 5 s at most). */
    public Autosaver(Session session, Path sidecar, Consumer<IOException> onError) {
        this(session, sidecar, DEFAULT_QUIET, DEFAULT_MAX_DELAY, onError);
    }

    /**
     * @param onError told (on the autosave thread) when a save fails; the next change tries again
     */
    public Autosaver(Session session, Path sidecar, Duration quiet, Duration maxDelay, Consumer<IOException> onError) {
        this.session = session;
        this.sidecar = sidecar;
        this.quietNanos = quiet.toNanos();
        this.maxDelayNanos = Math.max(maxDelay.toNanos(), quietNanos);
        this.onError = onError;
        this.savedVersion = session.version();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "session-autosave");
            t.setDaemon(true);
            return t;
        });
        session.addListener(listener);
    }

    public Path sidecar() {
        return sidecar;
    }

    /** True when the session has changes not yet in the sidecar. */
    public boolean isDirty() {
        return session.version() != savedVersion;
    }

    /** The last save failure, if the last attempt failed. */
    public IOException lastError() {
        return lastError;
    }

    /** How long the last save took, in nanoseconds (-1 before the first). */
    public long lastSaveNanos() {
        return lastSaveNanos;
    }

    private void changed(Collection<SampleKey> keys) {
        synchronized (stateLock) {
            long now = System.nanoTime();
            lastChange = now;
            if (firstUnsaved == 0) {
                firstUnsaved = now;
            }
            if (pending == null && !scheduler.isShutdown()) {
                pending = scheduler.schedule(this::tick, quietNanos, TimeUnit.NANOSECONDS);
            }
        }
    }

    /** Saves when the quiet time or the maximum delay has passed, otherwise waits until then. */
    private void tick() {
        long wait;
        synchronized (stateLock) {
            long now = System.nanoTime();
            long due = Math.min(lastChange + quietNanos, firstUnsaved + maxDelayNanos);
            wait = due - now;
            if (wait > 0) {
                pending = scheduler.schedule(this::tick, wait, TimeUnit.NANOSECONDS);
                return;
            }
            pending = null;
            firstUnsaved = 0;
        }
        try {
            flush();
        } catch (IOException e) {
            onError.accept(e);
        }
    }

    /** Saves now, on the calling thread, if anything changed since the last save. */
    public void flush() throws IOException {
        synchronized (saveLock) {
            Session.Snapshot snapshot = session.snapshot();
            if (snapshot.version() == savedVersion) {
                return;
            }
            long start = System.nanoTime();
            try {
                SessionStore.save(snapshot, sidecar);
                lastError = null;
            } catch (IOException e) {
                lastError = e;
                throw e;
            }
            lastSaveNanos = System.nanoTime() - start;
            savedVersion = snapshot.version();
        }
    }

    /** Stops listening, saves what is unsaved, and ends the background thread. */
    @Override
    public void close() throws IOException {
        session.removeListener(listener);
        synchronized (stateLock) {
            if (pending != null) {
                pending.cancel(false);
                pending = null;
            }
            scheduler.shutdown();
        }
        try {
            flush();
        } finally {
            try {
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
