package org.llavainspector.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.llavainspector.core.dataset.Dataset;
import org.llavainspector.core.dataset.SampleRecord;
import org.llavainspector.core.dataset.Turn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code show FILE (INDEX | --id ID) [--raw]}: one sample as a conversation, with its metadata. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Print one sample: id, image(s), metadata joined from a metadata.json beside the file, the turns.")
public final class ShowCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "LLaVA dataset file (JSON array or JSONL).")
    Path file;

    @Parameters(index = "1", arity = "0..1", paramLabel = "INDEX", description = "0-based record number.")
    Integer index;

    @Option(names = "--id", paramLabel = "ID", description = "The record with this id (the first, if repeated).")
    String id;

    @Option(names = "--raw", description = "Print the record's exact source text instead.")
    boolean raw;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if ((index == null) == (id == null)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give either INDEX or --id ID");
        }
        PrintWriter out = spec.commandLine().getOut();
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr(), "reading " + file.getFileName(), true);
        try (Dataset dataset = Dataset.open(file, progress)) {
            progress.clear();
            int i = resolve(dataset);
            SampleRecord record = dataset.record(i);
            if (raw) {
                out.println(record.sourceText());
                return 0;
            }
            out.printf("record %d of %d   id %s%n", i, dataset.index().size(), record.id());
            out.println("image     " + (record.images().isEmpty() ? "(none: text-only)" : String.join(", ", record.images())));
            for (Map.Entry<String, String> e : dataset.metadataOf(i).entrySet()) {
                out.printf("%-9s %s%n", e.getKey(), e.getValue());
            }
            for (String field : record.fieldNames()) {
                if (!field.equals("id") && !field.equals("image") && !field.equals("conversations")) {
                    out.printf("%-9s %s%n", field, record.field(field));
                }
            }
            for (Turn t : record.turns()) {
                out.println();
                out.println("[" + (t.from() == null ? "?" : t.from()) + "]");
                out.println(t.value() == null ? "(no text)" : t.value());
            }
            return 0;
        }
    }

    private int resolve(Dataset dataset) {
        int size = dataset.index().size();
        if (id != null) {
            int[] found = dataset.index().recordsWithId(id);
            if (found.length == 0) {
                throw new CliException(file + ": no record with id " + id);
            }
            return found[0];
        }
        if (index < 0 || index >= size) {
            throw new CliException(file + ": no record " + index + " (the file has " + size + " records, 0.."
                    + (size - 1) + ")");
        }
        return index;
    }
}
