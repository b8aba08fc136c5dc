package org.llavainspector.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchReportTest {
    private static StatsBenchmark.Series series(double[] walls, long[] rss) {
        ProcessMeasurement[] runs = new ProcessMeasurement[walls.length];
        for (int i = 0; i < walls.length; i++) {
            runs[i] = new ProcessMeasurement(walls[i], rss[i], 0, "");
        }
        return new StatsBenchmark.Series(List.of(runs));
    }

    private static StatsBenchmark.FileResult chat(boolean withPython) {
        StatsBenchmark.Series ours = series(new double[] {1.0, 3.0, 2.0}, new long[] {204_800, 209_000, 200_000});
        StatsBenchmark.Series python = series(new double[] {10.0, 12.0, 11.0},
                new long[] {1_024_000, 1_024_000, 1_000_000});
        return new StatsBenchmark.FileResult(DatasetKind.CHAT, Path.of("bench-data/chat.json"), 595_375,
                211_173_619, ours, withPython ? python : null);
    }

    private static BenchReport report(boolean withPython) {
        return new BenchReport(3, "java stats", withPython ? "Python 3.11" : null, "GNU time", "2 CPUs",
                List.of(chat(withPython)));
    }

    @Test
    void markdownRowHasMediansRatiosAndVerdicts() {
        String md = report(true).markdown();
        List<String> lines = md.lines().toList();
        assertTrue(lines.get(0).startsWith("| file | records | size | ours wall | ours peak RSS | python wall"),
                lines.get(0));
        assertTrue(lines.get(0).contains("(≤ 0.20)") && lines.get(0).contains("(≤ 0.167)"), lines.get(0));
        assertEquals("| chat.json | 595,375 | 211.2 MB | 2.00 s | 200 MiB | 11.00 s | 1,000 MiB | 0.182 PASS "
                + "| 0.200 FAIL |", lines.get(2));
        assertTrue(md.contains("Medians of 3 runs per side"), md);
        assertTrue(md.contains("python: Python 3.11"), md);
        assertTrue(md.contains("machine: 2 CPUs"), md);
    }

    @Test
    void withoutPythonTheRatiosAreNotAvailable() {
        String md = report(false).markdown();
        assertTrue(md.contains("| 2.00 s | 200 MiB | n/a | n/a | n/a | n/a |"), md);
        assertTrue(md.contains("python3 not found"), md);
    }

    @Test
    void jsonCarriesTheSameFigures() throws IOException {
        JsonNode root = new ObjectMapper().readTree(report(true).json());
        assertEquals(3, root.path("runs").asInt());
        assertEquals(0.2, root.path("targets").path("wallRatio").asDouble());
        JsonNode file = root.path("files").get(0);
        assertEquals("chat", file.path("kind").asText());
        assertEquals(595_375, file.path("records").asLong());
        assertEquals(2.0, file.path("ours").path("medianWallSeconds").asDouble());
        assertEquals(204_800, file.path("ours").path("medianPeakRssKb").asLong());
        assertEquals(3, file.path("python").path("wallSeconds").size());
        assertEquals(2.0 / 11.0, file.path("wallRatio").asDouble(), 1e-9);
        assertTrue(file.path("wallPass").asBoolean());
        assertEquals(false, file.path("rssPass").asBoolean(true));
    }

    @Test
    void jsonWithoutPythonHasNulls() throws IOException {
        JsonNode file = new ObjectMapper().readTree(report(false).json()).path("files").get(0);
        assertTrue(file.path("python").isNull());
        assertTrue(file.path("wallRatio").isNull());
        assertTrue(file.path("rssPass").isNull());
    }

    @Test
    void unknownPeakRssIsShownAsNotAvailable() {
        assertEquals("n/a", BenchReport.mib(-1));
        assertEquals("1,313 MiB", BenchReport.mib(1_344_760));
    }
}
