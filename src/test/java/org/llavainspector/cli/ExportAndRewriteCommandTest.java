package org.llavainspector.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llavainspector.TestFiles;
import org.llavainspector.core.curation.Edit;
import org.llavainspector.core.curation.Mark;
import org.llavainspector.core.curation.SampleKey;
import org.llavainspector.core.curation.Session;
import org.llavainspector.core.curation.SessionStore;
import org.llavainspector.core.curation.UndoStack;
import org.llavainspector.core.dataset.Json;

class ExportAndRewriteCommandTest {
    @TempDir
    Path dir;

    private Path demoCopy() throws Exception {
        return Files.copy(TestFiles.demo(), dir.resolve("demo.json"));
    }

    @Test
    void exportingEverythingGivesTheSourceBytes() throws Exception {
        Path out = dir.resolve("all.json");
        CliRun run = CliRun.of("export", TestFiles.demo().toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertArrayEquals(Files.readAllBytes(TestFiles.demo()), Files.readAllBytes(out));
        assertTrue(run.out().startsWith("wrote 30 records to " + out), run.out());
        assertTrue(run.out().contains("30 exact source bytes"), run.out());
    }

    @Test
    void formatsAndSamples() throws Exception {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        assertEquals(0, CliRun.of("export", TestFiles.demo().toString(), "--out", a.toString(), "--format", "jsonl",
                "--sample", "10", "--seed", "5").exitCode());
        assertEquals(0, CliRun.of("export", TestFiles.demo().toString(), "--out", b.toString(), "--format", "jsonl",
                "--sample", "10", "--seed", "5").exitCode());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), "the same seed gives the same records");
        assertEquals(10, Files.readAllLines(a).size());
        Path c = dir.resolve("c.jsonl");
        CliRun other = CliRun.of("export", TestFiles.demo().toString(), "--out", c.toString(), "--format", "jsonl",
                "--sample", "10", "--seed", "6");
        assertEquals(0, other.exitCode());
        assertNotEquals(Files.readString(a), Files.readString(c));
        Path ids = dir.resolve("ids.txt");
        CliRun idRun = CliRun.of("export", TestFiles.realdata("detail_23k_sample.json").toString(), "--out",
                ids.toString(), "--format", "ids", "--first", "2");
        assertEquals(0, idRun.exitCode(), idRun.err());
        assertEquals(List.of("000000442786", "000000539056"), Files.readAllLines(ids));
        Path some = dir.resolve("some.json");
        CliRun byIds = CliRun.of("export", TestFiles.realdata("detail_23k_sample.json").toString(), "--out",
                some.toString(), "--ids", ids.toString(), "--format", "json-compact");
        assertEquals(0, byIds.exitCode(), byIds.err());
        JsonNode json = Json.MAPPER.readTree(some.toFile());
        assertEquals(2, json.size());
        assertEquals(1, Files.readAllLines(some).size());
    }

    @Test
    void aSessionBringsItsEditsAndMarks() throws Exception {
        Path data = demoCopy();
        Session session = Session.create(List.of(data));
        UndoStack undo = new UndoStack(session);
        undo.perform(Edit.setImage(session, new SampleKey(0, 0), List.of("coco/train2017/000000319154.jpg")));
        undo.perform(Edit.mark(session, List.of(new SampleKey(0, 1), new SampleKey(0, 2)), Mark.REJECT));
        undo.perform(Edit.mark(session, List.of(new SampleKey(0, 0)), Mark.KEEP));
        Path sidecar = dir.resolve("demo.json" + SessionStore.SUFFIX);
        SessionStore.save(session, sidecar);

        Path out = dir.resolve("kept.json");
        CliRun run = CliRun.of("export", data.toString(), "--out", out.toString(), "--session", sidecar.toString(),
                "--marks", "keep,none");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("wrote 28 records"), run.out());
        assertTrue(run.out().contains("1 with new image paths"), run.out());
        JsonNode json = Json.MAPPER.readTree(out.toFile());
        assertEquals("coco/train2017/000000319154.jpg", json.get(0).get("image").asText());

        CliRun noSession = CliRun.of("export", data.toString(), "--out", out.toString(), "--marks", "keep");
        assertEquals(2, noSession.exitCode());
        CliRun sidecarAsOut = CliRun.of("export", data.toString(), "--out", sidecar.toString(), "--session",
                sidecar.toString());
        assertEquals(2, sidecarAsOut.exitCode(), "the sidecar is protected too");

        Files.writeString(data, Files.readString(data).replace("000000319154", "000000319155"));
        CliRun changed = CliRun.of("export", data.toString(), "--out", out.toString(), "--session", sidecar.toString());
        assertEquals(2, changed.exitCode());
        assertTrue(changed.err().contains("changed since the session was saved"), changed.err());
        CliRun otherFile = CliRun.of("export", TestFiles.demo().toString(), "--out", out.toString(), "--session",
                sidecar.toString());
        assertEquals(2, otherFile.exitCode());
        assertTrue(otherFile.err().contains("session of other files"), otherFile.err());
    }

    @Test
    void filtersUseTheQueryLanguageAndWithASessionItsMarks() throws Exception {
        Path out = dir.resolve("f.json");
        CliRun run = CliRun.of("export", TestFiles.demo().toString(), "--out", out.toString(), "--filter",
                "image:coco OR has:multi-image");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = Json.MAPPER.readTree(out.toFile());
        assertEquals(3, json.size());
        for (JsonNode r : json) {
            assertTrue(r.get("image").isArray() || r.get("image").asText().startsWith("coco/"), r.toString());
        }
        CliRun problems = CliRun.of("export", TestFiles.demo().toString(), "--out", out.toString(), "--filter",
                "problem:duplicate-id", "--format", "ids");
        assertEquals(0, problems.exitCode(), problems.err());
        assertTrue(Files.readAllLines(out).size() >= 2);

        Path data = demoCopy();
        Session session = Session.create(List.of(data));
        new UndoStack(session).perform(Edit.mark(session, List.of(new SampleKey(0, 4), new SampleKey(0, 9)),
                Mark.FLAG));
        Path sidecar = dir.resolve("demo.json" + SessionStore.SUFFIX);
        SessionStore.save(session, sidecar);
        CliRun flagged = CliRun.of("export", data.toString(), "--out", out.toString(), "--session", sidecar.toString(),
                "--filter", "mark:flag", "--format", "ids");
        assertEquals(0, flagged.exitCode(), flagged.err());
        assertEquals(2, Files.readAllLines(out).size());
    }

    @Test
    void rewriteOnlyTouchesWhatTheFilterMatches() throws Exception {
        Path out = dir.resolve("r.json");
        CliRun run = CliRun.of("rewrite", TestFiles.demo().toString(), "--out", out.toString(), "--add-prefix",
                "x/", "--filter", "image:coco");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains(": 2 of 2 records changed (2 of 2 image paths); 28 records did not match"),
                run.out());
        assertTrue(Files.readString(out).contains("\"x/coco/"));
        assertFalse(Files.readString(out).contains("\"x/0000"));
    }

    @Test
    void imagesGoIntoAZipNextToTheExport() throws Exception {
        Path out = dir.resolve("sub.json");
        Path zip = dir.resolve("sub.zip");
        CliRun run = CliRun.of("export", TestFiles.demo().toString(), "--out", out.toString(), "--first", "5",
                "--images", TestFiles.demo().resolveSibling("images.zip").toString(), "--images-out", zip.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("images: 2 copied to " + zip), run.out());
        assertTrue(run.out().contains("missing: 000000033471.jpg (id 000000033471)"), run.out());
        assertTrue(Files.size(zip) > 80_000);
    }

    @Test
    void rewritePrintsWhatChangedAndWritesANewFile() throws Exception {
        Path out = dir.resolve("r.json");
        CliRun run = CliRun.of("rewrite", TestFiles.demo().toString(), "--out", out.toString(), "--regex",
                "^(\\d{12})\\.jpg$", "--replacement", "coco/train2017/$1.jpg", "--images",
                TestFiles.demo().resolveSibling("images.zip").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("replace /^(\\d{12})\\.jpg$/ by 'coco/train2017/$1.jpg': "), run.out());
        assertTrue(run.out().contains("records changed"), run.out());
        assertTrue(run.out().contains("image paths that resolve: "), run.out());
        String text = Files.readString(out);
        assertTrue(text.contains("\"image\": \"coco/train2017/000000319154.jpg\""));
        assertTrue(text.contains("\"coco/train2017/000000900011.jpg\"\n    ],"), "list elements too");
        assertEquals(Files.readString(TestFiles.demo()).lines().count(), text.lines().count());
    }

    @Test
    void badArgumentsAndUnusableInputExitWith2AndOneLine() throws Exception {
        Path demo = TestFiles.demo();
        String out = dir.resolve("o.json").toString();
        for (String[] args : new String[][] {
            {"export", demo.toString(), "--out", demo.toString()},
            {"export", demo.toString(), "--out", demo.getParent().resolve("./demo.json").toString()},
            {"export", demo.toString(), "--out", out, "--format", "xml"},
            {"export", demo.toString(), "--out", out, "--sample", "abc"},
            {"export", demo.toString(), "--out", out, "--sample", "150%"},
            {"export", demo.toString(), "--out", out, "--first", "2", "--sample", "3"},
            {"export", demo.toString(), "--out", out, "--filter", "\"unclosed"},
            {"export", demo.toString(), "--out", out, "--filter", "mark:keep"},
            {"export", demo.toString(), "--out", out, "--ids", dir.resolve("none.txt").toString()},
            {"export", demo.toString(), "--out", out, "--session",
                dir.resolve("none" + SessionStore.SUFFIX).toString()},
            {"export", demo.toString(), "--out", out, "--images-out", dir.resolve("i.zip").toString()},
            {"export", demo.toString(), "--out", out, "--images", "x.zip"},
            {"export", dir.resolve("missing.json").toString(), "--out", out},
            {"export", demo.toString(), "--out", dir.resolve("no/such/dir/o.json").toString()},
            {"export", demo.toString()},
            {"rewrite", demo.toString(), "--out", demo.toString(), "--add-prefix", "x/"},
            {"rewrite", demo.toString(), "--out", out},
            {"rewrite", demo.toString(), "--out", out, "--add-prefix", "a/", "--strip-prefix", "b/"},
            {"rewrite", demo.toString(), "--out", out, "--regex", "a"},
            {"rewrite", demo.toString(), "--out", out, "--regex", "(", "--replacement", "x"},
            {"rewrite", demo.toString(), "--out", out, "--regex", "(a)", "--replacement", "$2"},
            {"rewrite", demo.toString(), "--out", out, "--replace-prefix", "nothing"},
            {"rewrite", demo.toString(), "--out", out, "--extension", "a.b"},
            {"rewrite", demo.toString(), "--out", out, "--add-prefix", "x/", "--filter", "turns>"}}) {
            CliRun run = CliRun.of(args);
            assertEquals(2, run.exitCode(), String.join(" ", args) + " -> " + run.err());
            assertEquals(1, run.err().strip().lines().count(), String.join(" ", args) + " -> " + run.err());
            assertTrue(run.err().startsWith("error: "), run.err());
        }
        assertFalse(Files.exists(Path.of(out)));
        try (var left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "nothing written, no temporary file left");
        }
    }

    @Test
    void helpNamesEveryOption() {
        CliRun export = CliRun.of("export", "--help");
        assertEquals(0, export.exitCode());
        for (String option : List.of("--out", "--filter", "--ids", "--sample", "--seed", "--format", "--images",
                "--images-out", "--session", "--marks", "--first")) {
            assertTrue(export.out().contains(option), option);
        }
        CliRun rewrite = CliRun.of("rewrite", "--help");
        for (String option : List.of("--regex", "--replacement", "--add-prefix", "--strip-prefix", "--extension",
                "--filter")) {
            assertTrue(rewrite.out().contains(option), option);
        }
        assertTrue(CliRun.of("--help").out().contains("rewrite"));
    }
}
