package org.llavainspector.core.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llavainspector.TestFiles;
import org.llavainspector.core.util.TaskMonitor;

class DatasetIndexTest {
    @TempDir
    Path dir;

    @Test
    void indexesRealInstructRecordWithImageTokenLast() throws Exception {
        try (DatasetIndex index = DatasetIndex.build(TestFiles.realdata("conversation_58k_sample.json"), TaskMonitor.NONE)) {
            assertEquals(1, index.size());
            assertEquals(DatasetFormat.JSON_ARRAY, index.format());
            assertEquals("000000033471", index.id(0));
            assertEquals(List.of("000000033471.jpg"), index.images(0));
            assertEquals(6, index.turnCount(0));
            SampleRecord r = index.record(0);
            assertTrue(r.turns().get(0).value().endsWith("<image>"), "conversation_58k puts <image> after the question");
            assertEquals("What are the colors of the bus in the image?", r.firstQuestion());
        }
    }

    @Test
    void indexesCc3mChatRecords() throws Exception {
        try (DatasetIndex index = DatasetIndex.build(TestFiles.realdata("llava_cc3m_pretrain_595k_chat_sample.json"),
                TaskMonitor.NONE)) {
            assertEquals(3, index.size());
            for (int i = 0; i < 3; i++) {
                assertTrue(index.id(i).startsWith("GCC_train_"));
                assertEquals(index.id(i) + ".jpg", index.images(i).get(0));
                assertEquals(2, index.turnCount(i));
            }
        }
    }

    @Test
    void indexesPretrainSubFolderPathsAndMixTextOnlyRecords() throws Exception {
        try (DatasetIndex blip = DatasetIndex.build(TestFiles.realdata("blip_laion_cc_sbu_558k_sample.json"), TaskMonitor.NONE);
             DatasetIndex mix = DatasetIndex.build(TestFiles.realdata("llava_v1_5_mix665k_sample.json"), TaskMonitor.NONE)) {
            assertEquals(List.of("00453/004539375.jpg"), blip.images(0));
            assertEquals(List.of("coco/train2017/000000033471.jpg"), mix.images(0));
            assertEquals("i6IyJda_0", mix.id(1));
            assertEquals(List.of(), mix.images(1), "text-only record has no image");
            assertEquals(0, mix.imageCount(1));
            SampleRecord textOnly = mix.record(1);
            assertEquals(List.of("id", "model", "conversations"), textOnly.fieldNames());
            assertEquals("", textOnly.field("model").textValue());
        }
    }

    @Test
    void offsetsAndLengthsGiveTheExactSourceBytesOfEveryRecord() throws Exception {
        Path file = TestFiles.realdata("detail_23k_sample.json");
        byte[] all = Files.readAllBytes(file);
        try (DatasetIndex index = DatasetIndex.build(file, TaskMonitor.NONE)) {
            assertEquals(2, index.size());
            for (int i = 0; i < index.size(); i++) {
                byte[] bytes = index.readBytes(i);
                assertEquals('{', bytes[0]);
                assertEquals('}', bytes[bytes.length - 1]);
                byte[] expected = java.util.Arrays.copyOfRange(all, (int) index.offset(i), (int) index.offset(i) + index.length(i));
                assertArrayEquals(expected, bytes);
                assertEquals(index.id(i), SampleRecord.parse(i, bytes).id());
            }
        }
    }

    @Test
    void keepsUnknownFieldsTheirOrderAndNonAsciiBytes() throws Exception {
        String rec = "{\"zeta\": 1, \"id\": \"é-1\", \"extra\": {\"a\": [1, 2]}, \"image\": \"x/y.jpg\","
                + " \"conversations\": [{\"from\": \"human\", \"value\": \"<image>\\nQu'est-ce que c'est ? 🍰\", \"weight\": 0.5},"
                + " {\"from\": \"gpt\", \"value\": \"Un gâteau.\"}]}";
        Path file = TestFiles.write(dir, "a.json", "[\n  " + rec + "\n]\n");
        try (DatasetIndex index = DatasetIndex.build(file, TaskMonitor.NONE)) {
            SampleRecord r = index.record(0);
            assertEquals(rec, r.sourceText());
            assertArrayEquals(rec.getBytes(StandardCharsets.UTF_8), r.sourceBytes());
            assertEquals(List.of("zeta", "id", "extra", "image", "conversations"), r.fieldNames());
            assertEquals("é-1", index.id(0));
            assertEquals(0.5, r.json().get("conversations").get(0).get("weight").asDouble());
        }
    }

    @Test
    void detectsJsonLinesAndMultiImageLists() throws Exception {
        Path file = TestFiles.write(dir, "a.jsonl",
                "{\"id\": \"a\", \"image\": [\"p/1.jpg\", \"p/2.jpg\"], \"conversations\": [{\"from\": \"human\", \"value\": \"<image><image> same?\"}]}\n"
                        + "\n"
                        + "{\"id\": 7, \"conversations\": []}\n");
        try (DatasetIndex index = DatasetIndex.build(file, TaskMonitor.NONE)) {
            assertEquals(DatasetFormat.JSONL, index.format());
            assertEquals(2, index.size());
            assertEquals(List.of("p/1.jpg", "p/2.jpg"), index.images(0));
            assertEquals("p/1.jpg", index.firstImage(0));
            assertEquals(2, index.imageCount(0));
            assertEquals("7", index.id(1), "numeric ids are kept as their text");
            assertNull(index.firstImage(1));
            assertTrue(index.record(1).sourceText().startsWith("{\"id\": 7"));
        }
    }

    @Test
    void findsRecordsByIdAndImageIncludingRepeatedIds() throws Exception {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < 3000; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"id\": \"").append(i % 1000).append("\", \"image\": \"img").append(i)
                    .append(".jpg\", \"conversations\": []}");
        }
        Path file = TestFiles.write(dir, "ids.json", sb.append("]").toString());
        try (DatasetIndex index = DatasetIndex.build(file, TaskMonitor.NONE)) {
            assertArrayEquals(new int[] {42, 1042, 2042}, index.recordsWithId("42"));
            assertArrayEquals(new int[] {2999}, index.recordsWithImage("img2999.jpg"));
            assertEquals(0, index.recordsWithId("nope").length);
        }
    }

    @Test
    void firstRecordsAreReadableBeforeTheWholeFileIsIndexed() throws Exception {
        Path file = TestFiles.write(dir, "big.json", manyRecords(10_000));
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch paused = new java.util.concurrent.CountDownLatch(1);
        TaskMonitor pauseMidway = new TaskMonitor() {
            @Override
            public void progress(long done, long total) {
                if (done > total / 2 && done < total) {
                    paused.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (DatasetIndex index = DatasetIndex.start(file, executor, pauseMidway)) {
            assertTrue(paused.await(30, java.util.concurrent.TimeUnit.SECONDS));
            assertTrue(index.size() >= 1000, "records found so far are published");
            assertFalse(index.isComplete());
            assertEquals("r0", index.id(0));
            assertEquals("r0", index.record(0).id(), "an early record can be read while indexing goes on");
            release.countDown();
            index.awaitComplete();
            assertEquals(10_000, index.size());
            assertEquals("r9999", index.id(9999));
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void reportsProgressAndStopsWhenCancelled() throws Exception {
        Path file = TestFiles.write(dir, "big.json", manyRecords(20_000));
        long fileSize = Files.size(file);
        long[] lastDone = {-1};
        int[] calls = {0};
        TaskMonitor progress = new TaskMonitor() {
            @Override
            public void progress(long done, long total) {
                assertEquals(fileSize, total, "progress counts bytes of the file");
                assertTrue(done >= lastDone[0], "progress never goes back");
                lastDone[0] = done;
                calls[0]++;
            }
        };
        try (DatasetIndex index = DatasetIndex.build(file, progress)) {
            assertEquals(20_000, index.size());
        }
        assertTrue(calls[0] > 5);
        assertEquals(Files.size(file), lastDone[0]);

        org.llavainspector.core.util.CancellableMonitor cancel = new org.llavainspector.core.util.CancellableMonitor();
        int[] seen = {0};
        RecordVisitor cancelAfter5000 = r -> {
            if (++seen[0] == 5000) {
                cancel.cancel();
            }
        };
        org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.CancellationException.class,
                () -> DatasetIndex.build(file, cancel, cancelAfter5000));
        assertTrue(seen[0] < 20_000, "the pass stopped early");
    }

    static String manyRecords(int n) {
        StringBuilder sb = new StringBuilder("[\n");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",\n").append("  {\n    \"id\": \"r").append(i).append("\",\n    \"image\": \"r").append(i)
                    .append(".jpg\",\n    \"conversations\": [\n      {\n        \"from\": \"human\",\n        \"value\": \"<image>\\nWhat is this?\"\n"
                            + "      },\n      {\n        \"from\": \"gpt\",\n        \"value\": \"A test record.\"\n      }\n    ]\n  }");
        }
        return sb.append("\n]").toString();
    }
}
