package org.llavainspector.core.util;

/** A {@link TaskMonitor} that can be cancelled from another thread and forwards progress to a callback. */
public final class CancellableMonitor implements TaskMonitor {
    private final ProgressCallback callback;
    private volatile boolean cancelled;

    public CancellableMonitor() {
        this((done, total) -> { });
    }

    public CancellableMonitor(ProgressCallback callback) {
        this.callback = callback;
    }

    /** Receives progress updates; may be called from any thread. */
    @FunctionalInterface
    public interface ProgressCallback {
        void update(long done, long total);
    }

    public void cancel() {
        cancelled = true;
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void progress(long done, long total) {
        callback.update(done, total);
    }
}
