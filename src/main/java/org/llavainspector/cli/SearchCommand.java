package org.llavainspector.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.llavainspector.core.dataset.DatasetException;
import org.llavainspector.core.dataset.DatasetIndex;
import org.llavainspector.core.query.Query;
import org.llavainspector.core.query.QueryEngine;
import org.llavainspector.core.query.QueryResult;
import org.llavainspector.core.query.QuerySyntaxException;
import org.llavainspector.core.util.TaskMonitor;
import org.llavainspector.core.validate.ProblemIndex;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code search FILE QUERY [--json] [--limit N] [--count]}: the records that match a query. */
@Command(name = "search", modelTransformer = SearchCommand.QueryWordsMayStartWithDash.class,
        description = {"Print the records that match QUERY: number, id and first question.",
            "QUERY is the filter bar's language: words, \"phrases\", -negation, OR, id:, image:, from:, turns>N,",
            "has:image|no-image|multi-image, re:/regex/, problem:KIND|any. Quote it for the shell.",
            "Exit 0: something matched; 1: nothing matched; 2: bad query or unusable file."})
public final class SearchCommand implements Callable<Integer> {
    static final int EXIT_NO_MATCH = 1;
    private static final int QUESTION_CHARS = 100;

    @Parameters(index = "0", paramLabel = "FILE", description = "LLaVA dataset file (JSON array or JSONL).")
    Path file;

    // arity 0..* (checked in call): with 1..* picocli refuses a second word that starts with '-'
    @Parameters(index = "1..*", arity = "0..*", paramLabel = "QUERY",
            description = "The query; several arguments are joined with spaces.")
    List<String> query = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON object (lists every match unless --limit is given).")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", description = "Matches listed (default 50 in text, all in JSON; 0 = all).")
    Integer limit;

    @Option(names = "--count", description = "Print only the number of matches.")
    boolean count;

    // long options only: -h would swallow the query word -has:image
    @Option(names = "--help", usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** Lets {@code search FILE -has:image} work: a query word that starts with '-' is not an unknown option. */
    static final class QueryWordsMayStartWithDash implements CommandLine.IModelTransformer {
        @Override
        public CommandLine.Model.CommandSpec transform(CommandLine.Model.CommandSpec commandSpec) {
            commandSpec.parser().unmatchedOptionsArePositionalParams(true);
            return commandSpec;
        }
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (query.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required parameter: 'QUERY'");
        }
        String text = String.join(" ", query);
        Query parsed;
        try {
            parsed = Query.parse(text);
        } catch (QuerySyntaxException e) {
            err.println("error: query " + e.getMessage());
            return InspectorCommand.EXIT_USAGE;
        }
        ProblemIndex problems = parsed.usesProblems() ? new ProblemIndex() : null;
        try (DatasetIndex index = problems == null ? ConsoleProgress.index(err, file, !json && !count)
                : ConsoleProgress.index(err, file, !json && !count, problems);
             QueryEngine engine = new QueryEngine(index, problems)) {
            QueryResult result = engine.search(parsed, TaskMonitor.NONE);
            if (count) {
                out.println(result.count());
            } else if (json) {
                printJson(out, text, index, result);
            } else {
                printText(out, index, result);
            }
            return result.count() > 0 ? 0 : EXIT_NO_MATCH;
        } catch (DatasetException e) {
            err.println("error: " + e.getMessage());
            return InspectorCommand.EXIT_USAGE;
        }
    }

    private int shown(QueryResult result, int defaultLimit) {
        int n = limit == null ? defaultLimit : limit;
        return n <= 0 ? result.count() : Math.min(n, result.count());
    }

    private void printText(PrintWriter out, DatasetIndex index, QueryResult result) throws IOException {
        int shown = shown(result, 50);
        for (int k = 0; k < shown; k++) {
            int r = result.record(k);
            out.printf("%7d  %-20s  %s%n", r, index.id(r) == null ? "-" : index.id(r), firstQuestion(index, r));
        }
        if (shown < result.count()) {
            out.printf("... %d more (--limit 0 lists all)%n", result.count() - shown);
        }
        out.printf("%d of %d records match%n", result.count(), index.size());
    }

    private void printJson(PrintWriter out, String text, DatasetIndex index, QueryResult result) throws IOException {
        int shown = shown(result, 0);
        try (JsonGenerator g = new JsonFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("file", file.toString());
            g.writeStringField("query", text);
            g.writeNumberField("records", index.size());
            g.writeNumberField("matches", result.count());
            g.writeArrayFieldStart("results");
            for (int k = 0; k < shown; k++) {
                int r = result.record(k);
                g.writeStartObject();
                g.writeNumberField("record", r);
                g.writeStringField("id", index.id(r));
                g.writeArrayFieldStart("images");
                for (String image : index.images(r)) {
                    g.writeString(image);
                }
                g.writeEndArray();
                g.writeStringField("firstQuestion", index.record(r).firstQuestion());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.println();
    }

    /** The first question on one line, shortened. */
    private static String firstQuestion(DatasetIndex index, int record) throws IOException {
        String q = index.record(record).firstQuestion().replaceAll("\\s+", " ");
        return q.length() <= QUESTION_CHARS ? q : q.substring(0, QUESTION_CHARS - 3) + "...";
    }
}
