package org.llavainspector.core.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.llavainspector.TestFiles;
import org.llavainspector.core.curation.Edit;
import org.llavainspector.core.curation.Mark;
import org.llavainspector.core.curation.SampleKey;
import org.llavainspector.core.curation.Session;
import org.llavainspector.core.curation.UndoStack;
import org.llavainspector.core.dataset.DatasetIndex;
import org.llavainspector.core.dataset.Json;
import org.llavainspector.core.util.CancellableMonitor;
import org.llavainspector.core.util.TaskMonitor;

class ExporterTest {
    @TempDir
    Path dir;

    private final List<DatasetIndex> open = new ArrayList<>();

    @AfterEach
    void close() {
        open.forEach(DatasetIndex::close);
    }

    private DatasetIndex index(Path file) throws Exception {
        DatasetIndex index = DatasetIndex.build(file, TaskMonitor.NONE);
        open.add(index);
        return index;
    }

    private ExportResult export(Path source, Session session, ExportSelection selection, ExportOptions options)
            throws Exception {
        return new Exporter(List.of(index(source)), session).export(selection, options, TaskMonitor.NONE);
    }

    private static Session sessionOf(Path file, DatasetIndex index) throws IOException {
        Session session = Session.create(List.of(file));
        session.bind(new Session.SourceRecords() {
            @Override
            public String id(SampleKey key) {
                return index.id(key.record());
            }

            @Override
            public List<String> images(SampleKey key) {
                return index.images(key.record());
            }
        });
        return session;
    }

    @ParameterizedTest
    @ValueSource(strings = {"blip_laion_cc_sbu_558k_sample.json", "complex_reasoning_77k_sample.json",
        "conversation_58k_sample.json", "detail_23k_sample.json", "llava_cc3m_pretrain_595k_chat_sample.json",
        "llava_instruct_150k_sample.json", "llava_v1_5_mix665k_sample.json", "caps_boxes_coco2014_val_80.jsonl",
        "coco2014_val_gpt4_qa_30x3.jsonl", "qa90_questions.jsonl"})
    void exportingAllOfAnUneditedFileGivesTheFileBack(String name) throws Exception {
        Path source = TestFiles.realdata(name);
        ExportFormat format = name.endsWith(".jsonl") ? ExportFormat.JSONL : ExportFormat.JSON;
        Path out = dir.resolve("out");
        ExportResult result = export(source, null, ExportSelection.all(), ExportOptions.to(out, format));
        assertArrayEquals(Files.readAllBytes(source), Files.readAllBytes(out));
        assertEquals(0, result.rewritten());
        assertEquals(Files.size(out), result.bytes());
    }

    @Test
    void theDemoDatasetComesBackByteForByteToo() throws Exception {
        Path out = dir.resolve("demo-copy.json");
        ExportResult result = export(TestFiles.demo(), null, ExportSelection.all(), ExportOptions.to(out,
                ExportFormat.JSON));
        assertArrayEquals(Files.readAllBytes(TestFiles.demo()), Files.readAllBytes(out));
        assertEquals(30, result.records());
    }

    @Test
    void aSubsetIsMadeOfTheExactSourceSlices() throws Exception {
        Path source = TestFiles.demo();
        DatasetIndex in = index(source);
        Path out = dir.resolve("sub.json");
        Set<String> ids = Set.of("000000319154", "multi_000000319154_000000900011", "i6IyJda_0", "nope");
        ExportResult result = new Exporter(List.of(in), null).export(ExportSelection.all().withIds(ids),
                ExportOptions.to(out, ExportFormat.JSON), TaskMonitor.NONE);
        DatasetIndex back = index(out);
        assertEquals(result.records(), back.size());
        assertTrue(back.size() >= 3, "ids repeat in the demo: " + back.size());
        int k = 0;
        for (int r = 0; r < in.size(); r++) {
            if (ids.contains(in.id(r))) {
                assertArrayEquals(in.readBytes(r), back.readBytes(k++), "record " + r);
            }
        }
        assertEquals(back.size(), k);
    }

    @Test
    void editedRecordsKeepTheirFieldsAndOrderAndOnlyTheImageChanges() throws Exception {
        Path source = TestFiles.realdata("coco2014_val_gpt4_qa_30x3.jsonl");
        DatasetIndex in = index(source);
        Session session = sessionOf(source, in);
        UndoStack undo = new UndoStack(session);
        undo.perform(Edit.setImage(session, new SampleKey(0, 1), List.of("val2014/x.jpg")));
        undo.perform(Edit.setImage(session, new SampleKey(0, 2), List.of("a.jpg", "b.jpg")));
        Path out = dir.resolve("edited.jsonl");
        ExportResult result = new Exporter(List.of(in), session).export(ExportSelection.all(),
                ExportOptions.to(out, ExportFormat.JSONL), TaskMonitor.NONE);
        assertEquals(2, result.edited());
        DatasetIndex back = index(out);
        assertEquals(in.size(), back.size());
        for (int r = 0; r < in.size(); r++) {
            if (r == 1 || r == 2) {
                ObjectNode expected = in.record(r).json();
                expected.set("image", r == 1 ? Json.MAPPER.valueToTree("val2014/x.jpg")
                        : Json.MAPPER.valueToTree(List.of("a.jpg", "b.jpg")));
                assertEquals(expected, back.record(r).json());
                assertEquals(in.record(r).fieldNames(), back.record(r).fieldNames());
                assertTrue(back.record(r).fieldNames().contains("instruction"), "unknown fields are kept");
            } else {
                assertArrayEquals(in.readBytes(r), back.readBytes(r));
            }
        }
    }

    @Test
    void prettyRecordsGoOnOneLineForJsonlAndCompactJson() throws Exception {
        Path source = TestFiles.realdata("llava_v1_5_mix665k_sample.json");
        DatasetIndex in = index(source);
        for (ExportFormat format : List.of(ExportFormat.JSONL, ExportFormat.JSON_COMPACT)) {
            Path out = dir.resolve("one-line." + format.label());
            ExportResult result = new Exporter(List.of(in), null).export(ExportSelection.all(),
                    ExportOptions.to(out, format), TaskMonitor.NONE);
            assertEquals(in.size(), result.rewritten());
            assertEquals(0, result.edited());
            String text = Files.readString(out);
            assertEquals(format == ExportFormat.JSONL ? in.size() : 1, text.lines().count(), text);
            DatasetIndex back = index(out);
            for (int r = 0; r < in.size(); r++) {
                assertEquals(in.record(r).json(), back.record(r).json());
            }
            assertTrue(text.contains("{\"id\": \"000000033471\", \"image\": \"coco/train2017/000000033471.jpg\", "),
                    text);
        }
    }

    @Test
    void idListFormat() throws Exception {
        Path out = dir.resolve("ids.txt");
        ExportResult result = export(TestFiles.demo(), null, ExportSelection.all().withSample(
                new ExportSelection.Sample(ExportSelection.SampleKind.FIRST, 3, 0)), ExportOptions.to(out,
                ExportFormat.IDS));
        DatasetIndex in = index(TestFiles.demo());
        assertEquals(List.of(in.id(0), in.id(1), in.id(2)), Files.readAllLines(out));
        assertEquals(3, result.records());
        assertEquals(new java.util.HashSet<>(List.of(in.id(0), in.id(1), in.id(2))), ExportSelection.readIds(out));
    }

    @Test
    void randomSamplesDependOnlyOnTheSeed() throws Exception {
        DatasetIndex in = index(TestFiles.demo());
        ExportSelection ten = ExportSelection.all().withSample(
                new ExportSelection.Sample(ExportSelection.SampleKind.RANDOM_COUNT, 10, 7));
        int[] first = ten.select(List.of(in), null, TaskMonitor.NONE)[0];
        int[] again = ten.select(List.of(in), null, TaskMonitor.NONE)[0];
        assertArrayEquals(first, again);
        assertEquals(10, first.length);
        for (int i = 1; i < first.length; i++) {
            assertTrue(first[i] > first[i - 1], "file order");
        }
        int[] other = ten.withSample(new ExportSelection.Sample(ExportSelection.SampleKind.RANDOM_COUNT, 10, 8))
                .select(List.of(in), null, TaskMonitor.NONE)[0];
        assertNotEquals(List.of(first), List.of(other));
        assertFalse(java.util.Arrays.equals(first, other));
        int[] tenPercent = ExportSelection.all().withSample(new ExportSelection.Sample(
                ExportSelection.SampleKind.RANDOM_PERCENT, 10, 7)).select(List.of(in), null, TaskMonitor.NONE)[0];
        assertEquals(3, tenPercent.length);
        int[] all = ExportSelection.all().withSample(new ExportSelection.Sample(
                ExportSelection.SampleKind.RANDOM_COUNT, 1000, 7)).select(List.of(in), null, TaskMonitor.NONE)[0];
        assertEquals(30, all.length);
        assertThrows(IllegalArgumentException.class,
                () -> new ExportSelection.Sample(ExportSelection.SampleKind.RANDOM_PERCENT, 120, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new ExportSelection.Sample(ExportSelection.SampleKind.FIRST, 1.5, 1));
    }

    @Test
    void marksFiltersAndIdsCombine() throws Exception {
        Path source = TestFiles.demo();
        DatasetIndex in = index(source);
        Session session = sessionOf(source, in);
        UndoStack undo = new UndoStack(session);
        undo.perform(Edit.mark(session, List.of(new SampleKey(0, 0), new SampleKey(0, 1)), Mark.REJECT));
        undo.perform(Edit.mark(session, List.of(new SampleKey(0, 2)), Mark.KEEP));
        undo.perform(Edit.mark(session, List.of(new SampleKey(0, 3)), Mark.FLAG));
        List<DatasetIndex> files = List.of(in);
        assertEquals(28, ExportSelection.all().allButRejected().select(files, session, TaskMonitor.NONE)[0].length);
        assertArrayEquals(new int[] {2}, ExportSelection.all().withMarks(EnumSet.of(Mark.KEEP), false)
                .select(files, session, TaskMonitor.NONE)[0]);
        RecordFilter even = (index, m) -> java.util.stream.IntStream.range(0, index.size()).filter(r -> r % 2 == 0)
                .toArray();
        assertArrayEquals(new int[] {2, 4}, ExportSelection.all().withFilter(even).allButRejected()
                .withSample(new ExportSelection.Sample(ExportSelection.SampleKind.FIRST, 2, 0))
                .select(files, session, TaskMonitor.NONE)[0]);
        assertArrayEquals(new int[] {3}, ExportSelection.all().withMarks(EnumSet.of(Mark.FLAG), false)
                .withIds(new java.util.HashSet<>(List.of(in.id(3), in.id(4)))).select(files, session, TaskMonitor.NONE)[0]);
        assertEquals("filter, marks keep/flag/none, first 2", ExportSelection.all().withFilter(even).allButRejected()
                .withSample(new ExportSelection.Sample(ExportSelection.SampleKind.FIRST, 2, 0)).describe());
    }

    @Test
    void severalFilesGoIntoOneOutput() throws Exception {
        DatasetIndex a = index(TestFiles.realdata("llava_v1_5_mix665k_sample.json"));
        DatasetIndex b = index(TestFiles.realdata("detail_23k_sample.json"));
        Path out = dir.resolve("both.json");
        ExportResult result = new Exporter(List.of(a, b), null).export(ExportSelection.all(),
                ExportOptions.to(out, ExportFormat.JSON), TaskMonitor.NONE);
        DatasetIndex back = index(out);
        assertEquals(a.size() + b.size(), back.size());
        assertEquals(result.records(), back.size());
        assertArrayEquals(b.readBytes(b.size() - 1), back.readBytes(back.size() - 1));
        String text = Files.readString(out);
        assertTrue(text.startsWith("[\n  {\n") && text.endsWith("\n  }\n]\n"), "laid out like the first file");
    }

    @Test
    void imagesAreCopiedIntoAStoredZipWithPathsRewrittenAndMissingReported() throws Exception {
        Path source = TestFiles.write(dir, "mix.json", "[\n"
                + "  {\"id\": \"a\", \"image\": \"./000000319154.jpg\", \"conversations\": []},\n"
                + "  {\"id\": \"b\", \"image\": [\"000000900001.jpg\", \"/000000900002.jpg\"], \"conversations\": []},\n"
                + "  {\"id\": \"c\", \"image\": \"000000319154.jpg\", \"conversations\": []},\n"
                + "  {\"id\": \"d\", \"image\": \"nowhere/missing.jpg\", \"conversations\": []},\n"
                + "  {\"id\": \"e\", \"conversations\": []}\n"
                + "]\n");
        Path zip = dir.resolve("subset-images.zip");
        Path out = dir.resolve("subset.json");
        try (var sources = org.llavainspector.core.image.ImageSources.open(
                List.of(TestFiles.demo().resolveSibling("images.zip")), List.of())) {
            ExportResult result = export(source, null, ExportSelection.all(),
                    ExportOptions.to(out, ExportFormat.JSON).withImages(sources, zip));
            ImageCopyReport images = result.images();
            assertEquals(3, images.copied(), "000000319154.jpg is copied once for a and c");
            assertEquals(List.of(new ImageCopyReport.Missing("nowhere/missing.jpg", "d", 1)), images.missing());
            assertEquals(2, result.edited(), "a and b have new paths");
            try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile());
                 java.util.zip.ZipFile demo = new java.util.zip.ZipFile(
                         TestFiles.demo().resolveSibling("images.zip").toFile())) {
                List<String> names = new ArrayList<>();
                z.stream().forEach(e -> names.add(e.getName()));
                assertEquals(List.of("000000319154.jpg", "000000900001.jpg", "000000900002.jpg"),
                        names.subList(0, 3));
                long total = 0;
                for (java.util.zip.ZipEntry e : java.util.Collections.list(z.entries())) {
                    assertEquals(java.util.zip.ZipEntry.STORED, e.getMethod(), e.getName());
                    byte[] data = z.getInputStream(e).readAllBytes();
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(data);
                    assertEquals(crc.getValue(), e.getCrc(), e.getName());
                    assertEquals(e.getSize(), e.getCompressedSize());
                    assertArrayEquals(demo.getInputStream(demo.getEntry(e.getName())).readAllBytes(), data);
                    total += data.length;
                }
                assertEquals(total, images.bytes());
            }
            JsonNode json = Json.MAPPER.readTree(out.toFile());
            assertEquals("000000319154.jpg", json.get(0).get("image").asText());
            assertEquals(List.of("000000900001.jpg", "000000900002.jpg"),
                    List.of(json.get(1).get("image").get(0).asText(), json.get(1).get("image").get(1).asText()));
            assertEquals("nowhere/missing.jpg", json.get(3).get("image").asText());
            assertNull(json.get(4).get("image"));
            assertTrue(Files.readString(out).contains(
                    "  {\"id\": \"c\", \"image\": \"000000319154.jpg\", \"conversations\": []},\n"), "c is untouched");
        }
    }

    @Test
    void imagesCanGoToAFolderThatResolvesTheExportedPaths() throws Exception {
        Path folder = dir.resolve("copy");
        Path out = dir.resolve("demo-subset.json");
        try (var sources = org.llavainspector.core.image.ImageSources.open(
                List.of(TestFiles.demo().resolveSibling("images.zip")), List.of())) {
            ExportResult result = export(TestFiles.demo(), null, ExportSelection.all(),
                    ExportOptions.to(out, ExportFormat.JSON).withImages(sources, folder));
            assertEquals(1, result.images().missing().size(), "the demo has one missing image on purpose");
            DatasetIndex back = index(out);
            try (var copy = org.llavainspector.core.image.ImageSources.open(List.of(folder), List.of())) {
                int resolved = 0;
                for (int r = 0; r < back.size(); r++) {
                    for (String p : back.images(r)) {
                        resolved += copy.resolve(p).isPresent() ? 1 : 0;
                    }
                }
                try (Stream<Path> files = Files.walk(folder)) {
                    assertEquals(result.images().copied(), files.filter(Files::isRegularFile).count());
                }
                assertTrue(resolved > 25, "resolved " + resolved);
            }
        }
        assertThrows(ExportException.class, () -> export(TestFiles.demo(), null, ExportSelection.all(),
                ExportOptions.to(dir.resolve("again.json"), ExportFormat.JSON).withImages(
                        org.llavainspector.core.image.ImageSources.none(), folder)), "a non-empty folder is refused");
    }

    @Test
    void theInputAndTheImageSourcesAreNeverOverwritten() throws Exception {
        Path source = TestFiles.write(dir, "data.json", Files.readString(TestFiles.realdata("detail_23k_sample.json")));
        byte[] before = Files.readAllBytes(source);
        ExportException same = assertThrows(ExportException.class, () -> export(source, null, ExportSelection.all(),
                ExportOptions.to(dir.resolve("sub/../data.json"), ExportFormat.JSON)));
        assertTrue(same.getMessage().contains("open source"), same.getMessage());
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), source);
        assertThrows(ExportException.class, () -> export(source, null, ExportSelection.all(),
                ExportOptions.to(link, ExportFormat.JSONL)));
        Path zip = Files.copy(TestFiles.demo().resolveSibling("images.zip"), dir.resolve("images.zip"));
        byte[] zipBefore = Files.readAllBytes(zip);
        try (var sources = org.llavainspector.core.image.ImageSources.open(List.of(zip), List.of())) {
            assertThrows(ExportException.class, () -> export(source, null, ExportSelection.all(),
                    ExportOptions.to(dir.resolve("o.json"), ExportFormat.JSON).withImages(sources, zip)));
            assertThrows(ExportException.class, () -> export(source, null, ExportSelection.all(),
                    ExportOptions.to(zip, ExportFormat.JSON).withImageSources(sources)));
        }
        assertThrows(ExportException.class, () -> export(source, null, ExportSelection.all(),
                ExportOptions.to(dir.resolve("no/such/folder.json"), ExportFormat.JSON)));
        Path sidecar = TestFiles.write(dir, "s.llava-session.json", "{}");
        assertThrows(ExportException.class, () -> export(source, null, ExportSelection.all(),
                ExportOptions.to(sidecar, ExportFormat.JSON).protecting(List.of(sidecar))));
        assertArrayEquals(before, Files.readAllBytes(source));
        assertArrayEquals(zipBefore, Files.readAllBytes(zip));
    }

    @Test
    void aCancelledExportLeavesNothingBehind() throws Exception {
        Path out = dir.resolve("cancelled.json");
        CancellableMonitor monitor = new CancellableMonitor((done, total) -> { });
        monitor.cancel();
        DatasetIndex in = index(TestFiles.demo());
        try (var sources = org.llavainspector.core.image.ImageSources.open(
                List.of(TestFiles.demo().resolveSibling("images.zip")), List.of())) {
            assertThrows(CancellationException.class, () -> new Exporter(List.of(in), null).export(
                    ExportSelection.all(), ExportOptions.to(out, ExportFormat.JSON)
                            .withImages(sources, dir.resolve("i.zip")), monitor));
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void anEmptySelectionIsAnEmptyArray() throws Exception {
        Path out = dir.resolve("none.json");
        ExportResult result = export(TestFiles.demo(), null, ExportSelection.all().withIds(Set.of("nope")),
                ExportOptions.to(out, ExportFormat.JSON));
        assertEquals(0, result.records());
        assertEquals("[]\n", Files.readString(out));
    }
}
