package org.llavainspector.ui.shortcuts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** README's table of keys is the one the app shows (its {@code ?} overlay): the same rows in the same order. */
class ShortcutTableTest {
    @Test
    void readmeListsEveryShortcutAsTheOverlayDoes() throws Exception {
        List<String> readme = Files.readAllLines(Path.of("README.md")).stream()
                .filter(l -> l.startsWith("| ") && !l.startsWith("| keys"))
                .filter(l -> Arrays.stream(Shortcut.values()).anyMatch(s -> l.startsWith("| " + s.keys() + " |")))
                .toList();
        List<String> expected = Arrays.stream(Shortcut.values()).map(s -> "| " + s.keys() + " | " + s.action() + " |").toList();
        assertEquals(expected, readme);
    }
}
