package org.llavainspector.core.dataset;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * A compact hash table from a string key (id, image path) to the records that carry it: one int per slot instead
 * of a {@code HashMap} entry per record. Keys are re-read through {@code keyOf} when probing.
 */
final class StringLookup {
    private final int[] slots;
    private final int mask;
    private final IntFunction<String> keyOf;

    StringLookup(int size, IntFunction<String> keyOf) {
        this.keyOf = keyOf;
        int capacity = Integer.highestOneBit(Math.max(4, size * 2 - 1)) << 1;
        this.slots = new int[capacity];
        this.mask = capacity - 1;
        for (int i = 0; i < size; i++) {
            String key = keyOf.apply(i);
            if (key != null) {
                int s = spread(key.hashCode()) & mask;
                while (slots[s] != 0) {
                    s = (s + 1) & mask;
                }
                slots[s] = i + 1;
            }
        }
    }

    /** All records with this key, in file order (empty when none). */
    int[] find(String key) {
        int[] found = new int[2];
        int n = 0;
        int s = spread(key.hashCode()) & mask;
        while (slots[s] != 0) {
            int record = slots[s] - 1;
            if (key.equals(keyOf.apply(record))) {
                if (n == found.length) {
                    found = Arrays.copyOf(found, n * 2);
                }
                found[n++] = record;
            }
            s = (s + 1) & mask;
        }
        int[] result = Arrays.copyOf(found, n);
        Arrays.sort(result);
        return result;
    }

    /** The first record with this key, or -1. */
    int first(String key) {
        int[] all = find(key);
        return all.length == 0 ? -1 : all[0];
    }

    private static int spread(int h) {
        return (h ^ (h >>> 16)) * 0x9E3779B1;
    }
}
