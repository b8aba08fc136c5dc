package org.llavainspector.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness with stand-in commands instead of our stats command and Python. */
class StatsBenchmarkTest {
    private static final Function<Path, List<String>> READ_FILE =
            file -> List.of("sh", "-c", "cat \"$0\" > /dev/null", file.toString());
    private static final Function<Path, List<String>> SUCCEED = file -> List.of("true");

    @TempDir
    Path dir;

    private final StringWriter log = new StringWriter();

    private StatsBenchmark bench(int runs, Function<Path, List<String>> ours, Function<Path, List<String>> python) {
        return new StatsBenchmark(runs, ours, python, new ProcessMeter(ProcessMeter.Method.PROC_POLLING),
                new PrintWriter(log, true));
    }

    private static List<DatasetSpec> smallSpecs() {
        return List.of(new DatasetSpec(DatasetKind.INSTRUCT, 30, 42, OutputFormat.JSON),
                new DatasetSpec(DatasetKind.CHAT, 50, 42, OutputFormat.JSON));
    }

    @Test
    void generatesMissingFilesThenReusesThemAndRunsEachSideNTimes() throws IOException, InterruptedException {
        List<StatsBenchmark.FileResult> results = bench(2, READ_FILE, SUCCEED).run(dir.resolve("data"), smallSpecs());
        assertEquals(2, results.size());
        assertEquals(dir.resolve("data/instruct.json"), results.get(0).file());
        assertEquals(30, results.get(0).records());
        assertEquals(50, results.get(1).records());
        assertEquals(Files.size(dir.resolve("data/chat.json")), results.get(1).bytes());
        for (StatsBenchmark.FileResult r : results) {
            assertEquals(2, r.ours().runs().size());
            assertEquals(2, r.python().runs().size());
            assertTrue(r.wallRatio() > 0, "ratio " + r.wallRatio());
        }
        assertTrue(log.toString().contains("generating " + dir.resolve("data/instruct.json")), log.toString());

        byte[] before = Files.readAllBytes(dir.resolve("data/chat.json"));
        Files.writeString(dir.resolve("data/instruct.json"), "[{\"id\": \"1\"}]");
        log.getBuffer().setLength(0);
        List<StatsBenchmark.FileResult> again = bench(1, READ_FILE, SUCCEED).run(dir.resolve("data"), smallSpecs());
        assertTrue(log.toString().contains("reusing " + dir.resolve("data/instruct.json")), log.toString());
        assertEquals(1, again.get(0).records(), "the existing file is used as it is");
        assertEquals(List.of(before.length), List.of(Files.readAllBytes(dir.resolve("data/chat.json")).length));
    }

    @Test
    void withoutPythonOnlyOurSideIsMeasured() throws IOException, InterruptedException {
        StatsBenchmark.FileResult r = bench(1, READ_FILE, null).run(dir, smallSpecs().subList(1, 2)).get(0);
        assertNull(r.python());
        assertTrue(Double.isNaN(r.wallRatio()));
        assertTrue(Double.isNaN(r.rssRatio()));
    }

    @Test
    void aFailingRunStopsTheBenchmarkWithItsExitCodeAndStderr() {
        Function<Path, List<String>> failing = file -> List.of("sh", "-c", "echo 'error: stats is broken' >&2; exit 2");
        StatsBenchmark.BenchmarkException ex = assertThrows(StatsBenchmark.BenchmarkException.class,
                () -> bench(3, failing, SUCCEED).run(dir, smallSpecs()));
        assertTrue(ex.getMessage().startsWith("our side exited with 2 on instruct.json: error: stats is broken"),
                ex.getMessage());
        Function<Path, List<String>> pythonFails = file -> List.of("false");
        ex = assertThrows(StatsBenchmark.BenchmarkException.class,
                () -> bench(1, READ_FILE, pythonFails).run(dir, smallSpecs()));
        assertTrue(ex.getMessage().startsWith("python exited with 1 on instruct.json"), ex.getMessage());
    }

    @Test
    void countsRecordsOfJsonArraysAndJsonLines() throws IOException {
        Path json = dir.resolve("a.json");
        Path jsonl = dir.resolve("a.jsonl");
        Files.writeString(json, "[\n  {\"id\": \"1\", \"conversations\": [{\"a\": [1, {}]}]},\n  {\"id\": \"2\"}\n]");
        Files.writeString(jsonl, "{\"id\": \"1\", \"x\": [{}]}\n{\"id\": \"2\"}\n{\"id\": \"3\"}\n");
        assertEquals(2, StatsBenchmark.countRecords(json));
        assertEquals(3, StatsBenchmark.countRecords(jsonl));
        Files.writeString(json, "[{\"id\": \"1\"}, ");
        assertThrows(IOException.class, () -> StatsBenchmark.countRecords(json));
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(2.0, StatsBenchmark.median(new double[] {3, 1, 2}));
        assertEquals(2.5, StatsBenchmark.median(new double[] {4, 1, 3, 2}));
        assertTrue(Double.isNaN(StatsBenchmark.median(new double[0])));
    }

    @Test
    void refusesZeroRuns() {
        assertThrows(IllegalArgumentException.class, () -> bench(0, READ_FILE, SUCCEED));
    }
}
