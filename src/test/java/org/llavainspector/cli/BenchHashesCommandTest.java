package org.llavainspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny run of {@code bench hashes}: it generates its zip, measures both rates and prints the table. */
class BenchHashesCommandTest {
    @TempDir
    Path dir;

    @Test
    void smallRunPrintsTheTable() throws Exception {
        CliRun run = CliRun.of("bench", "hashes", "--dir", dir.toString(), "--entries", "300", "--entry-bytes", "3000",
                "--images", "40", "--rounds", "1", "--group-hashes", "5000");

        assertEquals(0, run.exitCode(), run.err());
        String table = run.out();
        assertTrue(table.startsWith("| measure | result | target |"), table);
        assertTrue(table.contains("| thumbnails/s, "), table);
        assertTrue(table.contains("| perceptual hashes/s, "), table);
        assertTrue(table.contains("| second pass over 40 images with the cache | "), table);
        assertTrue(table.matches("(?s).*second pass over 40 images with the cache \\| [0-9.]+ s, 0 decoded.*"), table);
        assertTrue(table.contains("| grouping 5,000 random hashes"), table);
        assertTrue(table.contains("| hash cache of 5,000 images | "), table);
        try (var files = Files.list(dir)) {
            assertEquals(1, files.filter(f -> f.getFileName().toString().startsWith("cc3m-synthetic-300-")).count(),
                    "the zip of bench images is generated (and would be shared with it)");
        }
    }

    @Test
    void tooFewEntriesForTheRunsIsABadArgument() {
        CliRun run = CliRun.of("bench", "hashes", "--dir", dir.toString(), "--entries", "10", "--images", "40");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }
}
