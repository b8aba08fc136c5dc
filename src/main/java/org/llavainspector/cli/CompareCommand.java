package org.llavainspector.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.llavainspector.core.compare.DatasetComparison;
import org.llavainspector.core.compare.RecordPair;
import org.llavainspector.core.dataset.DatasetException;
import org.llavainspector.core.dataset.DatasetIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code compare A B [--json] [--list N]}: which records two datasets share, changed, or hold alone. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare two datasets record by record, keyed by id and first image: same, changed, only in A,",
            "only in B, and unmatched records with an identical conversation under another key.",
            "Whitespace and indentation do not count as changes."})
public final class CompareCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "A", description = "The first dataset (JSON array or JSONL).")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "The second dataset.")
    Path b;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    @Option(names = "--list", paramLabel = "N", defaultValue = "5",
            description = "Examples shown per category (default: ${DEFAULT-VALUE}).")
    int list;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (list < 0) {
            throw new CliException("--list must be 0 or more, not " + list);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (DatasetIndex ia = index(a, err); DatasetIndex ib = index(b, err)) {
            ConsoleProgress progress = new ConsoleProgress(err, "comparing", !json);
            DatasetComparison result;
            try {
                result = DatasetComparison.compare(ia, ib, progress);
            } finally {
                progress.clear();
            }
            if (json) {
                writeJson(out, ia, ib, result);
            } else {
                printText(out, ia, ib, result);
            }
        }
        return 0;
    }

    private DatasetIndex index(Path file, PrintWriter err) throws DatasetException {
        return ConsoleProgress.index(err, file, !json);
    }

    private void printText(PrintWriter out, DatasetIndex ia, DatasetIndex ib, DatasetComparison r) {
        out.println("A  " + a + "  (" + ia.size() + " records)");
        out.println("B  " + b + "  (" + ib.size() + " records)");
        pairs(out, "same", r.same(), ia, ib);
        pairs(out, "changed", r.changed(), ia, ib);
        singles(out, "only in A", r.onlyInA(), ia);
        singles(out, "only in B", r.onlyInB(), ib);
        pairs(out, "same conversation, different key", r.sameConversationDifferentKey(), ia, ib);
    }

    private void pairs(PrintWriter out, String name, List<RecordPair> pairs, DatasetIndex ia, DatasetIndex ib) {
        out.printf("  %-34s %d%n", name, pairs.size());
        for (int k = 0; k < Math.min(list, pairs.size()); k++) {
            RecordPair p = pairs.get(k);
            out.printf("      A #%d %s  =  B #%d %s%n", p.a(), ia.id(p.a()), p.b(), ib.id(p.b()));
        }
    }

    private void singles(PrintWriter out, String name, int[] records, DatasetIndex index) {
        out.printf("  %-34s %d%n", name, records.length);
        for (int k = 0; k < Math.min(list, records.length); k++) {
            out.printf("      #%d %s%n", records[k], index.id(records[k]));
        }
    }

    private void writeJson(PrintWriter out, DatasetIndex ia, DatasetIndex ib, DatasetComparison r) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("a", a.toString());
            g.writeStringField("b", b.toString());
            g.writeNumberField("same", r.same().size());
            g.writeNumberField("changed", r.changed().size());
            g.writeNumberField("onlyInA", r.onlyInA().length);
            g.writeNumberField("onlyInB", r.onlyInB().length);
            g.writeNumberField("sameConversationDifferentKey", r.sameConversationDifferentKey().size());
            g.writeObjectFieldStart("examples");
            writePairs(g, "same", r.same(), ia, ib);
            writePairs(g, "changed", r.changed(), ia, ib);
            writeSingles(g, "onlyInA", r.onlyInA(), ia);
            writeSingles(g, "onlyInB", r.onlyInB(), ib);
            writePairs(g, "sameConversationDifferentKey", r.sameConversationDifferentKey(), ia, ib);
            g.writeEndObject();
            g.writeEndObject();
        }
        out.println();
    }

    private void writePairs(JsonGenerator g, String name, List<RecordPair> pairs, DatasetIndex ia, DatasetIndex ib)
            throws IOException {
        g.writeArrayFieldStart(name);
        for (int k = 0; k < Math.min(list, pairs.size()); k++) {
            RecordPair p = pairs.get(k);
            g.writeStartObject();
            g.writeNumberField("a", p.a());
            g.writeStringField("aId", ia.id(p.a()));
            g.writeNumberField("b", p.b());
            g.writeStringField("bId", ib.id(p.b()));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void writeSingles(JsonGenerator g, String name, int[] records, DatasetIndex index) throws IOException {
        g.writeArrayFieldStart(name);
        for (int k = 0; k < Math.min(list, records.length); k++) {
            g.writeStartObject();
            g.writeNumberField("record", records[k]);
            g.writeStringField("id", index.id(records[k]));
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
