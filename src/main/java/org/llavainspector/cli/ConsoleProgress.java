package org.llavainspector.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.llavainspector.core.dataset.DatasetException;
import org.llavainspector.core.dataset.DatasetIndex;
import org.llavainspector.core.dataset.RecordVisitor;
import org.llavainspector.core.util.TaskMonitor;

/** Progress of a long pass as one self-overwriting line on stderr, only when stderr is a terminal. */
final class ConsoleProgress implements TaskMonitor {
    private static final long EVERY_NANOS = 250_000_000L;

    private final PrintWriter err;
    private final String label;
    private final boolean enabled;
    private long lastPrint = System.nanoTime();
    private boolean printed;

    ConsoleProgress(PrintWriter err, String label, boolean enabled) {
        this.err = err;
        this.label = label;
        this.enabled = enabled && System.console() != null;
    }

    @Override
    public void progress(long done, long total) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastPrint < EVERY_NANOS || total <= 0 || done >= total) {
            return;
        }
        lastPrint = now;
        printed = true;
        err.printf("\r%s %3d%%", label, done * 100 / total);
        err.flush();
    }

    /**
     * Indexes a dataset file with a "reading FILE nn%" line on a terminal (erased afterwards); {@code alsoVisit} see
     * every record of the same pass.
     */
    static DatasetIndex index(PrintWriter err, Path file, boolean show, RecordVisitor... alsoVisit)
            throws DatasetException {
        ConsoleProgress progress = new ConsoleProgress(err, "reading " + file.getFileName(), show);
        try {
            return DatasetIndex.build(file, progress, alsoVisit);
        } finally {
            progress.clear();
        }
    }

    /** Erases the progress line, if one was printed. */
    void clear() {
        if (printed) {
            err.print("\r" + " ".repeat(label.length() + 6) + "\r");
            err.flush();
            printed = false;
        }
    }
}
