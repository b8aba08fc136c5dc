package org.llavainspector.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FirstRecordOfIdTest {
    @Test
    void agreesWithAHashMapOverManyIdsAcrossSeveralPages() {
        // 300K ids of up to 40 chars fill more than one 4 MiB page; a third of them repeat an earlier id
        Random random = new Random(7);
        FirstRecordOfId table = new FirstRecordOfId();
        Map<String, Integer> oracle = new HashMap<>();
        String[] seen = new String[300_000];
        for (int r = 0; r < seen.length; r++) {
            String id = r > 0 && random.nextInt(3) == 0 ? seen[random.nextInt(r)]
                    : Long.toString(random.nextLong() & Long.MAX_VALUE, 36) + "-é-" + "x".repeat(random.nextInt(20));
            seen[r] = id;
            Integer expected = oracle.putIfAbsent(id, r);
            assertEquals(expected == null ? -1 : expected, table.putIfAbsent(id, r), "record " + r + " id " + id);
        }
        assertEquals(oracle.size(), table.size());
    }

    @Test
    void idsWithTheSameHashCodeStayApart() {
        FirstRecordOfId table = new FirstRecordOfId();
        assertEquals("Aa".hashCode(), "BB".hashCode());
        assertEquals(-1, table.putIfAbsent("Aa", 0));
        assertEquals(-1, table.putIfAbsent("BB", 1));
        assertEquals(-1, table.putIfAbsent("AaBB", 2));
        assertEquals(-1, table.putIfAbsent("BBAa", 3));
        assertEquals(0, table.putIfAbsent("Aa", 4));
        assertEquals(1, table.putIfAbsent("BB", 5));
        assertEquals(3, table.putIfAbsent("BBAa", 6));
        assertEquals(-1, table.putIfAbsent("", 7));
        assertEquals(7, table.putIfAbsent("", 8));
        assertEquals(5, table.size());
    }

    @Test
    void anIdLongerThanAPageIsKeptWhole() {
        FirstRecordOfId table = new FirstRecordOfId();
        String huge = "a".repeat(3 << 20);
        assertEquals(-1, table.putIfAbsent("small", 0));
        assertEquals(-1, table.putIfAbsent(huge, 1));
        assertEquals(-1, table.putIfAbsent(huge + "b", 2));
        assertEquals(1, table.putIfAbsent(huge, 3));
        assertEquals(0, table.putIfAbsent("small", 4));
    }
}
