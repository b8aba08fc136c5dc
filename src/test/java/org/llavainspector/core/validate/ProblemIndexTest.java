package org.llavainspector.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.llavainspector.TestFiles;
import org.llavainspector.core.dataset.DatasetIndex;
import org.llavainspector.core.util.TaskMonitor;

class ProblemIndexTest {
    @Test
    void theIndexingPassFillsItWithTheValidatorsKinds() throws Exception {
        List<Problem> seen = new ArrayList<>();
        ProblemIndex problems = new ProblemIndex(seen::add);
        try (DatasetIndex index = DatasetIndex.build(TestFiles.demo(), TaskMonitor.NONE, problems)) {
            assertEquals(index.size(), problems.size());
            int[] duplicates = IntStream.range(0, index.size()).filter(r -> problems.has(r, ProblemKind.DUPLICATE_ID)).toArray();
            assertEquals(List.of(1, 2, 5, 7, 9, 26), IntStream.of(duplicates).boxed().toList());
            assertEquals(6, seen.size(), "problems are also handed on");
            assertFalse(problems.hasError(1), "a duplicate id is a notice, not an error");
            assertEquals(Set.of(ProblemKind.DUPLICATE_ID), problems.kinds(26));
            assertEquals(Set.of(), problems.kinds(0));
        }
    }

    @Test
    void laterChecksAddAndRemoveKinds() {
        ProblemIndex problems = new ProblemIndex();
        problems.add(3, ProblemKind.MISSING_IMAGE);
        problems.add(3, ProblemKind.EMPTY_VALUE);
        problems.add(100_000, ProblemKind.CORRUPT_IMAGE);
        assertEquals(Set.of(ProblemKind.MISSING_IMAGE, ProblemKind.EMPTY_VALUE), problems.kinds(3));
        assertTrue(problems.hasError(3));
        assertTrue(problems.has(100_000, ProblemKind.CORRUPT_IMAGE));
        assertEquals(0, problems.mask(99_999));
        assertEquals(0, problems.mask(5_000_000), "records without problems need no storage");
        problems.remove(3, ProblemKind.MISSING_IMAGE);
        assertEquals(Set.of(ProblemKind.EMPTY_VALUE), problems.kinds(3));
        assertEquals(ProblemIndex.bit(ProblemKind.EMPTY_VALUE), problems.mask(3));
    }

    @Test
    void concurrentAddsAreNotLost() throws Exception {
        ProblemIndex problems = new ProblemIndex();
        ProblemKind[] kinds = ProblemKind.values();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            int offset = t;
            threads[t] = new Thread(() -> {
                for (int r = 0; r < 20_000; r++) {
                    problems.add(r, kinds[(r + offset) % kinds.length]);
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        for (int r = 0; r < 20_000; r++) {
            assertEquals(Math.min(4, kinds.length), Integer.bitCount(problems.mask(r)), "record " + r);
        }
    }
}
