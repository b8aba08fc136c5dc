package org.llavainspector.core.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llavainspector.TestFiles;
import org.llavainspector.core.dataset.DatasetIndex;
import org.llavainspector.core.util.TaskMonitor;

class DatasetComparisonTest {
    @TempDir
    Path dir;

    @Test
    void findsEveryPlantedDifference() throws Exception {
        try (DatasetIndex a = DatasetIndex.build(PlantedDatasets.a(dir), TaskMonitor.NONE);
                DatasetIndex b = DatasetIndex.build(PlantedDatasets.b(dir), TaskMonitor.NONE)) {
            DatasetComparison r = DatasetComparison.compare(a, b, TaskMonitor.NONE);

            // a, b, both rep records (swapped in B) and g (fields reordered, other whitespace).
            assertEquals(List.of(pair(0, 1), pair(1, 5), pair(4, 4), pair(5, 0), pair(8, 8)), r.same());
            // d's answer, e's source field.
            assertEquals(List.of(pair(3, 2), pair(6, 6)), r.changed());
            assertArrayEquals(new int[] {2, 7}, r.onlyInA());
            assertArrayEquals(new int[] {3, 7}, r.onlyInB());
            // f renamed f2, same conversation.
            assertEquals(List.of(pair(7, 7)), r.sameConversationDifferentKey());
        }
    }

    @Test
    void pairsRepeatedKeysAsAMultiset() throws Exception {
        Path a = TestFiles.write(dir, "a.jsonl", line("x", "p") + line("x", "q") + line("x", "r"));
        Path b = TestFiles.write(dir, "b.jsonl", line("x", "r") + line("x", "s"));
        try (DatasetIndex ia = DatasetIndex.build(a, TaskMonitor.NONE);
                DatasetIndex ib = DatasetIndex.build(b, TaskMonitor.NONE)) {
            DatasetComparison r = DatasetComparison.compare(ia, ib, TaskMonitor.NONE);
            assertEquals(List.of(pair(2, 0)), r.same());
            assertEquals(List.of(pair(0, 1)), r.changed());
            assertArrayEquals(new int[] {1}, r.onlyInA());
            assertArrayEquals(new int[0], r.onlyInB());
        }
    }

    @Test
    void manyRecordsUnderOneKeyAreMatchedByHash() throws Exception {
        // Text-only records without ids all share one key; more than the small-group limit takes the hashed path.
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            a.append(textOnly("t" + i));
            b.append(textOnly("t" + (39 - i + (i < 5 ? 100 : 0))));
        }
        try (DatasetIndex ia = DatasetIndex.build(TestFiles.write(dir, "a.jsonl", a.toString()), TaskMonitor.NONE);
                DatasetIndex ib = DatasetIndex.build(TestFiles.write(dir, "b.jsonl", b.toString()), TaskMonitor.NONE)) {
            DatasetComparison r = DatasetComparison.compare(ia, ib, TaskMonitor.NONE);
            // B holds t0..t34 reversed plus five new texts; A's t35..t39 pair with them as changed.
            assertEquals(35, r.same().size());
            assertEquals(pair(0, 39), r.same().get(0));
            assertEquals(List.of(pair(35, 0), pair(36, 1), pair(37, 2), pair(38, 3), pair(39, 4)), r.changed());
        }
    }

    @Test
    void demoAgainstItselfIsAllSame() throws Exception {
        try (DatasetIndex a = DatasetIndex.build(TestFiles.demo(), TaskMonitor.NONE);
                DatasetIndex b = DatasetIndex.build(TestFiles.demo(), TaskMonitor.NONE)) {
            DatasetComparison r = DatasetComparison.compare(a, b, TaskMonitor.NONE);
            assertEquals(a.size(), r.same().size());
            for (RecordPair p : r.same()) {
                assertEquals(p.a(), p.b());
            }
            assertEquals(0, r.changed().size() + r.onlyInA().length + r.onlyInB().length
                    + r.sameConversationDifferentKey().size());
        }
    }

    @Test
    void hashesIgnoreWhitespaceButNotContent() throws Exception {
        long[] compact = hash("{\"id\":\"1\",\"conversations\":[{\"from\":\"human\",\"value\":\"hi\"}]}");
        long[] spaced = hash("{ \"id\" : \"1\",\n  \"conversations\" : [ {\"from\": \"human\", \"value\": \"hi\"} ] }");
        long[] swapped = hash("{\"id\":\"1\",\"conversations\":[{\"from\":\"gpt\",\"value\":\"hi\"}]}");
        long[] extraField = hash("{\"id\":\"1\",\"x\":1,\"conversations\":[{\"from\":\"human\",\"value\":\"hi\"}]}");
        long[] splitText = hash("{\"id\":\"1\",\"conversations\":[{\"from\":\"humanhi\",\"value\":\"\"}]}");
        assertArrayEquals(compact, spaced);
        assertNotEquals(compact[0], swapped[0]);
        assertNotEquals(compact[0], splitText[0]);
        assertEquals(compact[0], extraField[0]);
        assertNotEquals(compact[1], extraField[1]);
    }

    private static long[] hash(String json) throws Exception {
        return RecordHashes.hash(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String line(String id, String answer) {
        return "{\"id\":\"" + id + "\",\"image\":\"" + id + ".jpg\",\"conversations\":[{\"from\":\"human\","
                + "\"value\":\"q\"},{\"from\":\"gpt\",\"value\":\"" + answer + "\"}]}\n";
    }

    private static String textOnly(String text) {
        return "{\"conversations\":[{\"from\":\"human\",\"value\":\"" + text + "\"}]}\n";
    }

    private static RecordPair pair(int a, int b) {
        return new RecordPair(a, b);
    }
}
