package org.llavainspector.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.llavainspector.core.compare.DuplicateGroups;
import org.llavainspector.core.compare.DuplicateGroups.Group;
import org.llavainspector.core.compare.DuplicateGroups.Kind;
import org.llavainspector.core.dataset.DatasetIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code duplicates FILE [--json] [--list N]}: records sharing an id, a first image, or a conversation. */
@Command(name = "duplicates", mixinStandardHelpOptions = true,
        description = {"Find groups of records that share an id, a first image, or an identical conversation",
            "(turns' from and value; whitespace does not count), largest groups first."})
public final class DuplicatesCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "A LLaVA dataset file (JSON array or JSONL).")
    Path file;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Option(names = "--list", paramLabel = "N", defaultValue = "10",
            description = "Groups shown per kind (default: ${DEFAULT-VALUE}).")
    int list;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (list < 0) {
            throw new CliException("--list must be 0 or more, not " + list);
        }
        PrintWriter out = spec.commandLine().getOut();
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr(), "reading " + file.getFileName(),
                !json);
        List<Group> groups;
        try (DatasetIndex index = DatasetIndex.build(file, progress)) {
            groups = DuplicateGroups.find(index, progress);
        } finally {
            progress.clear();
        }
        if (json) {
            try (JsonGenerator g = new JsonFactory().createGenerator(out)
                    .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                g.writeStringField("file", file.toString());
                for (Kind kind : Kind.values()) {
                    List<Group> ofKind = DuplicateGroups.ofKind(groups, kind);
                    String name = kind.name().toLowerCase(Locale.ROOT);
                    g.writeObjectFieldStart(name);
                    g.writeNumberField("groups", ofKind.size());
                    g.writeNumberField("records", ofKind.stream().mapToInt(Group::size).sum());
                    g.writeArrayFieldStart("examples");
                    for (Group group : ofKind.subList(0, Math.min(list, ofKind.size()))) {
                        g.writeStartObject();
                        g.writeStringField("key", group.key());
                        g.writeArrayFieldStart("records");
                        for (int r : group.records()) {
                            g.writeNumber(r);
                        }
                        g.writeEndArray();
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            out.println();
        } else {
            out.println(file);
            for (Kind kind : Kind.values()) {
                List<Group> ofKind = DuplicateGroups.ofKind(groups, kind);
                out.printf("  %-24s %d groups, %d records%n", kind.label(), ofKind.size(),
                        ofKind.stream().mapToInt(Group::size).sum());
                for (Group group : ofKind.subList(0, Math.min(list, ofKind.size()))) {
                    out.printf("      %s: %s%n", group.key(), Arrays.stream(group.records()).mapToObj(r -> "#" + r)
                            .collect(Collectors.joining(" ")));
                }
            }
        }
        return 0;
    }
}
