package org.llavainspector.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.llavainspector.core.curation.ImagePathRewrite;
import org.llavainspector.core.curation.SampleKey;
import org.llavainspector.core.curation.Session;
import org.llavainspector.core.curation.UndoStack;
import org.llavainspector.core.dataset.DatasetFormat;
import org.llavainspector.core.dataset.DatasetIndex;
import org.llavainspector.core.export.ExportFormat;
import org.llavainspector.core.export.ExportOptions;
import org.llavainspector.core.export.ExportResult;
import org.llavainspector.core.export.ExportSelection;
import org.llavainspector.core.image.ImageSources;
import org.llavainspector.core.util.TaskMonitor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rewrite FILE --out OUT RULE}: a copy of the dataset with its image paths rewritten. */
@Command(name = "rewrite", mixinStandardHelpOptions = true,
        description = {"Write a copy of FILE with rewritten image paths (each element of a list-valued image too),",
            "in the layout of FILE, and print how many records changed. Records that do not change keep their",
            "exact source bytes; in those that do, only the image value changes. Give exactly one rule.",
            "With --images, also count how many image paths resolve before and after."})
public final class RewriteCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "LLaVA dataset file (JSON array or JSONL).")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "OUT", description = "File to write.")
    Path out;

    @Option(names = "--regex", paramLabel = "R",
            description = "Java regular expression; every match is replaced by --replacement.")
    String regex;

    @Option(names = "--replacement", paramLabel = "S", description = "Replacement for --regex: $1, ${name} are groups.")
    String replacement;

    @Option(names = "--add-prefix", paramLabel = "P", description = "Put P in front of paths not starting with it.")
    String addPrefix;

    @Option(names = "--strip-prefix", paramLabel = "P", description = "Remove P from paths starting with it.")
    String stripPrefix;

    @Option(names = "--replace-prefix", paramLabel = "OLD=NEW", description = "Replace the prefix OLD by NEW.")
    String replacePrefix;

    @Option(names = "--extension", paramLabel = "E", description = "Give every path the extension E (jpg or .jpg).")
    String extension;

    @Option(names = "--filter", paramLabel = "QUERY", description = "Only rewrite records matching the query (the "
            + "filter bar's language, see 'search --help'); all records are written.")
    String filter;

    @Option(names = "--images", paramLabel = "SRC", description = "Image source (repeatable) for the resolve counts.")
    List<Path> images = new ArrayList<>();

    @Option(names = "--map", paramLabel = "PREFIX=SRC", description = "Prefix rule for --images (repeatable).")
    List<String> maps = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ImagePathRewrite rule = rule();
        if (!maps.isEmpty() && images.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--map needs at least one --images SRC");
        }
        ExportRun.QueryFilter query = filter == null ? null : ExportRun.parseFilter(filter, null, file);
        PrintWriter out = spec.commandLine().getOut();
        try (DatasetIndex index = ExportRun.index(file, spec.commandLine().getErr(), query);
             ImageSources sources = images.isEmpty() ? null : ImagesCommand.openSources(images, maps)) {
            Session session = Session.create(List.of(file));
            ExportRun.bindAndCheckIds(session, index);
            List<SampleKey> targets = new ArrayList<>(index.size());
            int[] records = query == null ? null : query.matches(index, TaskMonitor.NONE);
            for (int k = 0, n = records == null ? index.size() : records.length; k < n; k++) {
                targets.add(new SampleKey(0, records == null ? k : records[k]));
            }
            ImagePathRewrite.Preview preview = rule.preview(session, targets, sources, 0, TaskMonitor.NONE);
            new UndoStack(session, 1).perform(rule.edit(session, targets));
            ExportFormat format = index.format() == DatasetFormat.JSONL ? ExportFormat.JSONL : ExportFormat.JSON;
            ExportOptions options = ExportOptions.to(this.out, format).withImageSources(sources);
            ExportResult result = ExportRun.export(index, session, ExportSelection.all(), options,
                    spec.commandLine().getErr());
            out.printf(Locale.ROOT, "%s: %,d of %,d records changed (%,d of %,d image paths)%s%n", rule.describe(),
                    preview.changedSamples(), preview.samples(), preview.changedImages(), preview.images(),
                    query == null ? "" : String.format(Locale.ROOT, "; %,d records did not match the filter",
                            index.size() - preview.samples()));
            if (sources != null) {
                out.printf(Locale.ROOT, "image paths that resolve: %,d before, %,d after%n", preview.resolvedBefore(),
                        preview.resolvedAfter());
            }
            ExportRun.print(out, result, 0);
        }
        return 0;
    }

    private ImagePathRewrite rule() {
        List<String> given = new ArrayList<>();
        if (regex != null) {
            given.add("--regex");
        }
        for (String[] o : new String[][] {{"--add-prefix", addPrefix}, {"--strip-prefix", stripPrefix},
            {"--replace-prefix", replacePrefix}, {"--extension", extension}}) {
            if (o[1] != null) {
                given.add(o[0]);
            }
        }
        if (given.size() != 1) {
            throw new ParameterException(spec.commandLine(), given.isEmpty()
                    ? "give one rule: --regex R --replacement S, --add-prefix P, --strip-prefix P, "
                            + "--replace-prefix OLD=NEW or --extension E"
                    : "give only one rule, not " + String.join(" and ", given));
        }
        if ((regex == null) != (replacement == null)) {
            throw new ParameterException(spec.commandLine(), "--regex and --replacement go together");
        }
        try {
            if (regex != null) {
                return ImagePathRewrite.regex(regex, replacement);
            }
            if (addPrefix != null) {
                return ImagePathRewrite.addPrefix(addPrefix);
            }
            if (stripPrefix != null) {
                return ImagePathRewrite.stripPrefix(stripPrefix);
            }
            if (replacePrefix != null) {
                int eq = replacePrefix.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("expected OLD=NEW, not '" + replacePrefix + "'");
                }
                return ImagePathRewrite.replacePrefix(replacePrefix.substring(0, eq), replacePrefix.substring(eq + 1));
            }
            return ImagePathRewrite.extension(extension);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), given.get(0) + ": " + e.getMessage().replace('\n', ' '));
        }
    }
}
