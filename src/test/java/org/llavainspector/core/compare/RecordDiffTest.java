package org.llavainspector.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llavainspector.core.compare.RecordDiff.Row;
import org.llavainspector.core.dataset.DatasetIndex;
import org.llavainspector.core.dataset.SampleRecord;
import org.llavainspector.core.util.TaskMonitor;

class RecordDiffTest {
    @TempDir
    Path dir;

    @Test
    void thePlantedChangesAreTheRowsThatDiffer() throws Exception {
        try (DatasetIndex a = DatasetIndex.build(PlantedDatasets.a(dir), TaskMonitor.NONE);
                DatasetIndex b = DatasetIndex.build(PlantedDatasets.b(dir), TaskMonitor.NONE)) {
            // d: the answer changed
            List<Row> d = RecordDiff.of(a.record(3), b.record(2));
            assertEquals(List.of(new Row("id", "d", "d", false), new Row("image", "d.jpg", "d.jpg", false),
                    new Row("turn 1", "human: q d", "human: q d", false),
                    new Row("turn 2", "gpt: ans d", "gpt: a better answer d", true)), d);
            assertEquals(1, RecordDiff.differences(d));
            // e: another field changed
            assertEquals(new Row("source", "x", "y", true), RecordDiff.of(a.record(6), b.record(6)).get(4));
            // g: fields in another order and other whitespace are no difference
            assertEquals(0, RecordDiff.differences(RecordDiff.of(a.record(8), b.record(8))));
            // f renamed f2
            assertEquals(new Row("id", "f", "f2", true), RecordDiff.of(a.record(7), b.record(7)).get(0));
        }
    }

    @Test
    void aMissingTurnOrFieldIsShownAsAbsent() throws Exception {
        SampleRecord x = SampleRecord.parse(0, ("{\"id\":1,\"conversations\":[{\"from\":\"human\",\"value\":\"q\"},"
                + "{\"from\":\"gpt\",\"value\":\"a\"}]}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        SampleRecord y = SampleRecord.parse(0, ("{\"id\":1,\"model\":\"m\",\"conversations\":[{\"from\":\"human\","
                + "\"value\":\"q\"}]}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<Row> rows = RecordDiff.of(x, y);
        assertEquals(new Row("id", "1", "1", false), rows.get(0));
        assertEquals(new Row("image", RecordDiff.ABSENT, RecordDiff.ABSENT, false), rows.get(1));
        assertEquals(new Row("turn 2", "gpt: a", RecordDiff.ABSENT, true), rows.get(3));
        assertEquals(new Row("model", RecordDiff.ABSENT, "m", true), rows.get(4));
    }
}
