package org.llavainspector.core.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llavainspector.TestFiles;
import org.llavainspector.core.image.ImageSources;
import org.llavainspector.core.util.TaskMonitor;

class ImagePathCompletionTest {
    @TempDir
    Path dir;

    @Test
    void pathsOfPlainSourcesAndPrefixRules() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("gqa/images"));
        Files.write(folder.resolve("2354786.jpg"), new byte[] {1});
        Files.write(folder.resolve("2354787.jpg"), new byte[] {1});
        Path zip = TestFiles.demo().resolveSibling("images.zip");
        try (ImageSources sources = ImageSources.open(List.of(dir), List.of("coco/train2017/=" + zip))) {
            ImagePathCompletion c = ImagePathCompletion.of(sources, TaskMonitor.NONE);
            assertEquals(25, c.size(), "23 zip entries behind the rule, 2 files in the folder");
            assertEquals(List.of("gqa/images/2354786.jpg", "gqa/images/2354787.jpg"), c.complete("gqa/", 10));
            assertEquals(List.of("gqa/images/2354786.jpg"), c.complete("gqa/images/2354786", 10));
            assertEquals("coco/train2017/000000319154.jpg", c.complete("000000319154", 5).get(0),
                    "a file name finds its full path");
            assertEquals(3, c.complete("coco/train2017/", 3).size());
            assertTrue(c.contains("coco/train2017/000000319154.jpg"));
            assertFalse(c.contains("000000319154.jpg"));
            for (String p : c.complete("", 100)) {
                assertTrue(sources.resolve(p).isPresent(), p);
            }
        }
    }
}
