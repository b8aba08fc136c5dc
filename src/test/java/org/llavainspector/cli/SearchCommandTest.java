package org.llavainspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llavainspector.TestFiles;
import org.llavainspector.core.dataset.Json;
import picocli.CommandLine;

/** {@code search} run through picocli directly (the root command registers it separately). */
class SearchCommandTest {
    @TempDir
    Path dir;

    private static CliRun search(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new SearchCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    private static String demo() {
        return TestFiles.demo().toString();
    }

    @Test
    void printsNumberIdAndFirstQuestion() {
        CliRun run = search(demo(), "dog has:multi-image");
        assertEquals(0, run.exitCode(), run.err());
        String[] lines = run.out().split("\n");
        assertEquals(2, lines.length, run.out());
        assertTrue(lines[0].matches(" +29  multi_000000319154_000000900011  Compare the animals in the two images\\..*"), lines[0]);
        assertEquals("1 of 30 records match", lines[1]);
    }

    @Test
    void queryWordsMayBeSeveralArgumentsAndStartWithADash() {
        CliRun run = search(demo(), "--count", "dog", "-has:multi-image");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("4\n", run.out());
        assertEquals("29\n", search(demo(), "-from:system", "--count").out());
        assertEquals("29\n", search(demo(), "--count", "-has:no-image").out(), "not -h");
        assertEquals("30\n", search(demo(), "--count", "-Vzzz").out(), "not -V");
        assertTrue(search("--help").out().startsWith("Usage: search"));
        assertEquals(2, search(demo()).exitCode(), "a query is required");
    }

    @Test
    void limitsTheListing() {
        CliRun run = search(demo(), "has:image", "--limit", "2");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("... 27 more (--limit 0 lists all)"), run.out());
        assertTrue(run.out().endsWith("29 of 30 records match\n"), run.out());
    }

    @Test
    void jsonListsEveryMatch() throws Exception {
        CliRun run = search(demo(), "has:no-image OR from:system", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = Json.MAPPER.readTree(run.out());
        assertEquals(30, json.get("records").asInt());
        assertEquals(2, json.get("matches").asInt());
        assertEquals(15, json.get("results").get(0).get("record").asInt());
        JsonNode textOnly = json.get("results").get(1);
        assertEquals("i6IyJda_0", textOnly.get("id").asText());
        assertEquals(0, textOnly.get("images").size());
        assertTrue(textOnly.get("firstQuestion").asText().startsWith("How to tell if a customer segment is well segmented?"));
    }

    @Test
    void problemsAreFoundDuringIndexing() {
        CliRun run = search(demo(), "problem:duplicate-id", "--count");
        assertEquals("6\n", run.out());
    }

    @Test
    void exitOneWhenNothingMatches() {
        CliRun run = search(demo(), "\"no such phrase anywhere\"");
        assertEquals(SearchCommand.EXIT_NO_MATCH, run.exitCode());
        assertEquals("0 of 30 records match\n", run.out());
        assertEquals("0\n", search(demo(), "conversations", "--count").out(), "keys are not searched");
    }

    @Test
    void badQueryIsOneLineAndExitTwo() {
        CliRun run = search(demo(), "dog", "colour:red");
        assertEquals(2, run.exitCode());
        assertEquals("error: query column 5: unknown field 'colour:' (known: id, image, from, turns, has, re, problem, placement)\n",
                run.err());
        assertEquals("", run.out());
        assertEquals("error: query column 7: turns> needs a whole number, not 'x'\n", search(demo(), "turns>x").err());
    }

    @Test
    void unusableFileIsExitTwo() {
        Path broken = TestFiles.write(dir, "broken.json", "[{\"id\": \"a\", \"conversations\": [");
        CliRun run = search(broken.toString(), "dog");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("error: ") && run.err().contains("broken.json"), run.err());
        assertEquals(2, search(dir.resolve("missing.json").toString(), "dog").exitCode());
    }
}
