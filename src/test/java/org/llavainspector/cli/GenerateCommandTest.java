package org.llavainspector.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesTheFileAndSaysWhatItWrote() throws IOException {
        Path file = dir.resolve("chat.json");
        CliRun run = CliRun.of("generate", "chat", "--out", file.toString(), "--records", "25");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("wrote 25 chat records, " + Files.size(file) + " bytes"), run.out());
        assertTrue(run.out().contains(file.toAbsolutePath().toString()), run.out());
        assertTrue(Files.readString(file).startsWith("[\n  {\n    \"id\": \"GCC_train_"));
        assertEquals("", run.err());
    }

    @Test
    void sameArgumentsGiveTheSameBytesAndTheSeedChangesThem() throws IOException {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        Path c = dir.resolve("c.jsonl");
        assertEquals(0, CliRun.of("generate", "mix", "--out", a.toString(), "--records", "200", "--format", "jsonl",
                "--seed", "5").exitCode());
        assertEquals(0, CliRun.of("generate", "MIX", "--out", b.toString(), "--records", "200", "--format", "JSONL",
                "--seed", "5").exitCode());
        assertEquals(0, CliRun.of("generate", "mix", "--out", c.toString(), "--records", "200", "--format", "jsonl",
                "--seed", "6").exitCode());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertFalse(Files.readString(a).equals(Files.readString(c)));
        assertEquals(200, Files.readAllLines(a).size());
    }

    @Test
    void refusesToOverwriteAnExistingFileUnlessForced() throws IOException {
        Path file = dir.resolve("instruct.json");
        Files.writeString(file, "precious");
        CliRun refused = CliRun.of("generate", "instruct", "--out", file.toString(), "--records", "3");
        assertEquals(2, refused.exitCode());
        assertEquals("error: " + file + " already exists (use --force to overwrite it)", refused.err().strip());
        assertEquals("precious", Files.readString(file));

        CliRun forced = CliRun.of("generate", "instruct", "--out", file.toString(), "--records", "3", "--force");
        assertEquals(0, forced.exitCode(), forced.err());
        assertTrue(Files.readString(file).startsWith("[\n"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
    }

    @Test
    void badArgumentsGiveOneLineOnStderrAndExitCodeTwo() {
        String out = dir.resolve("x.json").toString();
        String[][] cases = {
            {"generate", "cats", "--out", out},
            {"generate", "chat"},
            {"generate", "chat", "--out", out, "--records", "-1"},
            {"generate", "chat", "--out", out, "--records", "many"},
            {"generate", "chat", "--out", out, "--format", "xml"},
            {"generate", "chat", "--out", dir.resolve("no/such/folder.json").toString()},
        };
        for (String[] args : cases) {
            CliRun run = CliRun.of(args);
            assertEquals(2, run.exitCode(), String.join(" ", args));
            assertTrue(run.err().startsWith("error: "), run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertEquals("", run.out());
        }
        assertFalse(Files.exists(dir.resolve("x.json")));
    }

    @Test
    void unknownKindErrorListsTheKinds() {
        CliRun run = CliRun.of("generate", "cats", "--out", dir.resolve("x.json").toString());
        assertTrue(run.err().contains("instruct, chat, mix, pretrain"), run.err());
    }
}
