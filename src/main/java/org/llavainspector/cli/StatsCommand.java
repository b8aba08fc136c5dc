package org.llavainspector.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.llavainspector.core.dataset.Dataset;
import org.llavainspector.core.dataset.DatasetException;
import org.llavainspector.core.dataset.DatasetFormat;
import org.llavainspector.core.dataset.ImageToken;
import org.llavainspector.core.dataset.MetadataTable;
import org.llavainspector.core.dataset.ParallelScan;
import org.llavainspector.core.dataset.RecordSummary;
import org.llavainspector.core.dataset.RecordVisitor;
import org.llavainspector.core.stats.DatasetStats;
import org.llavainspector.core.util.TaskMonitor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stats FILE... [--json]}: what is in a dataset, from one streaming pass per file. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Summarise datasets: format, records, text-only and multi-image records, turns, from values,",
            "<image> placement, average lengths, image folders. A metadata.json beside a file is joined by id."})
public final class StatsCommand implements Callable<Integer> {
    private static final int FOLDERS_SHOWN = 12;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "LLaVA dataset files (JSON array or JSONL).")
    List<Path> files;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Option(names = "--no-metadata", description = "Do not join a metadata.json found beside a file.")
    boolean noMetadata;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DatasetStats total = new DatasetStats();
        List<FileStats> perFile = new ArrayList<>();
        for (Path file : files) {
            FileStats fs = statsOf(file, err);
            total.merge(fs.stats());
            perFile.add(fs);
        }
        if (json) {
            try (JsonGenerator g = new JsonFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
                g.useDefaultPrettyPrinter();
                if (perFile.size() == 1) {
                    writeFile(g, perFile.get(0));
                } else {
                    g.writeStartObject();
                    writeCounts(g, total);
                    g.writeArrayFieldStart("files");
                    for (FileStats fs : perFile) {
                        writeFile(g, fs);
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
            }
            out.println();
        } else {
            for (FileStats fs : perFile) {
                printText(out, fs);
            }
            if (perFile.size() > 1) {
                printText(out, new FileStats(Path.of("(all files)"), total, null));
            }
        }
        return 0;
    }

    private FileStats statsOf(Path file, PrintWriter err) throws DatasetException {
        Path metadataFile = noMetadata ? null : Dataset.metadataBeside(file).orElse(null);
        try (MetadataTable table = metadataFile == null ? null : MetadataTable.open(metadataFile, TaskMonitor.NONE)) {
            ConsoleProgress progress = new ConsoleProgress(err, "reading " + file.getFileName(), !json);
            Pass pass;
            try {
                // one pass over the file: the figures and, with a metadata.json beside it, how many records join
                pass = ParallelScan.scan(file, () -> new Pass(table), Pass::merge,
                        Runtime.getRuntime().availableProcessors(), progress);
            } finally {
                progress.clear();
            }
            MetadataJoin join = table == null ? null : new MetadataJoin(metadataFile, table.size(), pass.joined);
            return new FileStats(file, pass.stats, join);
        }
    }

    /** The statistics of a slice of the file, and how many of its records find their metadata. */
    private static final class Pass implements RecordVisitor {
        private final DatasetStats stats = new DatasetStats();
        private final MetadataTable metadata;
        private long joined;

        Pass(MetadataTable metadata) {
            this.metadata = metadata;
        }

        @Override
        public void visit(RecordSummary r) {
            stats.visit(r);
            if (metadata != null && metadata.find(r.id(), r.imageCount() == 0 ? null : r.images().get(0)) >= 0) {
                joined++;
            }
        }

        @Override
        public void finish(DatasetFormat format, int records) {
            stats.finish(format, records);
        }

        Pass merge(Pass other) {
            stats.merge(other.stats);
            joined += other.joined;
            return this;
        }
    }

    private record MetadataJoin(Path file, int records, long joined) {
    }

    private record FileStats(Path file, DatasetStats stats, MetadataJoin metadata) {
    }

    private static void printText(PrintWriter out, FileStats fs) {
        DatasetStats s = fs.stats();
        out.println(fs.file());
        row(out, "format", s.format() == null ? "mixed" : describe(s.format()));
        row(out, "records", s.records());
        row(out, "with image", s.withImage() + "  (multi-image " + s.multiImage() + ", images " + s.images() + ")");
        row(out, "text-only", s.textOnly());
        row(out, "turns", String.format("avg %.2f   per record: %s", s.averageTurns(), s.turnsHistogram().entrySet()
                .stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining("  "))));
        row(out, "from", joinCounts(s.fromCounts()));
        row(out, "<image> placement", s.placements().entrySet().stream()
                .map(e -> e.getKey().label() + " " + e.getValue()).collect(Collectors.joining(", ")));
        row(out, "avg length", String.format("human %.0f chars, gpt %.0f chars", s.averageHumanChars(),
                s.averageGptChars()));
        row(out, "question lengths", joinCounts(s.humanLengths()));
        row(out, "answer lengths", joinCounts(s.gptLengths()));
        String folders = joinCounts(s.imageFolders(FOLDERS_SHOWN));
        if (s.imageFolderCount() > FOLDERS_SHOWN) {
            folders += ", ... " + (s.imageFolderCount() - FOLDERS_SHOWN) + " more";
        }
        row(out, "image folders", folders.isEmpty() ? "-" : folders);
        if (fs.metadata() != null) {
            row(out, "metadata", fs.metadata().file().getFileName() + ": " + fs.metadata().records() + " entries, "
                    + fs.metadata().joined() + " of " + s.records() + " records joined");
        }
        out.println();
    }

    private static String describe(DatasetFormat format) {
        return format == DatasetFormat.JSON_ARRAY ? "json (JSON array)" : "jsonl (JSON Lines)";
    }

    private static String joinCounts(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static void row(PrintWriter out, String name, Object value) {
        out.printf("  %-18s %s%n", name, value);
    }

    private static void writeFile(JsonGenerator g, FileStats fs) throws IOException {
        g.writeStartObject();
        g.writeStringField("file", fs.file().toString());
        writeCounts(g, fs.stats());
        if (fs.metadata() != null) {
            g.writeObjectFieldStart("metadata");
            g.writeStringField("file", fs.metadata().file().toString());
            g.writeNumberField("records", fs.metadata().records());
            g.writeNumberField("joined", fs.metadata().joined());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    /** Writes the figures as fields of the current object (jackson-core only: no databind on this path). */
    private static void writeCounts(JsonGenerator g, DatasetStats s) throws IOException {
        g.writeStringField("format", s.format() == null ? "mixed" : s.format().label());
        g.writeNumberField("records", s.records());
        g.writeNumberField("withImage", s.withImage());
        g.writeNumberField("textOnly", s.textOnly());
        g.writeNumberField("multiImage", s.multiImage());
        g.writeNumberField("images", s.images());
        g.writeObjectFieldStart("turns");
        g.writeNumberField("total", s.turns());
        g.writeNumberField("average", round(s.averageTurns()));
        g.writeObjectFieldStart("histogram");
        for (Map.Entry<Integer, Long> e : s.turnsHistogram().entrySet()) {
            g.writeNumberField(String.valueOf(e.getKey()), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
        writeMap(g, "from", s.fromCounts());
        g.writeObjectFieldStart("imageTokenPlacement");
        for (ImageToken.Placement p : ImageToken.Placement.values()) {
            g.writeNumberField(p.label(), s.placements().getOrDefault(p, 0L));
        }
        g.writeEndObject();
        g.writeObjectFieldStart("averageChars");
        g.writeNumberField("human", round(s.averageHumanChars()));
        g.writeNumberField("gpt", round(s.averageGptChars()));
        g.writeEndObject();
        writeMap(g, "questionLengths", s.humanLengths());
        writeMap(g, "answerLengths", s.gptLengths());
        writeMap(g, "imageFolders", s.imageFolders(1000));
        g.writeNumberField("imageFolderCount", s.imageFolderCount());
    }

    private static void writeMap(JsonGenerator g, String name, Map<String, Long> counts) throws IOException {
        g.writeObjectFieldStart(name);
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
