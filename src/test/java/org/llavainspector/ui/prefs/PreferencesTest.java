package org.llavainspector.ui.prefs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreferencesTest {
    @TempDir
    Path dir;

    @Test
    void defaultsWhenNothingWasSaved() {
        Preferences p = Preferences.load(dir.resolve("none.json"));
        assertEquals("light", p.theme());
        assertEquals(256, p.thumbnailBudgetMb());
        assertEquals(160, p.thumbnailSize());
        assertFalse(p.firstRunDone());
    }

    @Test
    void roundTripThroughTheFileWithClampedValues() throws Exception {
        Path file = dir.resolve("config/preferences.json");
        Preferences p = Preferences.load(file);
        p.setTheme("dark");
        p.setThumbnailBudgetMb(100_000);
        p.setThumbnailSize(10);
        p.setImageSources(List.of("/data/images.zip"));
        p.setPrefixRules(List.of("coco/train2017/=/data/train2017.zip"));
        p.setFirstRunDone(true);
        p.save();
        Preferences q = Preferences.load(file);
        assertEquals("dark", q.theme());
        assertEquals(8192, q.thumbnailBudgetMb());
        assertEquals(64, q.thumbnailSize());
        assertEquals(List.of("/data/images.zip"), q.imageSources());
        assertEquals(List.of("coco/train2017/=/data/train2017.zip"), q.prefixRules());
        assertTrue(q.firstRunDone());
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "the temporary file was moved into place");
        }
    }

    @Test
    void anUnreadableFileMeansDefaultsNotACrash() throws Exception {
        Path file = Files.writeString(dir.resolve("preferences.json"), "{ not json");
        assertEquals("light", Preferences.load(file).theme());
    }
}
