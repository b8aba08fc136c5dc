package org.llavainspector.ui.common;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleConsumer;
import javafx.application.Platform;
import org.llavainspector.core.util.CancellableMonitor;

/** Adapts the core's progress callback to the FX thread for a progress bar. */
public final class FxProgress {
    private FxProgress() {
    }

    /** Progress as counts: {@code done} of {@code total} ({@code total} 0 or less when unknown). */
    @FunctionalInterface
    public interface Counts {
        void update(long done, long total);
    }

    /**
     * A monitor for one background pass whose progress reaches {@code fraction} on the FX thread as 0..1 (-1 when
     * the total is unknown). Reports are coalesced: at most one update waits on the FX thread, carrying the latest
     * figures. Nothing more is reported once the monitor is cancelled.
     */
    public static CancellableMonitor monitor(DoubleConsumer fraction) {
        return monitor((done, total) -> fraction.accept(total > 0 ? Math.min(1, (double) done / total) : -1));
    }

    /** {@link #monitor(DoubleConsumer)} with the counts themselves, e.g. for "12,000 of 595,375". */
    public static CancellableMonitor monitor(Counts counts) {
        AtomicReference<long[]> latest = new AtomicReference<>();
        AtomicBoolean posted = new AtomicBoolean();
        AtomicReference<CancellableMonitor> self = new AtomicReference<>();
        CancellableMonitor monitor = new CancellableMonitor((done, total) -> {
            latest.set(new long[] {done, total});
            if (!posted.getAndSet(true)) {
                Platform.runLater(() -> {
                    posted.set(false);
                    long[] p = latest.get();
                    if (!self.get().isCancelled()) {
                        counts.update(p[0], p[1]);
                    }
                });
            }
        });
        self.set(monitor);
        return monitor;
    }
}
