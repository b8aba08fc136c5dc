package org.llavainspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llavainspector.bench.DatasetKind;
import org.llavainspector.bench.DatasetSpec;
import org.llavainspector.bench.OutputFormat;
import org.llavainspector.bench.SyntheticDatasets;

class BenchCommandTest {
    @TempDir
    Path dir;

    @Test
    void benchAloneListsItsSubcommands() {
        CliRun run = CliRun.of("bench");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("stats") && run.out().contains("images"), run.out());
    }

    @Test
    void badArgumentsGiveOneLineOnStderrAndExitCodeTwo() {
        String[][] cases = {
            {"bench", "stats", "--runs", "0"},
            {"bench", "stats", "--kinds", "instruct,cats"},
            {"bench", "stats", "--jar", dir.resolve("missing.jar").toString()},
            {"bench", "images", "--no-such-option"},
        };
        for (String[] args : cases) {
            CliRun run = CliRun.of(args);
            assertEquals(2, run.exitCode(), String.join(" ", args));
            assertTrue(run.err().startsWith("error: "), run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
        }
    }

    /** The whole command with a stand-in stats jar and a small existing data file (so nothing full-size is made). */
    @Test
    void measuresAnExistingFileWithTheGivenJarAndPrintsTableOrJson() throws IOException, URISyntaxException {
        Path data = Files.createDirectory(dir.resolve("data"));
        SyntheticDatasets.writeFile(new DatasetSpec(DatasetKind.CHAT, 20, 42, OutputFormat.JSON),
                data.resolve("chat.json"), false);
        Path jar = fakeStatsJar();

        CliRun table = CliRun.of("bench", "stats", "--data", data.toString(), "--runs", "1", "--kinds", "chat",
                "--jar", jar.toString());
        assertEquals(0, table.exitCode(), table.err());
        assertTrue(table.out().startsWith("| file | records | size |"), table.out());
        assertTrue(table.out().contains("| chat.json | 20 |"), table.out());
        assertTrue(table.err().contains("reusing " + data.resolve("chat.json")), table.err());

        CliRun json = CliRun.of("bench", "stats", "--data", data.toString(), "--runs", "2", "--kinds", "chat",
                "--jar", jar.toString(), "--json");
        assertEquals(0, json.exitCode(), json.err());
        JsonNode file = new ObjectMapper().readTree(json.out()).path("files").get(0);
        assertEquals(20, file.path("records").asLong());
        assertEquals(2, file.path("ours").path("wallSeconds").size());
        try (var files = Files.list(data)) {
            assertEquals(1, files.count(), "nothing generated next to the existing file");
        }
    }

    /** A jar whose main class is {@link FakeStatsMain}, loaded from the test classes folder. */
    private Path fakeStatsJar() throws IOException, URISyntaxException {
        Path classes = Path.of(FakeStatsMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeStatsMain.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classes.toUri().toString());
        Path jar = dir.resolve("fake-stats.jar");
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // the manifest is the whole jar
        }
        return jar;
    }
}
