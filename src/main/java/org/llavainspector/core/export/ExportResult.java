package org.llavainspector.core.export;

import java.nio.file.Path;

/**
 * What an export wrote: the file, its format and size, the selection in words, how many records, how many of them
 * had other images than their source ({@code edited}: session edits, paths changed for the image copy) and how many
 * were not copied byte for byte ({@code rewritten}: the edited ones, and pretty-printed records put on one line),
 * records an id list left out for lack of an id, and the image copy (or null).
 */
public record ExportResult(Path out, ExportFormat format, String selection, int records, int edited, int rewritten,
        int withoutId, long bytes, ImageCopyReport images) {
}
