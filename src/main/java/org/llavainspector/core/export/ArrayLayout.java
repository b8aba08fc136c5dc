package org.llavainspector.core.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import org.llavainspector.core.dataset.DatasetFormat;
import org.llavainspector.core.dataset.DatasetIndex;

/**
 * The bytes around the records of a JSON array: before the first, between two, after the last. Taken from the source
 * so that an export of all its unedited records is the source file, byte for byte.
 */
record ArrayLayout(byte[] head, byte[] separator, byte[] tail) {
    /** One record per line, for JSON Lines sources. */
    static final ArrayLayout LINES = of("[\n", ",\n", "\n]\n");
    /** Python's {@code json.dump(d, f)}: {@code [{...}, {...}]}. */
    static final ArrayLayout COMPACT = of("[", ", ", "]\n");

    private static ArrayLayout of(String head, String separator, String tail) {
        return new ArrayLayout(head.getBytes(StandardCharsets.UTF_8), separator.getBytes(StandardCharsets.UTF_8),
                tail.getBytes(StandardCharsets.UTF_8));
    }

    /** The layout of a JSON array source (falls back to {@link #LINES} for JSON Lines or an odd file). */
    static ArrayLayout of(DatasetIndex index) throws IOException {
        if (index.format() != DatasetFormat.JSON_ARRAY || index.size() == 0) {
            return LINES;
        }
        try (FileChannel ch = FileChannel.open(index.file(), StandardOpenOption.READ)) {
            long size = ch.size();
            long firstEnd = index.offset(0) + index.length(0);
            byte[] head = read(ch, 0, index.offset(0));
            byte[] separator = index.size() > 1 ? read(ch, firstEnd, index.offset(1) - firstEnd) : null;
            int last = index.size() - 1;
            long lastEnd = index.offset(last) + index.length(last);
            byte[] tail = read(ch, lastEnd, size - lastEnd);
            if (head == null || tail == null || !holds(head, '[') || !holds(tail, ']')) {
                return LINES;
            }
            if (separator == null || !holds(separator, ',')) {
                separator = guessSeparator(head);
            }
            return new ArrayLayout(head, separator, tail);
        }
    }

    /** A separator that matches the head: ",\n  " after "[\n  ", ", " after "[". */
    private static byte[] guessSeparator(byte[] head) {
        String h = new String(head, StandardCharsets.UTF_8);
        String after = h.substring(h.indexOf('[') + 1);
        return ("," + (after.isEmpty() ? " " : after)).getBytes(StandardCharsets.UTF_8);
    }

    /** True when the bytes are whitespace around one {@code c} (a BOM allowed in front). */
    private static boolean holds(byte[] bytes, char c) {
        int found = 0;
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == c) {
                found++;
            } else if (!JsonText.isWhitespace(b) && !(i < 3 && (b & 0xFF) >= 0xBB)) {
                return false;
            }
        }
        return found == 1;
    }

    /** Bytes {@code [from, from + length)}, or null for an implausibly long stretch (not a layout). */
    private static byte[] read(FileChannel ch, long from, long length) throws IOException {
        if (length < 0 || length > 4096) {
            return null;
        }
        ByteBuffer buf = ByteBuffer.allocate((int) length);
        while (buf.hasRemaining()) {
            if (ch.read(buf, from + buf.position()) < 0) {
                throw new IOException("the file became shorter while it was read");
            }
        }
        return buf.array();
    }
}
