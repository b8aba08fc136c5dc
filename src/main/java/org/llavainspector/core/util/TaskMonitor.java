package org.llavainspector.core.util;

import java.util.concurrent.CancellationException;

/**
 * Progress reporting and cancellation for a long pass of the core (indexing, validation, image checks).
 *
 * <p>The core calls {@link #progress} now and then and {@link #checkCancelled} often; the UI adapts this to a
 * {@code javafx.concurrent.Task}, the command line to a stderr progress line.
 */
public interface TaskMonitor {
    /** A monitor that ignores progress and is never cancelled. */
    TaskMonitor NONE = new TaskMonitor() {
    };

    /** Reports that {@code done} of {@code total} units (usually bytes) are finished; total may be -1 if unknown. */
    default void progress(long done, long total) {
    }

    /** True once somebody asked the pass to stop. */
    default boolean isCancelled() {
        return false;
    }

    /** Throws {@link CancellationException} if the pass was cancelled (or its thread interrupted). */
    default void checkCancelled() {
        if (isCancelled() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("cancelled");
        }
    }
}
