package org.llavainspector.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The figures and the table of {@code bench insight}. */
class InsightBenchmarkTest {
    @Test
    void theRatioIsOfTheMediansAndTheTableSaysWhetherTheTargetIsMet() {
        InsightBenchmark.Result met = new InsightBenchmark.Result(Path.of("bench-data", "instruct.json"), 157_712,
                228_861_517, new double[] {1.5, 0.9, 1.0, 1.1}, new double[] {0.8, 0.9, 0.7, 1.0});
        assertEquals(1.5, met.dashboardFirst());
        assertEquals(1.05, met.dashboardMedian(), 1e-9);
        assertEquals(0.85, met.statsMedian(), 1e-9);
        assertEquals(1.05 / 0.85, met.ratio(), 1e-9);
        String table = met.markdown();
        assertTrue(table.contains("| instruct.json | 157,712 | 228.9 MB | 1.50 s | 1.05 s | 0.85 s | 1.24 (first run"
                + " 1.76) — met |"), table);

        InsightBenchmark.Result missed = new InsightBenchmark.Result(Path.of("x.json"), 1, 1,
                new double[] {3}, new double[] {1});
        assertTrue(missed.markdown().contains("| 3.00 (first run 3.00) — missed |"), missed.markdown());
    }
}
