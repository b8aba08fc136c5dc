package org.llavainspector.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.llavainspector.TestFiles;
import org.llavainspector.core.dataset.DatasetFormat;
import org.llavainspector.core.dataset.DatasetScanner;
import org.llavainspector.core.dataset.ImageToken;
import org.llavainspector.core.util.TaskMonitor;

class DatasetStatsTest {
    private static DatasetStats statsOf(Path file) throws Exception {
        DatasetStats stats = new DatasetStats();
        DatasetScanner.scan(file, stats, TaskMonitor.NONE);
        return stats;
    }

    @Test
    void countsTheMixWithItsTextOnlyRecordAndFolders() throws Exception {
        DatasetStats s = statsOf(TestFiles.realdata("llava_v1_5_mix665k_sample.json"));
        assertEquals(DatasetFormat.JSON_ARRAY, s.format());
        assertEquals(2, s.records());
        assertEquals(1, s.withImage());
        assertEquals(1, s.textOnly());
        assertEquals(0, s.multiImage());
        assertEquals(Map.of("coco/train2017", 1L), s.imageFolders(10));
        assertEquals(1L, s.placements().get(ImageToken.Placement.START));
        assertEquals(1L, s.placements().get(ImageToken.Placement.NONE));
        assertEquals(Map.of(2, 1L, 6, 1L), s.turnsHistogram());
        assertEquals(Map.of("human", 4L, "gpt", 4L), s.fromCounts());
    }

    @Test
    void tokenPlacementFirstOrLast() throws Exception {
        assertEquals(1L, statsOf(TestFiles.realdata("conversation_58k_sample.json")).placements().get(ImageToken.Placement.END));
        assertEquals(1L, statsOf(TestFiles.realdata("llava_instruct_150k_sample.json")).placements().get(ImageToken.Placement.START));
    }

    @Test
    void averageLengthsAreInCharacters() throws Exception {
        DatasetStats s = statsOf(TestFiles.realdata("llava_cc3m_pretrain_595k_chat_sample.json"));
        assertEquals(3, s.records());
        assertEquals(Map.of("(root)", 3L), s.imageFolders(10));
        // first human turns of the three records, counted by hand from the file
        double human = ("Provide a brief description of the given image.\n<image>".length()
                + "<image>\nWrite a terse but informative summary of the picture.".length()
                + "Share a concise interpretation of the image provided.\n<image>".length()) / 3.0;
        assertEquals(human, s.averageHumanChars(), 1e-9);
    }

    @Test
    void questionAndAnswerLengthsFallInBuckets() throws Exception {
        DatasetStats s = statsOf(TestFiles.realdata("llava_cc3m_pretrain_595k_chat_sample.json"));
        assertEquals(java.util.List.of("<50", "50-99", "100-199", "200-399", "400-799", "800-1599", "1600-3199",
                "3200+"), DatasetStats.lengthBuckets());
        // the three questions are 56, 58 and 62 characters long; the three captions are short
        assertEquals(3L, s.humanLengths().get("50-99"));
        assertEquals(3L, s.humanLengths().values().stream().mapToLong(Long::longValue).sum());
        assertEquals(3L, s.gptLengths().values().stream().mapToLong(Long::longValue).sum());
        assertEquals(3L, s.gptLengths().get("<50") + s.gptLengths().get("50-99"));

        DatasetStats detail = statsOf(TestFiles.realdata("detail_23k_sample.json"));
        long longAnswers = detail.gptLengths().get("400-799") + detail.gptLengths().get("800-1599");
        assertEquals(2L, longAnswers, "both detailed descriptions are paragraphs: " + detail.gptLengths());
        // merging two passes adds the buckets
        DatasetStats merged = statsOf(TestFiles.realdata("detail_23k_sample.json")).merge(detail);
        assertEquals(4L, merged.gptLengths().get("400-799") + merged.gptLengths().get("800-1599"));
    }

    @Test
    void folderOfKeepsAtMostTwoLevels() {
        assertEquals("coco/train2017", DatasetStats.folderOf("coco/train2017/000000033471.jpg"));
        assertEquals("vg/VG_100K_2", DatasetStats.folderOf("vg/VG_100K_2/1.jpg"));
        assertEquals("00453", DatasetStats.folderOf("00453/004539375.jpg"));
        assertEquals("(root)", DatasetStats.folderOf("GCC_train_002582585.jpg"));
        assertEquals("a/b", DatasetStats.folderOf("a/b/c/d.jpg"));
    }

    @Test
    void foldersBeyondTheLimitAreCountedAsOther(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        StringBuilder sb = new StringBuilder("[");
        int n = DatasetStats.MAX_DISTINCT + 50;
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"id\": \"").append(i).append("\", \"image\": \"f").append(i)
                    .append("/a.jpg\", \"conversations\": []}");
        }
        DatasetStats s = statsOf(org.llavainspector.TestFiles.write(dir, "f.json", sb.append("]").toString()));
        Map<String, Long> folders = s.imageFolders(Integer.MAX_VALUE);
        assertEquals(DatasetStats.MAX_DISTINCT + 1, folders.size());
        assertEquals(50L, folders.get("(other)"));
        assertEquals((long) n, folders.values().stream().mapToLong(Long::longValue).sum());
    }
}
