package org.llavainspector.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The whole-process comparison behind {@code bench stats}: for each dataset file, our {@code stats} command and
 * Python's {@code json.load} are run alternately, each as a new process, and their wall time and peak RSS are recorded.
 */
public final class StatsBenchmark {
    private static final JsonFactory JSON = new JsonFactory();

    private final int runs;
    private final Function<Path, List<String>> ours;
    private final Function<Path, List<String>> python;
    private final ProcessMeter meter;
    private final PrintWriter log;

    /**
     * @param ours the command line of our side for a file
     * @param python the command line of the Python side, or null to measure our side only
     * @param log where progress goes (one line per step)
     */
    public StatsBenchmark(int runs, Function<Path, List<String>> ours, Function<Path, List<String>> python,
            ProcessMeter meter, PrintWriter log) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1: " + runs);
        }
        this.runs = runs;
        this.ours = ours;
        this.python = python;
        this.meter = meter;
        this.log = log;
    }

    /** Measurements of one side on one file. */
    public record Series(List<ProcessMeasurement> runs) {
        public double medianWallSeconds() {
            return median(runs.stream().mapToDouble(ProcessMeasurement::wallSeconds).toArray());
        }

        /** Median peak RSS in KiB, or -1 if any run's peak is unknown. */
        public long medianPeakRssKb() {
            double[] values = runs.stream().mapToDouble(ProcessMeasurement::peakRssKb).toArray();
            for (double v : values) {
                if (v < 0) {
                    return -1;
                }
            }
            return Math.round(median(values));
        }
    }

    /** The outcome for one file; {@code python} is null when Python was not measured. */
    public record FileResult(DatasetKind kind, Path file, long records, long bytes, Series ours, Series python) {
        /** Ours divided by Python's median wall time, or NaN without Python. */
        public double wallRatio() {
            return python == null ? Double.NaN : ours.medianWallSeconds() / python.medianWallSeconds();
        }

        /** Ours divided by Python's median peak RSS, or NaN without Python or without RSS figures. */
        public double rssRatio() {
            if (python == null || ours.medianPeakRssKb() < 0 || python.medianPeakRssKb() <= 0) {
                return Double.NaN;
            }
            return (double) ours.medianPeakRssKb() / python.medianPeakRssKb();
        }
    }

    /** Makes sure every dataset file exists in {@code dataDir} (generating the missing ones), then measures each. */
    public List<FileResult> run(Path dataDir, List<DatasetSpec> datasets) throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        List<FileResult> results = new ArrayList<>();
        for (DatasetSpec spec : datasets) {
            results.add(measure(spec.kind(), ensureFile(dataDir, spec)));
        }
        return results;
    }

    /** {@code DIR/KIND.json} (or .jsonl): reused when present, generated otherwise. */
    Path ensureFile(Path dataDir, DatasetSpec spec) throws IOException {
        String extension = spec.format() == OutputFormat.JSON ? ".json" : ".jsonl";
        Path file = dataDir.resolve(spec.kind().cliName() + extension);
        if (Files.exists(file)) {
            log.printf("reusing %s%n", file);
            return file;
        }
        log.printf(Locale.ROOT, "generating %s (%,d %s records, seed %d) ...%n", file, spec.records(),
                spec.kind().cliName(), spec.seed());
        long start = System.nanoTime();
        SyntheticDatasets.GeneratedFile written = SyntheticDatasets.writeFile(spec, file, false);
        log.printf(Locale.ROOT, "generated %s: %,d bytes in %.1f s%n", file, written.bytes(),
                (System.nanoTime() - start) / 1e9);
        return file;
    }

    private FileResult measure(DatasetKind kind, Path file) throws IOException, InterruptedException {
        // Counting the records also reads the file once, so that no measured run pays for a cold page cache.
        long records = countRecords(file);
        long bytes = Files.size(file);
        log.printf(Locale.ROOT, "%s: %,d records, %.1f MB%n", file.getFileName(), records, bytes / 1e6);
        List<ProcessMeasurement> oursRuns = new ArrayList<>();
        List<ProcessMeasurement> pythonRuns = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            ProcessMeasurement o = checked(ours.apply(file), "our side", file);
            oursRuns.add(o);
            String line = String.format(Locale.ROOT, "  run %d/%d: ours %.2f s %s", i, runs, o.wallSeconds(),
                    BenchReport.mib(o.peakRssKb()));
            if (python != null) {
                ProcessMeasurement p = checked(python.apply(file), "python", file);
                pythonRuns.add(p);
                line += String.format(Locale.ROOT, " | python %.2f s %s", p.wallSeconds(),
                        BenchReport.mib(p.peakRssKb()));
            }
            log.println(line);
            log.flush();
        }
        return new FileResult(kind, file, records, bytes, new Series(oursRuns),
                python == null ? null : new Series(pythonRuns));
    }

    private ProcessMeasurement checked(List<String> command, String side, Path file)
            throws IOException, InterruptedException {
        ProcessMeasurement m = meter.measure(command);
        if (m.exitCode() != 0) {
            String why = m.stderr().isEmpty() ? "" : ": " + m.stderr().lines().findFirst().orElse("");
            throw new BenchmarkException(side + " exited with " + m.exitCode() + " on " + file.getFileName() + why
                    + " (command: " + String.join(" ", command) + ")");
        }
        return m;
    }

    /** Number of records in a JSON array file or a JSONL file, read with the streaming parser. */
    static long countRecords(Path file) throws IOException {
        try (JsonParser p = JSON.createParser(file.toFile())) {
            JsonToken token = p.nextToken();
            long count = 0;
            if (token == JsonToken.START_ARRAY) {
                while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (token == null) {
                        throw new IOException(file + ": the array does not end");
                    }
                    p.skipChildren();
                    count++;
                }
                return count;
            }
            while (token != null) {
                p.skipChildren();
                count++;
                token = p.nextToken();
            }
            return count;
        }
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** A measured process failed; the message says which, on what file, and how. */
    public static final class BenchmarkException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BenchmarkException(String message) {
            super(message);
        }
    }
}
