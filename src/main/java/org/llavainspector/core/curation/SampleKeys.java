package org.llavainspector.core.curation;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.RandomAccess;

/**
 * An immutable list of sample keys packed into one {@code long} each: 8 bytes a key where a list of {@link SampleKey}s
 * takes a 16-byte object and a reference, and no object to make or collect for each of the 600K samples of a
 * selection. {@link #get} makes the key it returns; loops over many keys use {@link #file} and {@link #record}.
 */
public final class SampleKeys extends AbstractList<SampleKey> implements RandomAccess {
    private static final SampleKeys NONE = new SampleKeys(new long[0]);

    private final long[] packed;

    private SampleKeys(long[] packed) {
        this.packed = packed;
    }

    /** The keys, in their order (already packed keys are taken as they are). */
    public static SampleKeys of(Collection<SampleKey> keys) {
        if (keys instanceof SampleKeys packedKeys) {
            return packedKeys;
        }
        Builder b = new Builder(keys.size());
        keys.forEach(k -> b.add(k.file(), k.record()));
        return b.build();
    }

    /** The keys without repeats, each where it first came. */
    public static SampleKeys distinct(Collection<SampleKey> keys) {
        SampleKeys all = of(keys);
        return all.isIncreasing() ? all : all.withoutRepeats();
    }

    /** True when the keys are in file then record order, each after the one before: a selection usually is. */
    private boolean isIncreasing() {
        for (int i = 1; i < packed.length; i++) {
            if (packed[i] <= packed[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /** These keys without repeats, each where it first came: these themselves when there is none. */
    private SampleKeys withoutRepeats() {
        Seen seen = new Seen();
        long[] kept = new long[packed.length];
        int n = 0;
        for (long key : packed) {
            if (seen.add(key)) {
                kept[n++] = key;
            }
        }
        return n == packed.length ? this : new SampleKeys(Arrays.copyOf(kept, n));
    }

    /** The file of key i. */
    public int file(int i) {
        return (int) (packed[i] >>> 32);
    }

    /** The record of key i. */
    public int record(int i) {
        return (int) packed[i];
    }

    @Override
    public SampleKey get(int i) {
        return new SampleKey(file(i), record(i));
    }

    @Override
    public int size() {
        return packed.length;
    }

    /** The keys met so far, a bit per record of each file. */
    private static final class Seen {
        private BitSet[] files = new BitSet[0];

        /** Takes note of a key; false when it was met before. */
        boolean add(long key) {
            int f = (int) (key >>> 32);
            if (f >= files.length) {
                files = Arrays.copyOf(files, f + 1);
            }
            if (files[f] == null) {
                files[f] = new BitSet();
            }
            int r = (int) key;
            if (files[f].get(r)) {
                return false;
            }
            files[f].set(r);
            return true;
        }
    }

    /** Collects keys one by one, without a key object for each. */
    public static final class Builder {
        private long[] packed;
        private int size;

        /** @param expected how many keys will come (the list is made without a copy when it is right) */
        public Builder(int expected) {
            packed = new long[expected];
        }

        /** Adds the key of record {@code record} of file {@code file}. */
        public Builder add(int file, int record) {
            if (file < 0 || record < 0) {
                throw new IllegalArgumentException("bad sample key: file " + file + ", record " + record);
            }
            if (size == packed.length) {
                packed = Arrays.copyOf(packed, Math.max(4, size * 2));
            }
            packed[size++] = (long) file << 32 | record;
            return this;
        }

        /** The keys added so far (keys added later are not in it). */
        public SampleKeys build() {
            return size == 0 ? NONE : new SampleKeys(size == packed.length ? packed : Arrays.copyOf(packed, size));
        }
    }
}
