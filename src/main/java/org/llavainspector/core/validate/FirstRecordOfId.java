package org.llavainspector.core.validate;

import java.util.Arrays;
import org.llavainspector.core.dataset.StringArena;

/**
 * The first record of every id seen so far, for the duplicate-id check of an indexing pass.
 *
 * <p>A {@code HashMap<String, Integer>} took four small objects per record (entry, string, its bytes, the boxed
 * record), about 110 bytes: 65 MB at 600K records, all of it alive until the pass ends, which every young collection
 * during the pass copied again. Here the ids go to a {@link StringArena} (as the index keeps them) and each id is a
 * few ints in growing arrays, probed by an open-addressing table: a handful of objects in all.
 */
final class FirstRecordOfId {
    private final StringArena ids = new StringArena();

    // per id, in the order first seen
    private long[] where = new long[64]; // reference in ids
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
            if (hash[e - 1] == h && id.equals(ids.get(where[e - 1]))) {
                return record[e - 1];
            }
        }
        if (count == where.length) {
            grow();
        }
        where[count] = ids.add(id);
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

    private void grow() {
        int n = where.length * 2;
        where = Arrays.copyOf(where, n);
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
