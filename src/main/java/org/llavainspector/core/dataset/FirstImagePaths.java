package org.llavainspector.core.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.llavainspector.core.util.TaskMonitor;

/**
 * The image paths of a dataset file's first records, read from the start of the file only: enough to tell which of
 * the image sources found beside it serve it, without waiting for the index of a file of hundreds of megabytes.
 */
public final class FirstImagePaths {
    /** Records with an image whose paths are taken. */
    static final int RECORDS_WITH_IMAGES = 200;
    /** Records read at most, so that a long text-only start is not read to the end of the file. */
    static final int RECORDS_READ = 10 * RECORDS_WITH_IMAGES;

    private FirstImagePaths() {
    }

    /**
     * The image paths of the first {@value #RECORDS_WITH_IMAGES} records that have one (a string or a list of them)
     * among the first {@value #RECORDS_READ}. Empty when there are none, and when the file cannot be read: nothing
     * can be told from it either way, and the index of the file reports what is wrong with it.
     */
    public static List<String> of(Path file) {
        List<String> paths = new ArrayList<>();
        try {
            DatasetScanner.scan(file, new Collector(paths), TaskMonitor.NONE, false);
        } catch (Enough enough) {
            // the start of the file was read
        } catch (DatasetException e) {
            return List.of();
        }
        return paths;
    }

    /** Adds each record's image paths, and ends the pass once enough records were read. */
    private static final class Collector implements RecordVisitor {
        private final List<String> paths;
        private int withImages;

        Collector(List<String> paths) {
            this.paths = paths;
        }

        @Override
        public void visit(RecordSummary record) {
            if (record.imageCount() > 0) {
                paths.addAll(record.images());
                withImages++;
            }
            if (withImages == RECORDS_WITH_IMAGES || record.index() + 1 == RECORDS_READ) {
                throw new Enough();
            }
        }
    }

    /** Ends the pass from inside the visitor (the scanners look for a cancellation only every thousand records). */
    private static final class Enough extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Enough() {
            super(null, null, false, false);
        }
    }
}
