package org.llavainspector.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderImageSourceTest {
    @TempDir
    Path dir;
    private Path root;

    @BeforeEach
    void layOut() throws IOException {
        root = Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(root.resolve("coco/train2017"));
        Files.write(root.resolve("coco/train2017/000000033471.jpg"), TestImages.ironingJpeg());
        Files.write(root.resolve("empty.jpg"), new byte[0]);
        Files.writeString(dir.resolve("secret.txt"), "outside");
    }

    @Test
    void findsFilesByRelativePath() throws IOException {
        FolderImageSource folder = new FolderImageSource(root);

        assertTrue(folder.contains("coco/train2017/000000033471.jpg"));
        assertFalse(folder.contains("coco/train2017"));
        assertFalse(folder.contains("coco/train2017/missing.jpg"));
        assertEquals(0, folder.size("empty.jpg"));
        assertEquals(-1, folder.size("nope.jpg"));
        assertArrayEquals(TestImages.ironingJpeg(), folder.read("coco/train2017/000000033471.jpg", 1 << 20));
        List<ImageSource.Entry> entries = folder.entries();
        assertEquals(2, entries.size());
        assertTrue(entries.contains(new ImageSource.Entry("empty.jpg", 0)));
    }

    @Test
    void refusesPathsThatLeaveTheFolder() throws IOException {
        FolderImageSource folder = new FolderImageSource(root);

        for (String escape : List.of("../secret.txt", "coco/../../secret.txt", "/etc/passwd",
                dir.resolve("secret.txt").toString(), "..", ".", "", "a\0b")) {
            assertNull(folder.resolve(escape), escape);
            assertFalse(folder.contains(escape), escape);
            assertEquals(-1, folder.size(escape), escape);
            assertThrows(NoSuchFileException.class, () -> folder.open(escape), escape);
        }
        assertTrue(folder.contains("coco/../empty.jpg"), "a path that stays inside is fine");
    }

    @Test
    void aMissingFolderIsRefused() {
        assertThrows(NoSuchFileException.class, () -> new FolderImageSource(dir.resolve("nope")));
    }
}
