package org.llavainspector.core.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llavainspector.core.dataset.DatasetIndex;
import org.llavainspector.core.query.Query;
import org.llavainspector.core.query.QueryEngine;
import org.llavainspector.core.query.QueryFields;
import org.llavainspector.core.query.QuerySyntaxException;
import org.llavainspector.core.util.TaskMonitor;

/** {@code cmp:} over the planted pair of files (see {@link PlantedDatasets}), file A at position 0, B at 1. */
class ComparisonQueryFieldsTest {
    @TempDir
    Path dir;

    private DatasetIndex a;
    private DatasetIndex b;
    private ComparisonQueryFields fields;

    @BeforeEach
    void compare() throws Exception {
        a = DatasetIndex.build(PlantedDatasets.a(dir), TaskMonitor.NONE);
        b = DatasetIndex.build(PlantedDatasets.b(dir), TaskMonitor.NONE);
        fields = new ComparisonQueryFields(DatasetComparison.compare(a, b, TaskMonitor.NONE), 0, 1);
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    private int[] search(DatasetIndex index, int file, String query) throws Exception {
        try (QueryEngine engine = new QueryEngine(index, null, null, 1)) {
            return engine.search(Query.parse(query, fields.addTo(QueryFields.standard(), file)), TaskMonitor.NONE)
                    .records();
        }
    }

    @Test
    void eachCategoryKeepsItsRecordsInEitherFile() throws Exception {
        // A: a b c d rep rep e f g; B: rep a d n rep b e f2 g (see DatasetComparisonTest for the pairing)
        assertArrayEquals(new int[] {0, 1, 4, 5, 8}, search(a, 0, "cmp:same"));
        assertArrayEquals(new int[] {0, 1, 4, 5, 8}, search(b, 1, "cmp:same"));
        assertArrayEquals(new int[] {3, 6}, search(a, 0, "cmp:changed"));
        assertArrayEquals(new int[] {2, 6}, search(b, 1, "cmp:changed"));
        assertArrayEquals(new int[] {2, 7}, search(a, 0, "cmp:only-a"));
        assertArrayEquals(new int[0], search(b, 1, "cmp:only-a"));
        assertArrayEquals(new int[0], search(a, 0, "cmp:only-b"));
        assertArrayEquals(new int[] {3, 7}, search(b, 1, "cmp:only-b"));
        assertArrayEquals(new int[] {7}, search(a, 0, "cmp:moved"));
        assertArrayEquals(new int[] {7}, search(b, 1, "cmp:moved"));
    }

    @Test
    void categoriesCombineWithTheRestOfTheLanguage() throws Exception {
        assertArrayEquals(new int[] {2}, search(a, 0, "cmp:only-a -cmp:moved"), "c: its conversation is nowhere in B");
        assertArrayEquals(new int[] {3}, search(b, 1, "cmp:only-b -cmp:moved"), "n is new");
        assertArrayEquals(new int[] {0, 1, 3, 4, 5, 6, 8}, search(a, 0, "cmp:same OR cmp:changed"));
        assertArrayEquals(new int[] {3}, search(a, 0, "cmp:CHANGED \"ans d\""));
        assertArrayEquals(new int[] {2}, search(b, 1, "cmp:changed better"));
    }

    @Test
    void aThirdFileIsInNoCategory() throws Exception {
        for (CompareCategory c : CompareCategory.values()) {
            assertArrayEquals(new int[0], search(a, 2, c.query()), c.value());
            assertArrayEquals(new int[0], fields.records(c, 2));
        }
    }

    @Test
    void recordsAndCountsMatchTheComparison() {
        assertArrayEquals(new int[] {3, 6}, fields.records(CompareCategory.CHANGED, 0));
        assertArrayEquals(new int[] {2, 6}, fields.records(CompareCategory.CHANGED, 1));
        assertEquals(10, fields.count(CompareCategory.SAME));
        assertEquals(4, fields.count(CompareCategory.CHANGED));
        assertEquals(2, fields.count(CompareCategory.ONLY_A));
        assertEquals(2, fields.count(CompareCategory.ONLY_B));
        assertEquals(2, fields.count(CompareCategory.MOVED));
        assertEquals(List.of(new RecordPair(3, 2), new RecordPair(6, 6)), fields.pairs(CompareCategory.CHANGED));
        assertEquals(List.of(), fields.pairs(CompareCategory.ONLY_A));
    }

    @Test
    void anUnknownCategoryOrNoComparisonIsAOneLineError() {
        QuerySyntaxException unknown = assertThrows(QuerySyntaxException.class,
                () -> Query.parse("dog cmp:removed", fields.addTo(QueryFields.standard(), 0)));
        assertTrue(unknown.getMessage().startsWith("column 9: "), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("known: same, changed, only-a, only-b, moved"), unknown.getMessage());
        QuerySyntaxException none = assertThrows(QuerySyntaxException.class, () -> Query.parse("cmp:same",
                ComparisonQueryFields.unavailable(QueryFields.standard(), "no comparison yet")));
        assertTrue(none.getMessage().endsWith("no comparison yet"), none.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ComparisonQueryFields(fields.comparison(), 1, 1));
    }

    @Test
    void everyCategoryQueryParsesAndKeepsItsText() throws Exception {
        for (CompareCategory c : CompareCategory.values()) {
            assertEquals(c, CompareCategory.parse(c.value()));
            assertEquals(c.query(), Query.parse(c.query(), fields.addTo(QueryFields.standard(), 0)).text());
        }
    }
}
