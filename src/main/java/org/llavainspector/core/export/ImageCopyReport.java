package org.llavainspector.core.export;

import java.nio.file.Path;
import java.util.List;

/**
 * What an export's image copy did: where to, how many distinct images and bytes, and the images that were missing
 * (each with the first sample that uses it and how many do).
 */
public record ImageCopyReport(Path out, boolean zip, int copied, long bytes, List<Missing> missing) {
    public ImageCopyReport {
        missing = List.copyOf(missing);
    }

    /** A dataset path found in no image source. */
    public record Missing(String path, String firstId, int records) {
    }
}
