package org.llavainspector.core.dataset;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Append-only store of many short strings as UTF-8 bytes in large pages: about 20 bytes per id instead of the ~60
 * of a {@code String}, which matters at 600K records. The first page is small (a store of a few strings, such as the
 * ids of one record, takes 4 KiB), the others 1 MiB.
 *
 * <p>One writer appends; readers may read any reference they obtained after it was published through a volatile
 * write (the owning index's size).
 */
public final class StringArena {
    public static final long NONE = -1;
    private static final int FIRST_PAGE = 4 << 10;
    private static final int PAGE = 1 << 20;

    private volatile byte[][] pages = new byte[0][];
    private int pageCount;
    private int used;

    /** Stores a string and returns its reference, or {@link #NONE} for null. */
    public long add(String s) {
        if (s == null) {
            return NONE;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        int need = bytes.length + 4;
        if (used + need > capacity()) {
            newPage(need);
        }
        byte[] page = pages[pageCount - 1];
        int at = used;
        page[at] = (byte) (bytes.length >>> 24);
        page[at + 1] = (byte) (bytes.length >>> 16);
        page[at + 2] = (byte) (bytes.length >>> 8);
        page[at + 3] = (byte) bytes.length;
        System.arraycopy(bytes, 0, page, at + 4, bytes.length);
        used += need;
        return ((long) (pageCount - 1) << 32) | at;
    }

    /** Stores a copy of string {@code ref} of another arena, without decoding it; returns its reference here. */
    long copy(StringArena from, long ref) {
        if (ref == NONE) {
            return NONE;
        }
        byte[] src = from.pages[(int) (ref >>> 32)];
        int at = (int) ref;
        int need = 4 + (((src[at] & 0xff) << 24) | ((src[at + 1] & 0xff) << 16) | ((src[at + 2] & 0xff) << 8)
                | (src[at + 3] & 0xff));
        if (used + need > capacity()) {
            newPage(need);
        }
        int to = used;
        System.arraycopy(src, at, pages[pageCount - 1], to, need);
        used += need;
        return ((long) (pageCount - 1) << 32) | to;
    }

    private int capacity() {
        return pageCount == 0 ? 0 : pages[pageCount - 1].length;
    }

    private void newPage(int need) {
        byte[][] grown = Arrays.copyOf(pages, pageCount + 1);
        grown[pageCount] = new byte[Math.max(need, pageCount == 0 ? FIRST_PAGE : PAGE)];
        pageCount++;
        pages = grown;
        used = 0;
    }

    /** The string behind a reference, or null for {@link #NONE}. */
    public String get(long ref) {
        if (ref == NONE) {
            return null;
        }
        byte[] page = pages[(int) (ref >>> 32)];
        int at = (int) ref;
        int len = ((page[at] & 0xff) << 24) | ((page[at + 1] & 0xff) << 16) | ((page[at + 2] & 0xff) << 8)
                | (page[at + 3] & 0xff);
        return new String(page, at + 4, len, StandardCharsets.UTF_8);
    }

    /** Bytes held, for memory reports. */
    long bytes() {
        long total = 0;
        for (byte[] p : pages) {
            total += p.length;
        }
        return total;
    }
}
