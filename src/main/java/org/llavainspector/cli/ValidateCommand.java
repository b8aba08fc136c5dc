package org.llavainspector.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.llavainspector.core.dataset.DatasetException;
import org.llavainspector.core.dataset.DatasetIndex;
import org.llavainspector.core.image.ImageDecoder;
import org.llavainspector.core.image.ImageHealthChecker;
import org.llavainspector.core.image.ImageLoader;
import org.llavainspector.core.image.ImageSources;
import org.llavainspector.core.dataset.Json;
import org.llavainspector.core.validate.Problem;
import org.llavainspector.core.validate.ProblemKind;
import org.llavainspector.core.validate.RecordValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code validate FILE [--images SRC]... [--json]}: structural checks of every record (and its images). */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check every record: turn order and roles, <image> tokens vs images, empty or non-string values,",
            "wrong types, duplicate ids (reported, not a failure); with --images, that every image exists and reads.",
            "Exit 0: no problems; 1: problems found; 2: the input is unusable."})
public final class ValidateCommand implements Callable<Integer> {
    static final int EXIT_PROBLEMS = 1;

    @Parameters(index = "0", paramLabel = "FILE", description = "LLaVA dataset file (JSON array or JSONL).")
    Path file;

    @Option(names = "--images", paramLabel = "SRC",
            description = "Image source, a zip or a folder (repeatable): adds missing-image, unreadable-image, "
                    + "corrupt-image and wrong-image-format checks.")
    List<Path> images = new ArrayList<>();

    @Option(names = "--map", paramLabel = "PREFIX=SRC",
            description = "Look up paths starting with PREFIX in SRC with the prefix removed, e.g. "
                    + "coco/train2017/=train2017.zip (repeatable).")
    List<String> maps = new ArrayList<>();

    @Option(names = "--deep", description = "Decode every referenced image (otherwise only existence and size).")
    boolean deep;

    @Option(names = "--json", description = "Print {\"counts\": {...}, \"problems\": [...]} as JSON.")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
            description = "Problems listed in text output (default ${DEFAULT-VALUE}; 0 = all). JSON lists all.")
    int limit;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Problem> problems = new ArrayList<>();
        if (images.isEmpty() && !maps.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--map needs at least one --images SRC");
        }
        int records;
        try (ImageSources sources = openSources();
             DatasetIndex index = index(problems, err)) {
            records = index.size();
            if (sources != null) {
                problems.addAll(checkImages(index, sources, err));
                problems.sort(java.util.Comparator.comparingInt(Problem::record));
            }
        }
        Map<ProblemKind, Integer> counts = new EnumMap<>(ProblemKind.class);
        if (!images.isEmpty()) {
            // image checks ran: their kinds are counted even when none was found
            for (ProblemKind kind : List.of(ProblemKind.MISSING_IMAGE, ProblemKind.UNREADABLE_IMAGE,
                    ProblemKind.CORRUPT_IMAGE, ProblemKind.WRONG_IMAGE_FORMAT)) {
                counts.put(kind, 0);
            }
        }
        problems.forEach(p -> counts.merge(p.kind(), 1, Integer::sum));
        if (json) {
            printJson(out, counts, problems);
        } else {
            printText(out, records, counts, problems);
        }
        boolean failing = problems.stream().anyMatch(p -> p.kind().severity() == ProblemKind.Severity.ERROR);
        return failing ? EXIT_PROBLEMS : 0;
    }

    private DatasetIndex index(List<Problem> problems, PrintWriter err) throws DatasetException {
        return ConsoleProgress.index(err, file, !json, new RecordValidator(problems::add));
    }

    private ImageSources openSources() {
        if (images.isEmpty()) {
            return null;
        }
        return ImagesCommand.openSources(images, maps);
    }

    /** Image problems, one per bad image reference, in record order. */
    private List<Problem> checkImages(DatasetIndex index, ImageSources sources, PrintWriter err) {
        List<Problem> found = new ArrayList<>();
        ImageLoader loader = new ImageLoader(sources, new ImageDecoder());
        ConsoleProgress progress = new ConsoleProgress(err, (deep ? "decoding" : "checking") + " images", !json);
        try {
            new ImageHealthChecker(loader).check(index.size(), index::images, deep, progress,
                    (record, path, status, message) -> found.add(new Problem(record, index.id(record), -1,
                            ProblemKind.byName(status.kind()).orElseThrow(), path + ": " + message)));
        } finally {
            progress.clear();
        }
        return found;
    }

    private void printText(PrintWriter out, int records, Map<ProblemKind, Integer> counts, List<Problem> problems) {
        int shown = limit <= 0 ? problems.size() : Math.min(limit, problems.size());
        for (Problem p : problems.subList(0, shown)) {
            out.printf("%s:%s record %d%s: %s: %s%n", file, p.line() > 0 ? p.line() + ":" : "", p.record(),
                    p.id() == null ? "" : " (id " + p.id() + ")", p.kind().kind(), p.message());
        }
        if (shown < problems.size()) {
            out.printf("... %d more (--limit 0 lists all, --json prints all)%n", problems.size() - shown);
        }
        out.printf("%s: %d records, %d problems%n", file, records, problems.size());
        counts.forEach((kind, n) -> out.printf("  %-28s %8d%s%n", kind.kind(), n,
                kind.severity() == ProblemKind.Severity.NOTICE ? "  (notice)" : ""));
    }

    private static void printJson(PrintWriter out, Map<ProblemKind, Integer> counts, List<Problem> problems)
            throws java.io.IOException {
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeObjectFieldStart("counts");
            for (Map.Entry<ProblemKind, Integer> e : counts.entrySet()) {
                g.writeNumberField(e.getKey().kind(), e.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("problems");
            for (Problem p : problems) {
                g.writeStartObject();
                g.writeNumberField("record", p.record());
                g.writeStringField("id", p.id());
                g.writeStringField("kind", p.kind().kind());
                g.writeStringField("message", p.message());
                g.writeNumberField("line", p.line());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.println();
    }
}
