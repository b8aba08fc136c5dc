package org.llavainspector.core.validate;

import java.util.Arrays;

/**
 * The first record of every id seen so far, for the duplicate-id check of an indexing pass.
 *
 * <p>A {@code HashMap<String, Integer>} took four small objects per record (entry, string, its bytes, the boxed
 * record), about 110 bytes: 65 MB at 600K records, all of it alive until the pass ends, which every young collection
 * during the pass copied again. Here the ids' chars are appended to large pages and each id is a few ints in
 * growing arrays, probed by an open-addressing table: about 50 bytes a record, in a handful of objects.
 */
final class FirstRecordOfId {
    /** Chars in a full page: 4 MiB, large enough for a collector to allocate it outside the young generation. */
    private static final int FULL_PAGE = (4 << 20) / Character.BYTES - 16;

    private char[][] pages = {new char[1024]};
    private int pageCount = 1;
    private int used;

    // per id, in the order first seen
    private long[] where = new long[64]; // page << 32 | offset
    private int[] length = new int[64];
    private int[] hash = new int[64];
    private int[] record = new int[64];
    private int count;

    private int[] slots = new int[128]; // id number + 1, or 0 for an empty slot
    private int mask = 127;

    /** Remembers {@code id} as first seen in {@code rec}, unless it was seen before: returns that record, or -1. */
    int putIfAbsent(String id, int rec) {
        int h = spread(id.hashCode());
        int s = h & mask;
        for (int e; (e = slots[s]) != 0; s = (s + 1) & mask) {
            if (hash[e - 1] == h && matches(e - 1, id)) {
                return record[e - 1];
            }
        }
        if (count == where.length) {
            grow();
        }
        where[count] = store(id);
        length[count] = id.length();
        hash[count] = h;
        record[count] = rec;
        count++;
        slots[s] = count;
        if (count * 2 > slots.length) {
            rehash();
        }
        return -1;
    }

    /** Ids remembered. */
    int size() {
        return count;
    }

    private boolean matches(int e, String id) {
        if (length[e] != id.length()) {
            return false;
        }
        char[] page = pages[(int) (where[e] >>> 32)];
        int at = (int) where[e];
        for (int i = 0; i < length[e]; i++) {
            if (page[at + i] != id.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private long store(String id) {
        int n = id.length();
        char[] page = pages[pageCount - 1];
        if (used + n > page.length) {
            if (page.length < FULL_PAGE && used + n <= FULL_PAGE) {
                // the first page grows until it is full size: a small dataset does not take 4 MiB for its ids
                pages[pageCount - 1] = page = Arrays.copyOf(page, Math.min(FULL_PAGE, Math.max(page.length * 2, used + n)));
            } else {
                if (pageCount == pages.length) {
                    pages = Arrays.copyOf(pages, pageCount * 2);
                }
                pages[pageCount++] = page = new char[Math.max(FULL_PAGE, n)];
                used = 0;
            }
        }
        id.getChars(0, n, page, used);
        long at = ((long) (pageCount - 1) << 32) | used;
        used += n;
        return at;
    }

    private void grow() {
        int n = where.length * 2;
        where = Arrays.copyOf(where, n);
        length = Arrays.copyOf(length, n);
        hash = Arrays.copyOf(hash, n);
        record = Arrays.copyOf(record, n);
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        mask = slots.length - 1;
        for (int e = 0; e < count; e++) {
            int s = hash[e] & mask;
            while (slots[s] != 0) {
                s = (s + 1) & mask;
            }
            slots[s] = e + 1;
        }
    }

    private static int spread(int h) {
        int x = h * 0x9E3779B1;
        return x ^ (x >>> 16);
    }
}
