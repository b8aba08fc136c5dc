package org.llavainspector.core.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llavainspector.TestFiles;
import org.llavainspector.core.util.TaskMonitor;

/** An index built on several threads is the index built on one. */
class ParallelIndexTest {
    @TempDir
    Path dir;

    @Test
    void sameRecordsAsTheSequentialIndex() throws Exception {
        for (Path file : new Path[] {TestFiles.demo(), TestFiles.realdata("caps_boxes_coco2014_val_80.jsonl"),
            TestFiles.realdata("llava_instruct_150k_sample.json")}) {
            try (DatasetIndex one = DatasetIndex.build(file, TaskMonitor.NONE);
                 DatasetIndex many = DatasetIndex.buildParallel(file, 4, TaskMonitor.NONE, 0)) {
                assertTrue(many.isComplete());
                assertEquals(one.format(), many.format());
                assertEquals(one.size(), many.size(), file.toString());
                for (int r = 0; r < one.size(); r++) {
                    assertEquals(one.offset(r), many.offset(r));
                    assertEquals(one.length(r), many.length(r));
                    assertEquals(one.id(r), many.id(r));
                    assertEquals(one.images(r), many.images(r));
                    assertEquals(one.turnCount(r), many.turnCount(r));
                    assertEquals(one.placement(r), many.placement(r));
                }
                assertEquals(one.record(one.size() - 1).sourceText(), many.record(many.size() - 1).sourceText());
            }
        }
    }

    @Test
    void badInputIsReportedAsByTheSequentialPass() {
        Path broken = TestFiles.write(dir, "b.json",
                "[\n  {\"id\": \"a\"},\n  {\"id\": \"b\",\n  {\"id\": \"c\"}\n]\n");
        DatasetException e = assertThrows(DatasetException.class,
                () -> DatasetIndex.buildParallel(broken, 3, TaskMonitor.NONE, 0));
        assertEquals(1, e.record());
    }
}
