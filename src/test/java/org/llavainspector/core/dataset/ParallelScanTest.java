package org.llavainspector.core.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llavainspector.TestFiles;
import org.llavainspector.core.stats.DatasetStats;
import org.llavainspector.core.util.TaskMonitor;

class ParallelScanTest {
    @TempDir
    Path dir;

    private static DatasetStats sequential(Path file) throws DatasetException {
        DatasetStats s = new DatasetStats();
        DatasetScanner.scan(file, s, TaskMonitor.NONE);
        return s;
    }

    private static DatasetStats parallel(Path file, int threads) throws DatasetException {
        return ParallelScan.scan(file, DatasetStats::new, DatasetStats::merge, threads, TaskMonitor.NONE, 0);
    }

    private static void assertSameStats(DatasetStats expected, DatasetStats actual) {
        assertEquals(expected.format(), actual.format());
        assertEquals(expected.records(), actual.records());
        assertEquals(expected.textOnly(), actual.textOnly());
        assertEquals(expected.multiImage(), actual.multiImage());
        assertEquals(expected.turnsHistogram(), actual.turnsHistogram());
        assertEquals(expected.fromCounts(), actual.fromCounts());
        assertEquals(expected.placements(), actual.placements());
        assertEquals(expected.imageFolders(100), actual.imageFolders(100));
        assertEquals(expected.averageGptChars(), actual.averageGptChars(), 1e-9);
    }

    private static String records(int n, boolean jsonl) {
        StringBuilder sb = new StringBuilder(jsonl ? "" : "[\n");
        for (int i = 0; i < n; i++) {
            String image = i % 7 == 0 ? "" : "\"image\": \"" + (i % 3 == 0 ? "coco/train2017/" : "") + i + ".jpg\", ";
            String token = image.isEmpty() ? "" : "<image>\\n";
            String rec = "{\"id\": \"" + i + "\", " + image + "\"conversations\": [{\"from\": \"human\", \"value\": \"" + token
                    + "Q" + i + "\"}, {\"from\": \"gpt\", \"value\": \"" + "answer ".repeat(i % 13) + "\"}"
                    + (i % 5 == 0 ? ", {\"from\": \"human\", \"value\": \"more?\"}, {\"from\": \"gpt\", \"value\": \"yes\"}" : "") + "]}";
            if (jsonl) {
                sb.append(rec).append('\n');
            } else {
                sb.append(i == 0 ? "  " : ",\n  ").append(rec);
            }
        }
        return sb.append(jsonl ? "" : "\n]\n").toString();
    }

    @Test
    void prettyArraySplitsOnRecordStartsAndGivesTheSameFigures() throws Exception {
        Path file = TestFiles.write(dir, "a.json", records(20_000, false));
        List<Long> starts = ParallelScan.sliceStarts(file, 3, 0);
        assertEquals(3, starts.size(), "the file is split in three");
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        for (long s : starts.subList(1, 3)) {
            assertEquals('{', bytes[(int) s]);
            assertEquals(' ', bytes[(int) s - 1]);
        }
        assertSameStats(sequential(file), parallel(file, 3));
    }

    @Test
    void jsonLinesSplitToo() throws Exception {
        Path file = TestFiles.write(dir, "a.jsonl", records(20_000, true));
        assertEquals(2, ParallelScan.sliceStarts(file, 2, 0).size());
        DatasetStats p = parallel(file, 2);
        assertEquals(DatasetFormat.JSONL, p.format());
        assertSameStats(sequential(file), p);
    }

    @Test
    void compactFilesAreReadSequentially() throws Exception {
        Path file = TestFiles.write(dir, "c.json", records(5_000, false).replace("\n", ""));
        assertTrue(ParallelScan.sliceStarts(file, 2, 0).size() < 2);
        assertSameStats(sequential(file), parallel(file, 2));
    }

    @Test
    void anErrorInALaterSliceIsReportedExactlyAsASequentialPassWould() throws Exception {
        String text = records(20_000, false);
        int cut = text.indexOf("\"id\": \"15000\"");
        Path file = TestFiles.write(dir, "bad.json", text.substring(0, cut) + "\"id\": oops" + text.substring(cut + 13));
        DatasetException seq = assertThrows(DatasetException.class, () -> sequential(file));
        DatasetException par = assertThrows(DatasetException.class, () -> parallel(file, 2));
        assertEquals(seq.getMessage(), par.getMessage());
        assertEquals(15_000, par.record());
    }
}
