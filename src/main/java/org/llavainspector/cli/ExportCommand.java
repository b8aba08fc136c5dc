package org.llavainspector.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.llavainspector.core.curation.Mark;
import org.llavainspector.core.curation.Session;
import org.llavainspector.core.curation.SessionStore;
import org.llavainspector.core.curation.SourceCheck;
import org.llavainspector.core.dataset.DatasetFormat;
import org.llavainspector.core.dataset.DatasetIndex;
import org.llavainspector.core.export.ExportFormat;
import org.llavainspector.core.export.ExportOptions;
import org.llavainspector.core.export.ExportResult;
import org.llavainspector.core.export.ExportSelection;
import org.llavainspector.core.image.ImageSources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code export FILE --out OUT ...}: writes the chosen records (with a session's edits) to a new file. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write the chosen records of FILE to a new dataset file (or id list): all of them, or those",
            "passing every one of --filter, --ids and --marks, then cut by --first or --sample.",
            "Unedited records are their exact source bytes; with --session, its image edits are applied and",
            "its marks can be selected. OUT is written beside itself and moved into place when complete; an",
            "input is never overwritten. --images-out copies the images of the exported samples into a new",
            "zip (entries stored) or folder and points the exported image paths at the copy."})
public final class ExportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "LLaVA dataset file (JSON array or JSONL).")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "OUT", description = "File to write.")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "json (laid out as FILE), json-compact (one record per line inside one array), jsonl or "
                    + "ids (one id per line). Default: the format of FILE.")
    String format;

    @Option(names = "--filter", paramLabel = "QUERY", description = "Only records matching the query (the filter "
            + "bar's language, see 'search --help'; with --session also mark:, tag:, is:edited, is:noted).")
    String filter;

    @Option(names = "--ids", paramLabel = "IDFILE",
            description = "Only records whose id is listed (one per line; blank lines and # comments skipped).")
    Path ids;

    @Option(names = "--marks", paramLabel = "MARK", split = ",",
            description = "Only records with one of these marks of --session: keep, reject, flag, none (unmarked); "
                    + "e.g. keep,flag,none for all but the rejected.")
    List<String> marks;

    @Option(names = "--first", paramLabel = "N", description = "Only the first N chosen records.")
    Integer first;

    @Option(names = "--sample", paramLabel = "N|N%", description = "A random N (or N percent) of the chosen records, "
            + "in file order; the same --seed gives the same records.")
    String sample;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Seed of --sample (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--session", paramLabel = "SIDECAR", description = "A saved session of FILE ("
            + SessionStore.SUFFIX + "): its image edits are applied, its marks selectable with --marks.")
    Path session;

    @Option(names = "--images", paramLabel = "SRC", description = "Image source for --images-out, a zip or a folder "
            + "(repeatable; default: the image sources of --session).")
    List<Path> images = new ArrayList<>();

    @Option(names = "--map", paramLabel = "PREFIX=SRC",
            description = "Look up paths starting with PREFIX in SRC with the prefix removed (repeatable).")
    List<String> maps = new ArrayList<>();

    @Option(names = "--images-out", paramLabel = "ZIP_OR_DIR",
            description = "Copy the exported samples' images into this new .zip (stored) or new folder.")
    Path imagesOut;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
            description = "Missing images listed (default ${DEFAULT-VALUE}; 0 = all).")
    int limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (imagesOut == null && (!images.isEmpty() || !maps.isEmpty())) {
            throw new ParameterException(spec.commandLine(), "--images and --map need --images-out");
        }
        if (marks != null && session == null) {
            throw new ParameterException(spec.commandLine(), "--marks needs --session");
        }
        Session loaded = session == null ? null : loadSession();
        ExportRun.QueryFilter query = filter == null ? null : ExportRun.parseFilter(filter, loaded, file);
        ExportSelection selection = selection(query);
        PrintWriter err = spec.commandLine().getErr();
        try (DatasetIndex index = ExportRun.index(file, err, query);
             ImageSources sources = openSources(loaded)) {
            ExportFormat chosen = format == null ? defaultFormat(index) : parseFormat(format);
            if (loaded != null) {
                ExportRun.bindAndCheckIds(loaded, index);
            }
            ExportOptions options = ExportOptions.to(out, chosen).withImageSources(sources)
                    .protecting(session == null ? List.of() : List.of(session));
            if (imagesOut != null) {
                options = options.withImages(sources, imagesOut);
            }
            ExportResult result = ExportRun.export(index, loaded, selection, options, err);
            ExportRun.print(spec.commandLine().getOut(), result, limit);
        }
        return 0;
    }

    private ExportSelection selection(ExportRun.QueryFilter query) throws IOException {
        ExportSelection selection = ExportSelection.all();
        if (query != null) {
            selection = selection.withFilter(query);
        }
        if (ids != null) {
            try {
                selection = selection.withIds(ExportSelection.readIds(ids));
            } catch (NoSuchFileException e) {
                throw new CliException(ids + ": no such id list file");
            }
        }
        if (marks != null) {
            Set<Mark> wanted = EnumSet.noneOf(Mark.class);
            boolean unmarked = false;
            for (String m : marks) {
                if (m.strip().equalsIgnoreCase("none")) {
                    unmarked = true;
                } else {
                    wanted.add(Mark.byLabel(m).orElseThrow(() -> new ParameterException(spec.commandLine(),
                            "--marks: unknown mark '" + m + "' (known: " + Mark.labels() + ", none)")));
                }
            }
            selection = selection.withMarks(wanted, unmarked);
        }
        if (first != null && sample != null) {
            throw new ParameterException(spec.commandLine(), "--first and --sample cannot be combined");
        }
        try {
            if (first != null) {
                selection = selection.withSample(
                        new ExportSelection.Sample(ExportSelection.SampleKind.FIRST, first, 0));
            } else if (sample != null) {
                selection = selection.withSample(parseSample(sample, seed));
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), (first != null ? "--first: " : "--sample: ")
                    + e.getMessage());
        }
        return selection;
    }

    static ExportSelection.Sample parseSample(String text, long seed) {
        String t = text.strip();
        try {
            if (t.endsWith("%")) {
                return new ExportSelection.Sample(ExportSelection.SampleKind.RANDOM_PERCENT,
                        Double.parseDouble(t.substring(0, t.length() - 1)), seed);
            }
            return new ExportSelection.Sample(ExportSelection.SampleKind.RANDOM_COUNT, Long.parseLong(t), seed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected N or N%, not '" + text + "'");
        }
    }

    private ExportFormat parseFormat(String text) {
        return ExportFormat.byLabel(text).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "--format: expected one of " + ExportFormat.labels() + ", not '" + text + "'"));
    }

    private static ExportFormat defaultFormat(DatasetIndex index) {
        return index.format() == DatasetFormat.JSONL ? ExportFormat.JSONL : ExportFormat.JSON;
    }

    /** The session, refused when it is not one of FILE or FILE changed since it was saved. */
    private Session loadSession() throws IOException {
        Session s = SessionStore.load(session);
        int f = s.fileNumber(file);
        if (f < 0) {
            throw new CliException(session + " is a session of other files, not of " + file);
        }
        for (SourceCheck.Change c : SourceCheck.check(s)) {
            if (c.file() == f && c.kind() != SourceCheck.Kind.MODIFIED) {
                throw new CliException(c.message() + "; its edits and marks in " + session
                        + " may point at the wrong records");
            }
            if (c.file() == f) {
                spec.commandLine().getErr().println("warning: " + c.message());
            }
        }
        return s;
    }

    private ImageSources openSources(Session loaded) throws IOException {
        if (imagesOut == null) {
            return null;
        }
        List<Path> plain = new ArrayList<>(images);
        List<String> rules = new ArrayList<>(maps);
        if (plain.isEmpty() && rules.isEmpty() && loaded != null) {
            loaded.imageSources().forEach(p -> plain.add(Path.of(p)));
            rules.addAll(loaded.imageRules());
        }
        if (plain.isEmpty() && rules.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--images-out needs at least one --images SRC");
        }
        return ImagesCommand.openSources(plain, rules);
    }
}
