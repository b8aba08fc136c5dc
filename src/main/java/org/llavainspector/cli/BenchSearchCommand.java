package org.llavainspector.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.llavainspector.core.dataset.DatasetIndex;
import org.llavainspector.core.query.Query;
import org.llavainspector.core.query.QueryEngine;
import org.llavainspector.core.query.QueryResult;
import org.llavainspector.core.util.TaskMonitor;
import org.llavainspector.core.validate.ProblemIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bench search FILE [--query Q]... [--runs N]}: median time of queries over an indexed file. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Index FILE (with validation), then time each query: median of --runs runs after one warm-up."})
public final class BenchSearchCommand implements Callable<Integer> {
    /** A common word, a rare phrase, an index-only term, a regex, and a cheap term with a negated common word. */
    static final List<String> DEFAULT_QUERIES = List.of("the", "\"quantum chromodynamics\"", "turns>8",
            "re:/\\bfrisbee\\b/", "has:image -\"the\"", "dog frisbee", "from:system", "problem:any");

    @Parameters(index = "0", paramLabel = "FILE", description = "LLaVA dataset file (JSON array or JSONL).")
    Path file;

    @Option(names = "--query", paramLabel = "Q", description = "A query to time (repeatable; default: a fixed set).")
    List<String> queries = new ArrayList<>();

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5", description = "Timed runs per query (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: one per core).")
    Integer threads;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        ProblemIndex problems = new ProblemIndex();
        long t0 = System.nanoTime();
        try (DatasetIndex index = DatasetIndex.build(file, TaskMonitor.NONE, problems);
             QueryEngine engine = new QueryEngine(index, problems, null, n)) {
            out.printf("%s: %d records indexed and validated in %d ms; %d thread(s)%n", file, index.size(),
                    (System.nanoTime() - t0) / 1_000_000, n);
            out.printf("%-32s %10s %10s %10s%n", "query", "matches", "median ms", "min ms");
            for (String text : queries.isEmpty() ? DEFAULT_QUERIES : queries) {
                Query query = Query.parse(text);
                QueryResult result = engine.search(query, TaskMonitor.NONE);
                long[] nanos = new long[Math.max(1, runs)];
                for (int k = 0; k < nanos.length; k++) {
                    long start = System.nanoTime();
                    result = engine.search(query, TaskMonitor.NONE);
                    nanos[k] = System.nanoTime() - start;
                }
                Arrays.sort(nanos);
                out.printf("%-32s %10d %10.1f %10.1f%n", text, result.count(), nanos[nanos.length / 2] / 1e6, nanos[0] / 1e6);
                out.flush();
            }
        }
        return 0;
    }
}
