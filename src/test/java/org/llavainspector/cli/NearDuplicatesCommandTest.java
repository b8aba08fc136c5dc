package org.llavainspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llavainspector.TestFiles;
import org.llavainspector.core.compare.ImageHashCache;
import org.llavainspector.core.dataset.DemoDataset;

/** {@code duplicates --near}: near-duplicate images of the demo, in JSON and text, the cache, and bad options. */
class NearDuplicatesCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private static String demoZip() {
        return DemoDataset.folder().resolve("images.zip").toString();
    }

    @Test
    void jsonAddsNearImageGroupsOfTheDemo() throws Exception {
        CliRun run = CliRun.of("duplicates", TestFiles.demo().toString(), "--near", "--images", demoZip(), "--json",
                "--no-cache");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = MAPPER.readTree(run.out());
        assertTrue(json.has("id") && json.has("image") && json.has("conversation"), "the exact kinds stay");
        JsonNode near = json.get("near-image");
        assertEquals(8, near.get("groups").asInt());
        assertEquals(6, near.get("distance").asInt());
        assertEquals(23, near.get("images").get("distinct").asInt());
        assertEquals(22, near.get("images").get("hashed").asInt());
        assertEquals(1, near.get("images").get("missing").asInt());
        assertEquals(0, near.get("images").get("corrupt").asInt());
        JsonNode largest = near.get("examples").get(0);
        assertEquals("000000319154.jpg", largest.get("key").asText());
        assertEquals("[0,1,2,26,29]", largest.get("records").toString());
        assertEquals("000000319154", largest.get("ids").get(3).asText());
        assertEquals("coco/train2017/000000319154.jpg", largest.get("images").get(1).get("path").asText());
        assertEquals(0, largest.get("images").get(1).get("distance").asInt());
    }

    @Test
    void textListsIdsAndImagePathsAndASecondRunUsesTheCache() throws Exception {
        Path data = Files.copy(TestFiles.demo(), dir.resolve("demo.json"));
        Path zip = Files.copy(DemoDataset.folder().resolve("images.zip"), dir.resolve("images.zip"));

        CliRun first = CliRun.of("duplicates", data.toString(), "--near", "--images", zip.toString());
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("near-duplicate image     8 groups, 22 records"), first.out());
        assertTrue(first.out().contains("23 distinct images: 22 hashed, 1 missing; 22 decoded, 0 from the cache"),
                first.out());
        assertTrue(first.out().contains("#12 000000900006  000000900006.jpg (0 bits)"), first.out());
        assertTrue(first.out().contains("#22 009000017  00900/009000017.jpg (0 bits)"), first.out());
        Path cache = dir.resolve("demo.json" + ImageHashCache.SUFFIX);
        assertTrue(Files.isRegularFile(cache), "the cache lies beside the session sidecar");

        CliRun second = CliRun.of("duplicates", data.toString(), "--near", "--images", zip.toString());
        assertTrue(second.out().contains("22 hashed, 1 missing; 0 decoded, 22 from the cache"), second.out());
    }

    @Test
    void aTighterDistanceStillFindsByteIdenticalCopies() throws Exception {
        CliRun run = CliRun.of("duplicates", TestFiles.demo().toString(), "--near", "--images", demoZip(),
                "--distance", "0", "--json", "--no-cache");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(8, MAPPER.readTree(run.out()).get("near-image").get("groups").asInt());
    }

    @Test
    void withoutNearTheOutputIsAsBefore() throws Exception {
        CliRun run = CliRun.of("duplicates", TestFiles.demo().toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(MAPPER.readTree(run.out()).has("near-image"));
    }

    @Test
    void badOptionsAreOneLineAndExitTwo() {
        String demo = TestFiles.demo().toString();
        CliRun noImages = CliRun.of("duplicates", demo, "--near");
        CliRun noNear = CliRun.of("duplicates", demo, "--images", demoZip());
        CliRun badDistance = CliRun.of("duplicates", demo, "--near", "--images", demoZip(), "--distance", "17");
        CliRun missingSource = CliRun.of("duplicates", demo, "--near", "--images", dir.resolve("nope.zip").toString());
        for (CliRun run : new CliRun[] {noImages, noNear, badDistance, missingSource}) {
            assertEquals(2, run.exitCode(), run.err());
            assertEquals("", run.out());
            assertEquals(1, run.err().strip().lines().count(), run.err());
        }
        assertTrue(noImages.err().contains("--near needs at least one --images SRC"), noImages.err());
        assertEquals("error: --distance must be 0 to 16, not 17", badDistance.err().strip());
        assertTrue(missingSource.err().contains("nope.zip"), missingSource.err());
    }
}
