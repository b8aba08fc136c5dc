package org.llavainspector.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.llavainspector.bench.StatsBenchmark.FileResult;
import org.llavainspector.bench.StatsBenchmark.Series;

/**
 * The result of {@code bench stats} as a markdown table or as JSON, with the targets: our wall time at most a fifth of
 * Python's, our peak RSS at most a sixth.
 *
 * @param ours how our side was run, for the notes
 * @param python how the Python side was run, or null when it was skipped
 * @param memoryMethod how peak RSS was measured
 * @param machine CPUs and load while measuring: other busy processes make the figures noisy
 */
public record BenchReport(int runs, String ours, String python, String memoryMethod, String machine,
        List<FileResult> files) {
    public static final double WALL_TARGET = 0.20;
    public static final double RSS_TARGET = 1.0 / 6;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "| file | records | size | ours wall | ours peak RSS | python wall "
                + "| python peak RSS | wall ours/python (≤ %.2f) | RSS ours/python (≤ %.3f) |%n", WALL_TARGET,
                RSS_TARGET));
        sb.append(String.format("|---|---:|---:|---:|---:|---:|---:|---|---|%n"));
        for (FileResult f : files) {
            sb.append(String.format(Locale.ROOT, "| %s | %,d | %.1f MB | %s | %s | %s | %s | %s | %s |%n",
                    f.file().getFileName(), f.records(), f.bytes() / 1e6,
                    seconds(f.ours().medianWallSeconds()), mib(f.ours().medianPeakRssKb()),
                    f.python() == null ? "n/a" : seconds(f.python().medianWallSeconds()),
                    f.python() == null ? "n/a" : mib(f.python().medianPeakRssKb()),
                    verdict(f.wallRatio(), WALL_TARGET), verdict(f.rssRatio(), RSS_TARGET)));
        }
        sb.append(String.format("%nMedians of %d run%s per side, ours and python alternating, each a new process; "
                + "wall time by the harness clock, %s.%n", runs, runs == 1 ? "" : "s", memoryMethod));
        sb.append(String.format("machine: %s%n", machine));
        sb.append(String.format("ours: %s%n", ours));
        sb.append(python == null ? String.format("python: python3 not found, the Python side was skipped.%n")
                : String.format("python: %s%n", python));
        return sb.toString();
    }

    public String json() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("runs", runs);
        root.put("ours", ours);
        if (python == null) {
            root.putNull("python");
        } else {
            root.put("python", python);
        }
        root.put("memoryMethod", memoryMethod);
        root.put("machine", machine);
        ObjectNode targets = root.putObject("targets");
        targets.put("wallRatio", WALL_TARGET);
        targets.put("rssRatio", RSS_TARGET);
        ArrayNode array = root.putArray("files");
        for (FileResult f : files) {
            ObjectNode node = array.addObject();
            node.put("file", f.file().toString());
            node.put("kind", f.kind().cliName());
            node.put("records", f.records());
            node.put("bytes", f.bytes());
            series(node.putObject("ours"), f.ours());
            if (f.python() == null) {
                node.putNull("python");
            } else {
                series(node.putObject("python"), f.python());
            }
            ratio(node, "wall", f.wallRatio(), WALL_TARGET);
            ratio(node, "rss", f.rssRatio(), RSS_TARGET);
        }
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void series(ObjectNode node, Series s) {
        node.put("medianWallSeconds", s.medianWallSeconds());
        node.put("medianPeakRssKb", s.medianPeakRssKb());
        ArrayNode walls = node.putArray("wallSeconds");
        ArrayNode rss = node.putArray("peakRssKb");
        for (ProcessMeasurement m : s.runs()) {
            walls.add(m.wallSeconds());
            rss.add(m.peakRssKb());
        }
    }

    private static void ratio(ObjectNode node, String name, double ratio, double target) {
        if (Double.isNaN(ratio)) {
            node.putNull(name + "Ratio");
            node.putNull(name + "Pass");
        } else {
            node.put(name + "Ratio", ratio);
            node.put(name + "Pass", ratio <= target);
        }
    }

    static String verdict(double ratio, double target) {
        if (Double.isNaN(ratio)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.3f %s", ratio, ratio <= target ? "PASS" : "FAIL");
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.2f s", s);
    }

    /** KiB as whole MiB, or "n/a" for an unknown (negative) value. */
    static String mib(long kb) {
        return kb < 0 ? "n/a" : String.format(Locale.ROOT, "%,d MiB", Math.round(kb / 1024.0));
    }
}
