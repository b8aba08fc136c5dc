package org.llavainspector.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.llavainspector.core.dataset.DatasetIndex;
import org.llavainspector.core.query.Query;
import org.llavainspector.core.query.QueryEngine;
import org.llavainspector.core.util.TaskMonitor;
import org.llavainspector.core.validate.ProblemIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bench search FILE [--query Q]... [--runs N]}: median time of queries over an indexed file. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Index FILE (with validation), then time each query: its first run, then the median and minimum of",
            "--runs runs once every query has run three times, and the median CPU time of the process per run."})
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

    private static long timed(QueryEngine engine, Query query) throws IOException {
        long start = System.nanoTime();
        engine.search(query, TaskMonitor.NONE);
        return System.nanoTime() - start;
    }

    /** CPU time of the whole process: unlike wall time, it hardly changes when other programs share the cores. */
    private static long cpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean
                ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : -1;
    }

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
            List<String> texts = queries.isEmpty() ? DEFAULT_QUERIES : queries;
            List<Query> parsed = new ArrayList<>();
            long[] first = new long[texts.size()];
            for (int q = 0; q < texts.size(); q++) {
                parsed.add(Query.parse(texts.get(q)));
                first[q] = timed(engine, parsed.get(q));
            }
            for (int w = 0; w < 2; w++) {
                for (Query query : parsed) {
                    timed(engine, query); // warm up every query before timing any
                }
            }
            out.printf("%-32s %9s %9s %10s %9s %11s%n", "query", "matches", "first ms", "median ms", "min ms",
                    "median cpu");
            for (int q = 0; q < texts.size(); q++) {
                long[] nanos = new long[Math.max(1, runs)];
                long[] cpu = new long[nanos.length];
                for (int k = 0; k < nanos.length; k++) {
                    long cpuBefore = cpuNanos();
                    nanos[k] = timed(engine, parsed.get(q));
                    cpu[k] = cpuNanos() - cpuBefore;
                }
                Arrays.sort(nanos);
                Arrays.sort(cpu);
                int matches = engine.search(parsed.get(q), TaskMonitor.NONE).count();
                out.printf("%-32s %9d %9.1f %10.1f %9.1f %11.1f%n", texts.get(q), matches, first[q] / 1e6,
                        nanos[nanos.length / 2] / 1e6, nanos[0] / 1e6, cpu[cpu.length / 2] / 1e6);
                out.flush();
            }
        }
        return 0;
    }
}
