package org.llavainspector.cli;

import picocli.CommandLine.Command;

/** Placeholder: filled in by its issue. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "(not yet available)")
public final class BenchCommand implements java.util.concurrent.Callable<Integer> {
    @Override
    public Integer call() {
        throw new CliException("'bench' is not implemented yet");
    }
}
