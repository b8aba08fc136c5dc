package org.llavainspector.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SyntheticDatasetsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static byte[] generate(DatasetKind kind, long records, long seed, OutputFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SyntheticDatasets.write(new DatasetSpec(kind, records, seed, format), out);
        return out.toByteArray();
    }

    static List<JsonNode> readRecords(byte[] bytes, OutputFormat format) throws IOException {
        if (format == OutputFormat.JSON) {
            List<JsonNode> records = new ArrayList<>();
            MAPPER.readTree(bytes).forEach(records::add);
            return records;
        }
        try (MappingIterator<JsonNode> it = MAPPER.readerFor(JsonNode.class).readValues(bytes)) {
            return it.readAll();
        }
    }

    @ParameterizedTest
    @EnumSource(DatasetKind.class)
    void sameSeedGivesTheSameBytesInBothFormats(DatasetKind kind) throws IOException {
        for (OutputFormat format : OutputFormat.values()) {
            byte[] first = generate(kind, 500, 7, format);
            byte[] second = generate(kind, 500, 7, format);
            assertArrayEquals(first, second, kind + " " + format);
            assertFalse(java.util.Arrays.equals(first, generate(kind, 500, 8, format)), "another seed, other data");
        }
    }

    @Test
    void jsonLayoutIsPythonIndentTwo() throws IOException {
        String expected = "[\n"
                + "  {\n"
                + "    \"id\": \"GCC_train_002267162\",\n"
                + "    \"image\": \"GCC_train_002267162.jpg\",\n"
                + "    \"conversations\": [\n"
                + "      {\n"
                + "        \"from\": \"human\",\n"
                + "        \"value\": \"<image>\\nSummarize the visual content of the image.\"\n"
                + "      },\n"
                + "      {\n"
                + "        \"from\": \"gpt\",\n"
                + "        \"value\": \"model and basketball player attend the fashion show in the forest next to"
                + " the old town .\"\n"
                + "      }\n"
                + "    ]\n"
                + "  },\n"
                + "  {\n"
                + "    \"id\": \"GCC_train_000859707\",\n"
                + "    \"image\": \"GCC_train_000859707.jpg\",\n"
                + "    \"conversations\": [\n"
                + "      {\n"
                + "        \"from\": \"human\",\n"
                + "        \"value\": \"<image>\\nOffer a succinct explanation of the picture presented.\"\n"
                + "      },\n"
                + "      {\n"
                + "        \"from\": \"gpt\",\n"
                + "        \"value\": \"country artist leaves the gala in front of a crowd .\"\n"
                + "      }\n"
                + "    ]\n"
                + "  }\n"
                + "]";
        String actual = new String(generate(DatasetKind.CHAT, 2, 42, OutputFormat.JSON), StandardCharsets.UTF_8);
        assertEquals(expected, actual);
    }

    @Test
    void emptyDatasetIsAnEmptyArrayAsPythonWritesIt() throws IOException {
        byte[] empty = generate(DatasetKind.INSTRUCT, 0, 42, OutputFormat.JSON);
        assertEquals("[]", new String(empty, StandardCharsets.UTF_8));
        assertEquals(0, generate(DatasetKind.INSTRUCT, 0, 42, OutputFormat.JSONL).length);
    }

    @Test
    void jsonlIsOneCompactRecordPerLine() throws IOException {
        String text = new String(generate(DatasetKind.MIX, 300, 42, OutputFormat.JSONL), StandardCharsets.UTF_8);
        assertTrue(text.endsWith("}\n"));
        String[] lines = text.split("\n", -1);
        assertEquals(301, lines.length, "300 lines and the empty rest after the last newline");
        for (int i = 0; i < 300; i++) {
            assertTrue(lines[i].startsWith("{\"id\":\""), lines[i]);
            MAPPER.readTree(lines[i]);
        }
    }

    @ParameterizedTest
    @EnumSource(DatasetKind.class)
    void jacksonReadsBackTheRecordCountAndShape(DatasetKind kind) throws IOException {
        for (OutputFormat format : OutputFormat.values()) {
            List<JsonNode> records = readRecords(generate(kind, 1234, 3, format), format);
            assertEquals(1234, records.size(), kind + " " + format);
            for (JsonNode r : records) {
                assertTrue(r.path("id").isTextual(), r.toString());
                JsonNode turns = r.path("conversations");
                assertTrue(turns.size() >= 2 && turns.size() % 2 == 0, r.toString());
                for (int i = 0; i < turns.size(); i++) {
                    assertEquals(i % 2 == 0 ? "human" : "gpt", turns.get(i).path("from").asText(), r.toString());
                }
                String first = turns.get(0).path("value").asText();
                if (r.has("image")) {
                    assertTrue(first.startsWith("<image>\n") || first.endsWith("\n<image>"), first);
                } else {
                    assertEquals(DatasetKind.MIX, kind);
                    assertFalse(first.contains("<image>"), first);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DatasetKind.class)
    void bytesPerRecordMatchTheFullSizeTarget(DatasetKind kind) throws IOException {
        // Mix records range from 100 bytes to 15 kB, so it needs a bigger sample for a stable mean.
        int records = kind == DatasetKind.MIX ? 20_000 : 2_000;
        byte[] data = generate(kind, records, DatasetSpec.DEFAULT_SEED, OutputFormat.JSON);
        double perRecord = (double) data.length / records;
        double ratio = perRecord / kind.targetBytesPerRecord();
        assertTrue(ratio > 0.95 && ratio < 1.05, kind + ": " + perRecord + " bytes/record, ratio " + ratio);
    }

    @Test
    void instructRepeatsImageIdsAndHasSomeNonAsciiText() throws IOException {
        List<JsonNode> records = readRecords(generate(DatasetKind.INSTRUCT, 5_000, 42, OutputFormat.JSON),
                OutputFormat.JSON);
        Set<String> ids = new HashSet<>();
        int accented = 0;
        int cjk = 0;
        int multiTurn = 0;
        for (JsonNode r : records) {
            ids.add(r.path("id").asText());
            assertEquals(r.path("id").asText() + ".jpg", r.path("image").asText());
            String text = r.path("conversations").toString();
            accented += text.matches("(?s).*[éï°\\x{1F642}ñã].*") ? 1 : 0;
            cjk += text.codePoints().anyMatch(c -> c >= 0x3040 && c <= 0xD7A3) ? 1 : 0;
            multiTurn += r.path("conversations").size() > 2 ? 1 : 0;
        }
        assertTrue(ids.size() < records.size() * 0.8, "ids repeat: " + ids.size() + " distinct");
        assertTrue(ids.size() > records.size() * 0.4, "but not too often: " + ids.size() + " distinct");
        assertTrue(accented > 10 && accented < 150, "accented: " + accented);
        assertTrue(cjk > 10 && cjk < 150, "CJK: " + cjk);
        assertTrue(multiTurn > 1000, "multi-turn: " + multiTurn);
    }

    @Test
    void mixHasTextOnlyRecordsAndTheImageFoldersOfTheRealMix() throws IOException {
        List<JsonNode> records = readRecords(generate(DatasetKind.MIX, 10_000, 42, OutputFormat.JSONL),
                OutputFormat.JSONL);
        int textOnly = 0;
        Set<String> folders = new HashSet<>();
        for (JsonNode r : records) {
            if (r.has("image")) {
                String image = r.path("image").asText();
                folders.add(image.substring(0, image.lastIndexOf('/') + 1));
                assertFalse(r.has("model"));
            } else {
                textOnly++;
                assertEquals("", r.path("model").asText("missing"));
            }
        }
        assertTrue(textOnly > 450 && textOnly < 800, "about 6% text-only: " + textOnly);
        assertEquals(Set.of("coco/train2017/", "gqa/images/", "ocr_vqa/images/", "textvqa/train_images/",
                "vg/VG_100K/"), folders);
    }

    @Test
    void chatAndPretrainIdsAreUniqueAndShapedLikeTheRealOnes() throws IOException {
        Set<String> ids = new HashSet<>();
        for (JsonNode r : readRecords(generate(DatasetKind.CHAT, 5_000, 42, OutputFormat.JSON), OutputFormat.JSON)) {
            String id = r.path("id").asText();
            assertTrue(id.matches("GCC_train_\\d{9}"), id);
            assertEquals(id + ".jpg", r.path("image").asText());
            assertTrue(ids.add(id), "duplicate " + id);
        }
        for (JsonNode r : readRecords(generate(DatasetKind.PRETRAIN, 50, 42, OutputFormat.JSON), OutputFormat.JSON)) {
            String id = r.path("id").asText();
            assertTrue(id.matches("\\d{9}"), id);
            assertEquals(id.substring(0, 5) + "/" + id + ".jpg", r.path("image").asText());
        }
    }

    @Test
    void writeFileRefusesAnExistingFileUnlessAskedAndLeavesNoTempFiles(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("chat.json");
        DatasetSpec spec = new DatasetSpec(DatasetKind.CHAT, 10, 1, OutputFormat.JSON);
        SyntheticDatasets.GeneratedFile written = SyntheticDatasets.writeFile(spec, target, false);
        assertEquals(Files.size(target), written.bytes());
        assertEquals(10, written.records());

        Files.writeString(target, "keep me");
        assertThrows(FileAlreadyExistsException.class, () -> SyntheticDatasets.writeFile(spec, target, false));
        assertEquals("keep me", Files.readString(target));

        SyntheticDatasets.writeFile(spec, target, true);
        assertArrayEquals(generate(DatasetKind.CHAT, 10, 1, OutputFormat.JSON), Files.readAllBytes(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void writeFileNeedsAnExistingFolder(@TempDir Path dir) {
        DatasetSpec spec = new DatasetSpec(DatasetKind.CHAT, 1, 1, OutputFormat.JSON);
        assertThrows(NoSuchFileException.class,
                () -> SyntheticDatasets.writeFile(spec, dir.resolve("missing/chat.json"), false));
    }

    @Test
    void negativeRecordCountIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new DatasetSpec(DatasetKind.CHAT, -1, 1, OutputFormat.JSON));
    }

    @Test
    void kindNamesAreCaseInsensitiveAndUnknownOnesListTheChoices() {
        assertEquals(DatasetKind.PRETRAIN, DatasetKind.fromName("Pretrain"));
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> DatasetKind.fromName("x"));
        assertTrue(ex.getMessage().contains("instruct, chat, mix, pretrain"), ex.getMessage());
    }
}
