package org.llavainspector.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llavainspector.core.util.CancellableMonitor;
import org.llavainspector.core.util.TaskMonitor;

class ImageHealthCheckerTest {
    @TempDir
    Path dir;
    private ImageSources sources;
    private ImageLoader loader;

    /** Record i's images; every 7th record is text-only, the others cycle through the mixed zip. */
    private final List<List<String>> records = new ArrayList<>();

    @BeforeEach
    void open() throws IOException {
        Path zip = TestImages.zip(dir.resolve("images.zip"), TestImages.mixedEntries(), true);
        sources = ImageSources.open(List.of(zip), List.of());
        loader = new ImageLoader(sources, new ImageDecoder());
        List<String> names = List.of("GCC_train_000000001.jpg", "missing.jpg", "empty.jpg", "truncated.jpg",
                "ocr_vqa/images/gif_named.jpg", "bomb.png", "garbage.jpg", "00000/000000001.jpg");
        for (int i = 0; i < 300; i++) {
            if (i % 7 == 6) {
                records.add(List.of());
            } else if (i % 50 == 0) {
                records.add(List.of(names.get(0), names.get(1))); // a multi-image record
            } else {
                records.add(List.of(names.get(i % names.size())));
            }
        }
    }

    @AfterEach
    void close() throws IOException {
        sources.close();
    }

    private record Problem(int record, String path, ImageStatus status, Thread thread) {
    }

    private List<Problem> run(ImageHealthChecker checker, boolean deep, Map<String, Long> expectedCounts) {
        List<Problem> problems = new ArrayList<>();
        ImageHealthChecker.Report report = checker.check(records.size(), records::get, deep, TaskMonitor.NONE,
                (record, path, status, message) -> problems.add(new Problem(record, path, status, Thread.currentThread())));
        assertEquals(expectedCounts, report.problemCountsByKind());
        assertEquals(problems.size(), report.problems());
        assertEquals(records.stream().mapToLong(List::size).sum(), report.images());
        return problems;
    }

    @Test
    void deepCheckOnFourThreadsReportsInRecordOrderOnTheCallingThread() {
        List<Problem> problems = run(new ImageHealthChecker(loader, 4), true, Map.of(
                "missing-image", expectedMissing(), "unreadable-image", expected("bomb.png"),
                "corrupt-image", expected("empty.jpg") + expected("truncated.jpg") + expected("garbage.jpg"),
                "wrong-image-format", expected("ocr_vqa/images/gif_named.jpg")));

        for (int i = 1; i < problems.size(); i++) {
            assertTrue(problems.get(i - 1).record() <= problems.get(i).record(), "out of order at " + i);
        }
        assertTrue(problems.stream().allMatch(p -> p.thread() == Thread.currentThread()));
        Problem gif = problems.stream().filter(p -> p.status() == ImageStatus.WRONG_FORMAT).findFirst().orElseThrow();
        assertEquals("ocr_vqa/images/gif_named.jpg", gif.path());
    }

    @Test
    void cheapCheckFindsOnlyMissingAndEmptyFiles() {
        run(new ImageHealthChecker(loader, 4), false, Map.of(
                "missing-image", expectedMissing(), "unreadable-image", 0L,
                "corrupt-image", expected("empty.jpg"), "wrong-image-format", 0L));
    }

    @Test
    void reportsProgressAndStopsWhenCancelled() {
        List<Long> progress = new ArrayList<>();
        CancellableMonitor monitor = new CancellableMonitor((done, total) -> progress.add(done));
        List<Integer> seen = new ArrayList<>();

        assertThrows(CancellationException.class, () -> new ImageHealthChecker(loader, 2).check(records.size(),
                i -> {
                    if (i == 100) {
                        monitor.cancel();
                    }
                    return records.get(i);
                }, true, monitor, (record, path, status, message) -> seen.add(record)));
        assertTrue(seen.stream().allMatch(r -> r < 100), "records after the cancel were reported: " + seen);

        List<Long> fullRun = new ArrayList<>();
        new ImageHealthChecker(loader, 1).check(records.size(), records::get, false,
                new CancellableMonitor((done, total) -> fullRun.add(done)), (r, p, s, m) -> { });
        assertEquals(List.of((long) records.size()), fullRun.subList(fullRun.size() - 1, fullRun.size()));
    }

    private long expected(String path) {
        return records.stream().flatMap(List::stream).filter(path::equals).count();
    }

    private long expectedMissing() {
        return expected("missing.jpg");
    }
}
