package org.llavainspector.core.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llavainspector.TestFiles;
import org.llavainspector.core.compare.DuplicateGroups.Group;
import org.llavainspector.core.compare.DuplicateGroups.Kind;
import org.llavainspector.core.dataset.DatasetIndex;
import org.llavainspector.core.util.TaskMonitor;

class DuplicateGroupsTest {
    @TempDir
    Path dir;

    @Test
    void findsThePlantedGroupsLargestFirst() throws Exception {
        try (DatasetIndex index = DatasetIndex.build(PlantedDatasets.duplicates(dir), TaskMonitor.NONE)) {
            List<String> groups = DuplicateGroups.find(index, TaskMonitor.NONE).stream()
                    .map(DuplicateGroupsTest::describe).toList();
            assertEquals(List.of(
                    "CONVERSATION x [0, 3, 4]",
                    "ID x [0, 1]",
                    "IMAGE 1.jpg [0, 2]",
                    "IMAGE 3.jpg [3, 4]",
                    "CONVERSATION t [5, 6]"), groups);
        }
    }

    @Test
    void demoIdAndImageGroupsAgreeWithTheIndexLookups() throws Exception {
        try (DatasetIndex index = DatasetIndex.build(TestFiles.demo(), TaskMonitor.NONE)) {
            List<Group> groups = DuplicateGroups.find(index, TaskMonitor.NONE);
            // The demo repeats ids the way LLaVA-Instruct does.
            assertFalse(DuplicateGroups.ofKind(groups, Kind.ID).isEmpty());
            for (Group g : groups) {
                if (g.kind() == Kind.ID) {
                    assertArrayEquals(index.recordsWithId(g.key()), g.records());
                } else if (g.kind() == Kind.IMAGE) {
                    assertArrayEquals(index.recordsWithImage(g.key()), g.records());
                }
            }
        }
    }

    private static String describe(Group g) {
        return g.kind() + " " + g.key() + " " + Arrays.toString(g.records());
    }
}
