package org.llavainspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llavainspector.core.image.TestImages;

class ImagesCommandTest {
    @TempDir
    Path dir;
    private Path zip;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void makeZip() throws IOException {
        zip = TestImages.zip(dir.resolve("images.zip"), TestImages.mixedEntries(), true);
    }

    private int run(String... args) {
        return InspectorCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void summarisesAZip() {
        assertEquals(0, run("images", zip.toString()), err.toString());

        String text = out.toString();
        assertTrue(text.contains("(zip)"), text);
        assertTrue(text.contains("files          10"), text);
        assertTrue(text.contains("empty files    1"), text);
        assertTrue(text.contains("jpg 7, png 2, webp 1"), text);
        assertTrue(text.contains("folders        (root) 7, 00000/ 1, 00001/ 1, ocr_vqa/ 1"), text);
        assertTrue(!text.contains("by content"), "heads are only read with --deep");
    }

    @Test
    void deepJsonFindsTheRealFormats() throws IOException {
        assertEquals(0, run("images", zip.toString(), "--deep", "--json"), err.toString());

        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals(10, json.get("files").asLong());
        assertEquals("zip", json.get("type").asText());
        assertEquals(4, json.get("byContent").get("jpeg").asLong());
        assertEquals(1, json.get("byContent").get("webp").asLong());
        assertEquals(1, json.get("byContent").get("gif").asLong());
        assertEquals(2, json.get("byContent").get("png").asLong());
        assertEquals(1, json.get("byContent").get("unknown").asLong());
        assertEquals(1, json.get("misnamed").asLong());
        assertEquals(1, json.get("folders").get("ocr_vqa/").asLong());
        assertEquals("", err.toString(), "no progress line with --json");
    }

    @Test
    void summarisesAFolder() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("coco/train2017"));
        Files.write(folder.resolve("000000033471.jpg"), TestImages.ironingJpeg());

        assertEquals(0, run("images", dir.resolve("coco").toString(), "--json"), err.toString());
        assertTrue(out.toString().contains("\"type\" : \"folder\""), out.toString());
        assertTrue(out.toString().contains("\"train2017/\" : 1"), out.toString());
    }

    @Test
    void aMissingSourceIsOneLineAndExitCode2() {
        assertEquals(2, run("images", dir.resolve("nope.zip").toString()));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().contains("nope.zip"), err.toString());
    }

    @Test
    void aFileThatIsNoZipIsOneLineAndExitCode2() throws IOException {
        Path json = Files.writeString(dir.resolve("chat.json"), "[]");

        assertEquals(2, run("images", json.toString()));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().contains("neither a folder nor a zip"), err.toString());
    }

    @Test
    void validateWithImagesCountsMissingAndEmptyImages() throws IOException {
        Path chat = Files.writeString(dir.resolve("chat.json"), "[{\"id\":\"1\",\"image\":\"GCC_train_000000001.jpg\","
                + "\"conversations\":[{\"from\":\"human\",\"value\":\"<image>\"}, {\"from\":\"gpt\",\"value\":\"a\"}]},"
                + "{\"id\":\"3\",\"image\":[\"missing.jpg\",\"empty.jpg\"],"
                + "\"conversations\":[{\"from\":\"human\",\"value\":\"<image><image>\"}, {\"from\":\"gpt\",\"value\":\"b\"}]}]");

        assertEquals(1, run("validate", chat.toString(), "--images", zip.toString(), "--json"), err.toString());
        com.fasterxml.jackson.databind.JsonNode json = org.llavainspector.core.dataset.Json.MAPPER.readTree(out.toString());
        assertEquals(1, json.get("counts").get("missing-image").asInt(), out.toString());
        assertEquals(1, json.get("counts").get("corrupt-image").asInt(), out.toString());
        assertEquals(2, json.get("problems").size());
        assertEquals(1, json.get("problems").get(0).get("record").asInt());
        assertTrue(json.get("problems").get(0).get("message").asText().startsWith("missing.jpg"));
    }
}
