package org.llavainspector.core.image;

import java.io.IOException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.llavainspector.core.util.TaskMonitor;

/**
 * What an image source holds: entries, bytes, extensions, top-level folders and, when asked, the formats their
 * bytes really are (by magic number, reading only the first few bytes of each file).
 */
public final class ImageInventory {
    /** The folder name used for files at the root of a source. */
    public static final String ROOT_FOLDER = "(root)";

    private final String sourceName;
    private final long entries;
    private final long totalBytes;
    private final long emptyFiles;
    private final Map<String, Long> byExtension;
    private final Map<String, Long> byFolder;
    private final Map<ImageFormat, Long> byContent;
    private final long misnamed;

    private ImageInventory(String sourceName, long entries, long totalBytes, long emptyFiles,
                           Map<String, Long> byExtension, Map<String, Long> byFolder,
                           Map<ImageFormat, Long> byContent, long misnamed) {
        this.sourceName = sourceName;
        this.entries = entries;
        this.totalBytes = totalBytes;
        this.emptyFiles = emptyFiles;
        this.byExtension = Collections.unmodifiableMap(byExtension);
        this.byFolder = Collections.unmodifiableMap(byFolder);
        this.byContent = byContent == null ? null : Collections.unmodifiableMap(byContent);
        this.misnamed = misnamed;
    }

    /**
     * Surveys {@code source}; with {@code sniff} it also reads the head of every file (progress in files).
     *
     * @throws java.util.concurrent.CancellationException when the monitor is cancelled
     */
    public static ImageInventory of(ImageSource source, boolean sniff, TaskMonitor monitor) throws IOException {
        List<ImageSource.Entry> files = source.entries();
        long totalBytes = 0;
        long empty = 0;
        Map<String, Long> byExtension = new TreeMap<>();
        Map<String, Long> byFolder = new TreeMap<>();
        Map<ImageFormat, Long> byContent = sniff ? new EnumMap<>(ImageFormat.class) : null;
        long misnamed = 0;
        int done = 0;
        for (ImageSource.Entry e : files) {
            totalBytes += Math.max(0, e.size());
            if (e.size() == 0) {
                empty++;
            }
            String ext = ImageFormat.extensionOf(e.path());
            byExtension.merge(ext.isEmpty() ? "(none)" : ext, 1L, Long::sum);
            int slash = e.path().indexOf('/');
            byFolder.merge(slash < 0 ? ROOT_FOLDER : e.path().substring(0, slash + 1), 1L, Long::sum);
            if (sniff && e.size() != 0) {
                monitor.checkCancelled();
                ImageFormat content = ImageFormat.sniff(source.readHead(e.path(), ImageFormat.HEAD_BYTES));
                byContent.merge(content, 1L, Long::sum);
                ImageFormat named = ImageFormat.fromExtension(e.path());
                if (named != ImageFormat.UNKNOWN && content != ImageFormat.UNKNOWN && named != content) {
                    misnamed++;
                }
            }
            if (++done % 4096 == 0) {
                monitor.progress(done, files.size());
            }
        }
        monitor.progress(files.size(), files.size());
        return new ImageInventory(source.name(), files.size(), totalBytes, empty, byExtension, byFolder, byContent,
                misnamed);
    }

    public String sourceName() {
        return sourceName;
    }

    /** Files (directories are not counted). */
    public long entries() {
        return entries;
    }

    public long totalBytes() {
        return totalBytes;
    }

    public long emptyFiles() {
        return emptyFiles;
    }

    /** File counts by lower-case extension ({@code (none)} for none), sorted by extension. */
    public Map<String, Long> byExtension() {
        return byExtension;
    }

    /** File counts by top-level folder ({@code 00000/}, or {@link #ROOT_FOLDER}), sorted by name. */
    public Map<String, Long> byFolder() {
        return byFolder;
    }

    /** File counts by the format of their bytes, or null when the heads were not read; empty files excluded. */
    public Map<ImageFormat, Long> byContent() {
        return byContent;
    }

    /** Files whose bytes are another image format than their extension says (only when heads were read). */
    public long misnamed() {
        return misnamed;
    }
}
