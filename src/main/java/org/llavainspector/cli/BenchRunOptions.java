package org.llavainspector.cli;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Where the benchmark data lives and how many runs each side gets: shared by the whole-process benchmarks. */
final class BenchRunOptions {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "bench-data",
            description = "folder of the benchmark files (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5",
            description = "runs per side, and per file (default: ${DEFAULT-VALUE})")
    int runs;

    /** The number of runs, after checking it is at least one. */
    int runs(CommandSpec spec) {
        if (runs < 1) {
            throw new ParameterException(spec.commandLine(), "--runs must be at least 1: " + runs);
        }
        return runs;
    }
}
