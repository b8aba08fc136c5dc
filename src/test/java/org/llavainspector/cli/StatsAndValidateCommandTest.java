package org.llavainspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llavainspector.TestFiles;
import org.llavainspector.core.dataset.Json;

class StatsAndValidateCommandTest {
    @TempDir
    Path dir;

    @Test
    void statsJsonOfTheDemoDataset() throws Exception {
        CliRun run = CliRun.of("stats", TestFiles.demo().toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = Json.MAPPER.readTree(run.out());
        assertEquals("json", json.get("format").asText());
        assertEquals(30, json.get("records").asInt());
        assertEquals(1, json.get("textOnly").asInt());
        assertEquals(1, json.get("multiImage").asInt());
        assertEquals(1, json.get("from").get("system").asInt());
        assertTrue(json.get("imageFolders").has("coco/train2017"));
        // every human and gpt turn falls in one length bucket: 59 of each in the demo
        int questions = 0;
        int answers = 0;
        for (JsonNode n : json.get("questionLengths")) {
            questions += n.asInt();
        }
        for (JsonNode n : json.get("answerLengths")) {
            answers += n.asInt();
        }
        assertEquals(json.get("from").get("human").asInt(), questions);
        assertEquals(json.get("from").get("gpt").asInt(), answers);
        assertEquals(5, json.get("metadata").get("joined").asInt(), "metadata.json beside demo.json is joined");
    }

    @Test
    void statsOfSeveralFilesGivesTotalsAndPerFile() throws Exception {
        CliRun run = CliRun.of("stats", "--json", TestFiles.realdata("llava_v1_5_mix665k_sample.json").toString(),
                TestFiles.realdata("llava_cc3m_pretrain_595k_chat_sample.json").toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = Json.MAPPER.readTree(run.out());
        assertEquals(5, json.get("records").asInt());
        assertEquals(1, json.get("textOnly").asInt());
        assertEquals(2, json.get("files").size());
        assertEquals(2, json.get("files").get(0).get("records").asInt());
    }

    @Test
    void statsTextNamesTheFileAndTheMainFigures() {
        CliRun run = CliRun.of("stats", TestFiles.realdata("llava_v1_5_mix665k_sample.json").toString());
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("records            2"), run.out());
        assertTrue(run.out().contains("text-only          1"), run.out());
        assertTrue(run.out().contains("coco/train2017 1"), run.out());
    }

    @Test
    void validateExitCodes() {
        assertEquals(0, CliRun.of("validate", TestFiles.realdata("detail_23k_sample.json").toString()).exitCode());
        Path bad = TestFiles.write(dir, "bad.json",
                "[{\"id\": \"a\", \"image\": \"a.jpg\", \"conversations\": [{\"from\": \"gpt\", \"value\": \"x\"}]}]");
        CliRun problems = CliRun.of("validate", bad.toString());
        assertEquals(1, problems.exitCode());
        assertTrue(problems.out().contains("first-turn-not-human"), problems.out());
        Path broken = TestFiles.write(dir, "broken.json", "[{\"id\": ");
        CliRun unusable = CliRun.of("validate", broken.toString());
        assertEquals(2, unusable.exitCode());
        assertEquals(1, unusable.err().strip().lines().count(), unusable.err());
        assertTrue(unusable.err().startsWith("error: " + broken + ":1:"), unusable.err());
    }

    @Test
    void duplicateIdsAloneDoNotFailValidation() throws Exception {
        String r = "{\"id\": \"a\", \"image\": \"a.jpg\", \"conversations\": [{\"from\": \"human\", \"value\": \"<image>\\nQ\"},"
                + " {\"from\": \"gpt\", \"value\": \"A\"}]}";
        CliRun run = CliRun.of("validate", "--json", TestFiles.write(dir, "d.json", "[" + r + "," + r + "]").toString());
        assertEquals(0, run.exitCode());
        JsonNode json = Json.MAPPER.readTree(run.out());
        assertEquals(1, json.get("counts").get("duplicate-id").asInt());
    }

    @Test
    void validateJsonShape() throws Exception {
        Path bad = TestFiles.write(dir, "bad.jsonl",
                "{\"id\": \"a\", \"conversations\": [{\"from\": \"human\", \"value\": \"<image>\\nQ\"}, {\"from\": \"gpt\", \"value\": \"\"}]}\n"
                        + "{\"id\": \"b\", \"image\": \"b.jpg\", \"conversations\": \"nope\"}\n");
        CliRun run = CliRun.of("validate", bad.toString(), "--json");
        assertEquals(1, run.exitCode());
        JsonNode json = Json.MAPPER.readTree(run.out());
        assertEquals(1, json.get("counts").get("image-token-without-image").asInt());
        assertEquals(1, json.get("counts").get("empty-value").asInt());
        assertEquals(1, json.get("counts").get("wrong-type").asInt());
        JsonNode first = json.get("problems").get(0);
        assertEquals(0, first.get("record").asInt());
        assertEquals("a", first.get("id").asText());
        assertEquals("image-token-without-image", first.get("kind").asText());
        assertFalse(first.get("message").asText().isEmpty());
    }

    @Test
    void theDemoDatasetValidatesWithOnlyNotices() throws Exception {
        CliRun run = CliRun.of("validate", TestFiles.demo().toString(), "--json");
        assertEquals(0, run.exitCode(), run.out());
        JsonNode counts = Json.MAPPER.readTree(run.out()).get("counts");
        assertTrue(counts.get("duplicate-id").asInt() >= 2, "the demo shows legitimately repeated ids");
    }

    @Test
    void badArgumentsAndMissingFilesExitWith2AndOneLine() {
        for (String[] args : new String[][] {
            {"stats", "--nope", "x.json"}, {"stats"}, {"stats", dir.resolve("missing.json").toString()},
            {"validate", dir.resolve("missing.json").toString()}, {"show", TestFiles.demo().toString()},
            {"show", TestFiles.demo().toString(), "999"}, {"frobnicate"}}) {
            CliRun run = CliRun.of(args);
            assertEquals(2, run.exitCode(), String.join(" ", args) + " -> " + run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().startsWith("error: "), run.err());
        }
    }

    @Test
    void helpOnEveryLevel() {
        for (String cmd : new String[] {"stats", "validate", "show"}) {
            CliRun run = CliRun.of(cmd, "--help");
            assertEquals(0, run.exitCode());
            assertTrue(run.out().startsWith("Usage: llava-inspector " + cmd), run.out());
        }
        assertTrue(CliRun.of("--help").out().contains("validate"));
    }

    @Test
    void showPrintsTheConversationAndMetadata() {
        CliRun run = CliRun.of("show", TestFiles.demo().toString(), "--id", "GCC_train_009000101");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("caption"), run.out());
        assertTrue(run.out().contains("[human]") && run.out().contains("[gpt]"), run.out());
        CliRun raw = CliRun.of("show", TestFiles.realdata("detail_23k_sample.json").toString(), "1", "--raw");
        assertTrue(raw.out().startsWith("{") && raw.out().contains("000000539056"), raw.out());
    }

    @Test
    void validateTheDemoAgainstItsZipFindsTheOneMissingImage() throws Exception {
        Path zip = TestFiles.demo().resolveSibling("images.zip");
        CliRun run = CliRun.of("validate", TestFiles.demo().toString(), "--images", zip.toString(), "--json", "--deep");
        assertEquals(1, run.exitCode(), run.err());
        JsonNode json = Json.MAPPER.readTree(run.out());
        assertEquals(1, json.get("counts").get("missing-image").asInt(), run.out());
        assertEquals(0, json.get("counts").get("corrupt-image").asInt());
        JsonNode missing = null;
        for (JsonNode p : json.get("problems")) {
            if ("missing-image".equals(p.get("kind").asText())) {
                missing = p;
            }
        }
        assertEquals("000000033471", missing.get("id").asText());
        assertEquals(3, missing.get("record").asInt());
    }

    @Test
    void mapRulesResolveFolderPrefixesAndNeedASource() {
        Path zip = TestFiles.demo().resolveSibling("images.zip");
        Path mix = TestFiles.write(dir, "mix.json", "[{\"id\": \"a\", \"image\": \"llava/coco/000000319154.jpg\", "
                + "\"conversations\": [{\"from\": \"human\", \"value\": \"<image>\\nQ\"}, {\"from\": \"gpt\", \"value\": \"A\"}]}]");
        assertEquals(1, CliRun.of("validate", mix.toString(), "--images", zip.toString()).exitCode());
        CliRun mapped = CliRun.of("validate", mix.toString(), "--images", zip.toString(), "--map", "llava/coco/=" + zip);
        assertEquals(0, mapped.exitCode(), mapped.out() + mapped.err());
        CliRun noSource = CliRun.of("validate", mix.toString(), "--map", "llava/coco/=" + zip);
        assertEquals(2, noSource.exitCode());
        CliRun badSource = CliRun.of("validate", mix.toString(), "--images", dir.resolve("nope.zip").toString());
        assertEquals(2, badSource.exitCode());
        assertEquals(1, badSource.err().strip().lines().count(), badSource.err());
    }
}
