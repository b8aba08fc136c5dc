package org.llavainspector.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.llavainspector.core.dataset.DatasetException;
import org.llavainspector.core.stats.DatasetStats;
import org.llavainspector.core.util.TaskMonitor;

/**
 * The comparison behind {@code bench insight}: the statistics dashboard's computation ({@link DatasetStats#of}, run
 * in this JVM as the app runs it) against our {@code stats} command as a whole process, alternately, on one file.
 */
public final class InsightBenchmark {
    private final int runs;
    private final Function<Path, List<String>> statsCommand;
    private final ProcessMeter meter;
    private final PrintWriter log;

    public InsightBenchmark(int runs, Function<Path, List<String>> statsCommand, ProcessMeter meter, PrintWriter log) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1: " + runs);
        }
        this.runs = runs;
        this.statsCommand = statsCommand;
        this.meter = meter;
        this.log = log;
    }

    /**
     * The figures of one file: the dashboard's wall times in order (the first in a JVM that had not run it before)
     * and the {@code stats} processes' wall times.
     */
    public record Result(Path file, long records, long bytes, double[] dashboardSeconds, double[] statsSeconds) {
        public double dashboardFirst() {
            return dashboardSeconds[0];
        }

        public double dashboardMedian() {
            return StatsBenchmark.median(dashboardSeconds);
        }

        public double statsMedian() {
            return StatsBenchmark.median(statsSeconds);
        }

        /** Dashboard (median) over {@code stats} (median); the target is at most 2. */
        public double ratio() {
            return dashboardMedian() / statsMedian();
        }

        /** The markdown table of README's performance section. */
        public String markdown() {
            StringBuilder sb = new StringBuilder();
            sb.append("| file | records | size | dashboard first run | dashboard median | `stats` process median"
                    + " | dashboard / stats (target ≤ 2) |\n");
            sb.append("|---|---:|---:|---:|---:|---:|---|\n");
            sb.append(String.format(Locale.ROOT, "| %s | %,d | %.1f MB | %.2f s | %.2f s | %.2f s | %.2f (first run"
                    + " %.2f) — %s |\n", file.getFileName(), records, bytes / 1e6, dashboardFirst(), dashboardMedian(),
                    statsMedian(), ratio(), dashboardFirst() / statsMedian(), ratio() <= 2 ? "met" : "missed"));
            return sb.toString();
        }
    }

    /** Measures {@code DIR/instruct.json}, generated first (full size, seed 42) when missing. */
    public Result run(Path dataDir) throws IOException, InterruptedException, DatasetException {
        java.nio.file.Files.createDirectories(dataDir);
        Path file = new StatsBenchmark(1, statsCommand, null, meter, log).ensureFile(dataDir,
                DatasetSpec.fullSize(DatasetKind.INSTRUCT));
        long records = StatsBenchmark.countRecords(file); // also warms the page cache
        long bytes = java.nio.file.Files.size(file);
        log.printf(Locale.ROOT, "%s: %,d records, %.1f MB%n", file.getFileName(), records, bytes / 1e6);
        double[] dashboard = new double[runs];
        double[] stats = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            DatasetStats computed = DatasetStats.of(file, TaskMonitor.NONE);
            dashboard[i] = (System.nanoTime() - start) / 1e9;
            if (computed.records() != records) {
                throw new StatsBenchmark.BenchmarkException("the dashboard counted " + computed.records()
                        + " records, not " + records);
            }
            ProcessMeasurement m = meter.measure(statsCommand.apply(file));
            if (m.exitCode() != 0) {
                throw new StatsBenchmark.BenchmarkException("stats exited with " + m.exitCode() + ": "
                        + m.stderr().lines().findFirst().orElse(""));
            }
            stats[i] = m.wallSeconds();
            log.printf(Locale.ROOT, "  run %d/%d: dashboard %.2f s | stats process %.2f s%n", i + 1, runs,
                    dashboard[i], stats[i]);
            log.flush();
        }
        return new Result(file, records, bytes, dashboard, stats);
    }
}
