package org.llavainspector.core.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.llavainspector.core.util.CancellableMonitor;
import org.llavainspector.core.util.TaskMonitor;

/** Grouping of hashes by Hamming distance, checked against comparing every pair. */
class NearHashGroupsTest {
    /** Flips {@code bits} distinct random bits of {@code h}. */
    private static long flip(long h, int bits, Random random) {
        long mask = 0;
        while (Long.bitCount(mask) < bits) {
            mask |= 1L << random.nextInt(64);
        }
        return h ^ mask;
    }

    @Test
    void plantedNearDuplicatesAmongManyRandomHashesAreFoundExactly() {
        Random random = new Random(7);
        int n = 60_000;
        long[] hashes = new long[n];
        for (int i = 0; i < n; i++) {
            hashes[i] = random.nextLong();
        }
        // 200 planted pairs at distance 1..6 and 50 triples, at random positions
        List<int[]> planted = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        for (int p = 0; p < 250; p++) {
            int size = p < 200 ? 2 : 3;
            int[] members = new int[size];
            for (int m = 0; m < size; m++) {
                int at;
                do {
                    at = random.nextInt(n);
                } while (!used.add(at));
                members[m] = at;
            }
            for (int m = 1; m < size; m++) {
                hashes[members[m]] = flip(hashes[members[0]], 1 + random.nextInt(6), random);
            }
            java.util.Arrays.sort(members);
            planted.add(members);
        }

        List<int[]> groups = NearHashGroups.find(hashes, 6, TaskMonitor.NONE);

        List<int[]> expected = bruteForce(hashes, 6);
        assertEquals(expected.size(), groups.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), groups.get(i));
        }
        Set<String> found = new HashSet<>();
        groups.forEach(g -> found.add(java.util.Arrays.toString(g)));
        for (int[] p : planted) {
            assertTrue(found.contains(java.util.Arrays.toString(p)), "planted group " + java.util.Arrays.toString(p));
        }
    }

    @Test
    void theThresholdIsInclusive() {
        long a = 0x0123_4567_89AB_CDEFL;
        long at6 = a ^ 0b11_1111L;                          // 6 bits in one block
        long at7 = a ^ (0b111L | 0b1111L << 40);            // 7 bits over two blocks
        long spread = a ^ (1L | 1L << 17 | 1L << 34 | 1L << 51 | 1L << 60 | 1L << 30); // 6 bits over four blocks
        long[] hashes = {a, at6, at7, spread};

        assertEquals(List.of(), asLists(NearHashGroups.find(new long[] {a, at7}, 6, TaskMonitor.NONE)));
        assertEquals(List.of(List.of(0, 1)), asLists(NearHashGroups.find(new long[] {a, at7}, 7, TaskMonitor.NONE)));
        // at6 and spread are 10 bits apart, but each is 6 from a: one group
        assertEquals(List.of(List.of(0, 1, 2)),
                asLists(NearHashGroups.find(new long[] {a, at6, spread}, 6, TaskMonitor.NONE)));
        assertEquals(List.of(), asLists(NearHashGroups.find(new long[] {a, at6, spread}, 5, TaskMonitor.NONE)));
        assertEquals(asLists(bruteForce(hashes, 6)), asLists(NearHashGroups.find(hashes, 6, TaskMonitor.NONE)));
        for (int d = 0; d <= NearHashGroups.MAX_DISTANCE; d++) {
            assertEquals(asLists(bruteForce(hashes, d)), asLists(NearHashGroups.find(hashes, d, TaskMonitor.NONE)),
                    "distance " + d);
        }
    }

    @Test
    void everyDistanceAgreesWithComparingEveryPair() {
        Random random = new Random(11);
        long[] hashes = new long[3_000];
        for (int i = 0; i < hashes.length; i++) {
            // clusters around 100 centres, so that every distance has pairs
            hashes[i] = i < 100 ? random.nextLong() : flip(hashes[random.nextInt(100)], random.nextInt(14), random);
        }
        for (int d = 0; d <= NearHashGroups.MAX_DISTANCE; d++) {
            assertEquals(asLists(bruteForce(hashes, d)), asLists(NearHashGroups.find(hashes, d, TaskMonitor.NONE)),
                    "distance " + d);
        }
    }

    @Test
    void identicalHashesFormAGroupAtDistanceZero() {
        long[] hashes = {5, 9, 5, 5, 8};
        assertEquals(List.of(List.of(0, 2, 3)), asLists(NearHashGroups.find(hashes, 0, TaskMonitor.NONE)));
        // 9 = 1001 and 8 = 1000 are one bit apart; 5 = 0101 is two from 9 and three from 8
        assertEquals(List.of(List.of(0, 2, 3), List.of(1, 4)), asLists(NearHashGroups.find(hashes, 1, TaskMonitor.NONE)));
    }

    @Test
    void aChainOfClosePairsIsOneGroup() {
        long a = 0;
        long b = 0b1111L;            // 4 from a
        long c = 0b1111_1111L;       // 4 from b, 8 from a
        assertEquals(List.of(List.of(0, 1, 2)), asLists(NearHashGroups.find(new long[] {a, b, c}, 4, TaskMonitor.NONE)));
    }

    @Test
    void badDistanceAndCancellation() {
        assertThrows(IllegalArgumentException.class, () -> NearHashGroups.find(new long[2], -1, TaskMonitor.NONE));
        assertThrows(IllegalArgumentException.class, () -> NearHashGroups.find(new long[2], 17, TaskMonitor.NONE));
        CancellableMonitor cancelled = new CancellableMonitor();
        cancelled.cancel();
        assertThrows(CancellationException.class, () -> NearHashGroups.find(new long[] {1, 2, 3}, 6, cancelled));
    }

    /** Groups by comparing every pair (union-find over all close pairs), in the same order as the index. */
    private static List<int[]> bruteForce(long[] hashes, int maxDistance) {
        int n = hashes.length;
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (Long.bitCount(hashes[i] ^ hashes[j]) <= maxDistance) {
                    parent[root(parent, i)] = root(parent, j);
                }
            }
        }
        java.util.Map<Integer, List<Integer>> byRoot = new java.util.LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            byRoot.computeIfAbsent(root(parent, i), k -> new ArrayList<>()).add(i);
        }
        List<int[]> out = new ArrayList<>();
        byRoot.values().stream().filter(g -> g.size() > 1).sorted(java.util.Comparator.comparingInt(g -> g.get(0)))
                .forEach(g -> out.add(g.stream().mapToInt(Integer::intValue).toArray()));
        return out;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            i = parent[i];
        }
        return i;
    }

    private static List<List<Integer>> asLists(List<int[]> groups) {
        List<List<Integer>> out = new ArrayList<>();
        groups.forEach(g -> out.add(java.util.Arrays.stream(g).boxed().toList()));
        return out;
    }
}
