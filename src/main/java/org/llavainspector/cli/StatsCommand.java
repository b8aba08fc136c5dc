package org.llavainspector.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.llavainspector.core.dataset.DatasetScanner;
import org.llavainspector.core.dataset.ImageToken;
import org.llavainspector.core.dataset.Json;
import org.llavainspector.core.dataset.MetadataTable;
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
            perFile.add(statsOf(file, total, err));
        }
        if (json) {
            ObjectNode node = perFile.size() == 1 ? toJson(perFile.get(0)) : totalJson(total, perFile);
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node));
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

    private FileStats statsOf(Path file, DatasetStats total, PrintWriter err) throws DatasetException {
        DatasetStats stats = new DatasetStats();
        ConsoleProgress progress = new ConsoleProgress(err, "reading " + file.getFileName(), !json);
        try {
            DatasetScanner.scan(file, RecordVisitor.all(stats, total), progress);
        } finally {
            progress.clear();
        }
        MetadataJoin join = noMetadata ? null : joinMetadata(file);
        return new FileStats(file, stats, join);
    }

    /** How many records of the file find their metadata in the metadata.json beside it. */
    private static MetadataJoin joinMetadata(Path file) throws DatasetException {
        Path metadataFile = Dataset.metadataBeside(file).orElse(null);
        if (metadataFile == null) {
            return null;
        }
        try (MetadataTable table = MetadataTable.open(metadataFile, TaskMonitor.NONE)) {
            int[] joined = new int[1];
            DatasetScanner.scan(file, r -> {
                if (table.find(r.id(), r.images().isEmpty() ? null : r.images().get(0)) >= 0) {
                    joined[0]++;
                }
            }, TaskMonitor.NONE);
            return new MetadataJoin(metadataFile, table.size(), joined[0]);
        }
    }

    private record MetadataJoin(Path file, int records, int joined) {
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

    private static ObjectNode toJson(FileStats fs) {
        ObjectNode node = counts(fs.stats());
        node.put("file", fs.file().toString());
        if (fs.metadata() != null) {
            ObjectNode m = node.putObject("metadata");
            m.put("file", fs.metadata().file().toString());
            m.put("records", fs.metadata().records());
            m.put("joined", fs.metadata().joined());
        }
        return node;
    }

    private static ObjectNode totalJson(DatasetStats total, List<FileStats> perFile) {
        ObjectNode node = counts(total);
        List<DatasetFormat> formats = perFile.stream().map(f -> f.stats().format()).distinct().collect(Collectors.toList());
        node.put("format", formats.size() == 1 ? formats.get(0).label() : "mixed");
        perFile.forEach(f -> node.withArray("files").add(toJson(f)));
        return node;
    }

    private static ObjectNode counts(DatasetStats s) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("format", s.format() == null ? "mixed" : s.format().label());
        node.put("records", s.records());
        node.put("withImage", s.withImage());
        node.put("textOnly", s.textOnly());
        node.put("multiImage", s.multiImage());
        node.put("images", s.images());
        ObjectNode turns = node.putObject("turns");
        turns.put("total", s.turns());
        turns.put("average", round(s.averageTurns()));
        ObjectNode histogram = turns.putObject("histogram");
        s.turnsHistogram().forEach((k, v) -> histogram.put(String.valueOf(k), v));
        ObjectNode from = node.putObject("from");
        s.fromCounts().forEach(from::put);
        ObjectNode placement = node.putObject("imageTokenPlacement");
        for (ImageToken.Placement p : ImageToken.Placement.values()) {
            placement.put(p.label(), s.placements().getOrDefault(p, 0L));
        }
        ObjectNode lengths = node.putObject("averageChars");
        lengths.put("human", round(s.averageHumanChars()));
        lengths.put("gpt", round(s.averageGptChars()));
        ObjectNode folders = node.putObject("imageFolders");
        s.imageFolders(1000).forEach(folders::put);
        node.put("imageFolderCount", s.imageFolderCount());
        return node;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
