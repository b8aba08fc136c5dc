package org.llavainspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llavainspector.TestFiles;
import org.llavainspector.core.compare.PlantedDatasets;

class CompareAndDuplicatesCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void compareJsonHasEveryCountAndTheExamples() throws Exception {
        Path a = PlantedDatasets.a(dir);
        Path b = PlantedDatasets.b(dir);
        CliRun run = CliRun.of("compare", a.toString(), b.toString(), "--json", "--list", "1");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = MAPPER.readTree(run.out());
        assertEquals(a.toString(), json.get("a").asText());
        assertEquals(b.toString(), json.get("b").asText());
        assertEquals(5, json.get("same").asInt());
        assertEquals(2, json.get("changed").asInt());
        assertEquals(2, json.get("onlyInA").asInt());
        assertEquals(2, json.get("onlyInB").asInt());
        assertEquals(1, json.get("sameConversationDifferentKey").asInt());
        JsonNode examples = json.get("examples");
        assertEquals(1, examples.get("same").size());
        assertEquals("{\"a\":3,\"aId\":\"d\",\"b\":2,\"bId\":\"d\"}", examples.get("changed").get(0).toString());
        assertEquals("{\"record\":2,\"id\":\"c\"}", examples.get("onlyInA").get(0).toString());
        assertEquals("{\"record\":3,\"id\":\"n\"}", examples.get("onlyInB").get(0).toString());
        assertEquals("{\"a\":7,\"aId\":\"f\",\"b\":7,\"bId\":\"f2\"}",
                examples.get("sameConversationDifferentKey").get(0).toString());
    }

    @Test
    void compareTextListsCountsAndRecordNumbers() {
        CliRun run = CliRun.of("compare", PlantedDatasets.a(dir).toString(), PlantedDatasets.b(dir).toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().matches("(?s).*changed +2\\R +A #3 d  =  B #2 d\\R +A #6 e  =  B #6 e\\R.*"), run.out());
        assertTrue(run.out().matches("(?s).*only in A +2\\R +#2 c\\R +#7 f\\R.*"), run.out());
        assertTrue(run.out().contains("same conversation, different key"), run.out());
    }

    @Test
    void compareDemoWithItselfIsAllSame() throws Exception {
        String demo = TestFiles.demo().toString();
        CliRun run = CliRun.of("compare", demo, demo, "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = MAPPER.readTree(run.out());
        assertTrue(json.get("same").asInt() > 0);
        assertEquals(0, json.get("changed").asInt() + json.get("onlyInA").asInt() + json.get("onlyInB").asInt());
    }

    @Test
    void duplicatesJsonCountsGroupsPerKind() throws Exception {
        CliRun run = CliRun.of("duplicates", PlantedDatasets.duplicates(dir).toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = MAPPER.readTree(run.out());
        assertEquals(1, json.get("id").get("groups").asInt());
        assertEquals(2, json.get("image").get("groups").asInt());
        assertEquals(2, json.get("conversation").get("groups").asInt());
        assertEquals("[0,3,4]", json.get("conversation").get("examples").get(0).get("records").toString());
    }

    @Test
    void duplicatesTextNamesTheGroups() {
        CliRun run = CliRun.of("duplicates", PlantedDatasets.duplicates(dir).toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().matches("(?s).*same first image +2 groups, 4 records\\R.*"), run.out());
        assertTrue(run.out().contains("3.jpg: #3 #4"), run.out());
    }

    @Test
    void aMissingFileIsOneLineAndExitTwo() {
        Path missing = dir.resolve("missing.json");
        for (CliRun run : new CliRun[] {
            CliRun.of("compare", TestFiles.demo().toString(), missing.toString()),
            CliRun.of("duplicates", missing.toString())}) {
            assertEquals(2, run.exitCode());
            assertEquals("", run.out());
            assertTrue(run.err().startsWith("error: "), run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
        }
    }

    @Test
    void badArgumentsExitTwo() {
        assertEquals(2, CliRun.of("compare", TestFiles.demo().toString()).exitCode());
        CliRun negative = CliRun.of("duplicates", TestFiles.demo().toString(), "--list", "-1");
        assertEquals(2, negative.exitCode());
        assertEquals("error: --list must be 0 or more, not -1", negative.err().strip());
    }
}
