package org.llavainspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llavainspector.bench.DatasetKind;
import org.llavainspector.bench.DatasetSpec;
import org.llavainspector.bench.OutputFormat;
import org.llavainspector.bench.SyntheticDatasets;

/** A small whole run of {@code bench export} on a tiny chat file (nothing full-size is made). */
class BenchExportCommandTest {
    @TempDir
    Path dir;

    @Test
    void smallRunPrintsTheThreeTables() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        SyntheticDatasets.writeFile(new DatasetSpec(DatasetKind.CHAT, 40, 42, OutputFormat.JSON),
                data.resolve("chat.json"), false);
        Path scratch = dir.resolve("scratch");
        CliRun run = CliRun.of("bench", "export", "--data", data.toString(), "--scratch", scratch.toString(),
                "--runs", "1", "--kinds", "chat", "--images", "5", "--image-bytes", "64", "--marks", "30",
                "--edits", "4");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("| chat.json | 40 |"), run.out());
        assertTrue(run.out().contains("| 5 | 40 |"), "5 images of a 40-entry zip: " + run.out());
        assertTrue(run.out().contains("| 30 marks, 4 edits |"), run.out());
        try (var files = Files.list(data)) {
            assertEquals(1, files.count(), "nothing written beside the data");
        }
    }

    @Test
    void badArgumentsGiveOneLineAndExitCodeTwo() {
        for (String[] args : new String[][] {{"bench", "export", "--runs", "0"},
            {"bench", "export", "--images", "-1"}, {"bench", "export", "--kinds", "cats"}}) {
            CliRun run = CliRun.of(args);
            assertEquals(2, run.exitCode(), String.join(" ", args));
            assertEquals(1, run.err().strip().lines().count(), run.err());
        }
    }
}
