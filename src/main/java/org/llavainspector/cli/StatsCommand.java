package org.llavainspector.cli;

import picocli.CommandLine.Command;

/** Placeholder. */
@Command(name = "stats", mixinStandardHelpOptions = true, description = "(not yet available)")
public final class StatsCommand implements java.util.concurrent.Callable<Integer> {
    @Override
    public Integer call() {
        throw new CliException("'stats' is not implemented yet");
    }
}
