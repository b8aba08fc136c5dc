package org.llavainspector.core.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.llavainspector.core.util.TaskMonitor;

/**
 * Groups 64-bit perceptual hashes that lie within a Hamming distance of each other (single linkage: a chain of close
 * pairs is one group), without comparing every pair.
 *
 * <p>Multi-index hashing: the 64 bits are cut into four 16-bit blocks. Two hashes within distance {@code d} agree to
 * within {@code d / 4} bits in at least one block (else the four blocks would differ in more than {@code d} bits), so
 * each hash is compared only with the hashes whose block, in some position, is within {@code d / 4} bits of its own.
 * Each block position has a table of the hashes by block value (a counting sort into 65,536 slots), so a probe is an
 * array lookup. Identical hashes are collapsed first, so a thousand copies of one picture cost one entry.
 */
public final class NearHashGroups {
    /** The largest distance accepted: beyond it unrelated pictures start to meet (half the bits differ at random). */
    public static final int MAX_DISTANCE = 16;

    private static final int BLOCKS = 4;
    private static final int BLOCK_BITS = 16;
    private static final int SLOTS = 1 << BLOCK_BITS;

    private NearHashGroups() {
    }

    /**
     * The groups of at least two of the given hashes (indices into {@code hashes}, ascending within a group; groups
     * ordered by their first index) whose members are linked by pairs at most {@code maxDistance} bits apart.
     */
    public static List<int[]> find(long[] hashes, int maxDistance, TaskMonitor monitor) {
        if (maxDistance < 0 || maxDistance > MAX_DISTANCE) {
            throw new IllegalArgumentException("the distance must be 0 to " + MAX_DISTANCE + ", not " + maxDistance);
        }
        // distinct values, and for each input hash the value it is
        long[] sorted = hashes.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        long[] values = Arrays.copyOf(sorted, distinct);
        UnionFind sets = new UnionFind(distinct);
        if (maxDistance > 0) {
            linkNear(values, maxDistance, sets, monitor);
        }

        int[] valueOf = new int[hashes.length];
        for (int i = 0; i < hashes.length; i++) {
            valueOf[i] = Arrays.binarySearch(values, hashes[i]);
        }
        // members per root, in input order
        int[] count = new int[distinct];
        for (int i = 0; i < hashes.length; i++) {
            count[sets.find(valueOf[i])]++;
        }
        IntList[] members = new IntList[distinct];
        List<IntList> groups = new ArrayList<>();
        for (int i = 0; i < hashes.length; i++) {
            int root = sets.find(valueOf[i]);
            if (count[root] < 2) {
                continue;
            }
            if (members[root] == null) {
                members[root] = new IntList();
                groups.add(members[root]);
            }
            members[root].add(i);
        }
        List<int[]> out = new ArrayList<>(groups.size());
        groups.forEach(g -> out.add(g.toArray()));
        out.sort(Comparator.comparingInt(g -> g[0]));
        return out;
    }

    /** Unites every pair of distinct values within {@code maxDistance}. */
    private static void linkNear(long[] values, int maxDistance, UnionFind sets, TaskMonitor monitor) {
        int n = values.length;
        int radius = maxDistance / BLOCKS;
        int[][] starts = new int[BLOCKS][];
        int[][] byBlock = new int[BLOCKS][];
        long[][] valuesByBlock = new long[BLOCKS][];
        for (int b = 0; b < BLOCKS; b++) {
            int[] start = new int[SLOTS + 1];
            for (long v : values) {
                start[block(v, b) + 1]++;
            }
            for (int s = 0; s < SLOTS; s++) {
                start[s + 1] += start[s];
            }
            int[] next = Arrays.copyOf(start, SLOTS);
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[next[block(values[i], b)]++] = i;
            }
            long[] ordered = new long[n];
            for (int k = 0; k < n; k++) {
                ordered[k] = values[order[k]];
            }
            starts[b] = start;
            byBlock[b] = order;
            // the values themselves, in slot order: a probe reads them contiguously
            valuesByBlock[b] = ordered;
        }
        int[] masks = probeMasks(radius);
        for (int i = 0; i < n; i++) {
            if ((i & 4095) == 0) {
                monitor.checkCancelled();
                monitor.progress(i, n);
            }
            long v = values[i];
            for (int b = 0; b < BLOCKS; b++) {
                int own = block(v, b);
                int[] start = starts[b];
                int[] order = byBlock[b];
                long[] ordered = valuesByBlock[b];
                for (int mask : masks) {
                    int slot = own ^ mask;
                    for (int k = start[slot], end = start[slot + 1]; k < end; k++) {
                        // each pair once: from its smaller index
                        if (Long.bitCount(v ^ ordered[k]) <= maxDistance && order[k] > i) {
                            sets.union(i, order[k]);
                        }
                    }
                }
            }
        }
        monitor.progress(n, n);
    }

    private static int block(long v, int b) {
        return (int) (v >>> (b * BLOCK_BITS)) & (SLOTS - 1);
    }

    /** Every 16-bit mask with at most {@code radius} bits set (0 first). */
    static int[] probeMasks(int radius) {
        IntList masks = new IntList();
        for (int m = 0; m < SLOTS; m++) {
            if (Integer.bitCount(m) <= radius) {
                masks.add(m);
            }
        }
        return masks.toArray();
    }

    /** Disjoint sets with path halving and union by size. */
    private static final class UnionFind {
        private final int[] parent;
        private final int[] size;

        UnionFind(int n) {
            parent = new int[n];
            size = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
                size[i] = 1;
            }
        }

        int find(int x) {
            while (parent[x] != x) {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }
            return x;
        }

        void union(int a, int b) {
            int ra = find(a);
            int rb = find(b);
            if (ra == rb) {
                return;
            }
            if (size[ra] < size[rb]) {
                int t = ra;
                ra = rb;
                rb = t;
            }
            parent[rb] = ra;
            size[ra] += size[rb];
        }
    }
}
