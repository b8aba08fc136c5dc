package org.llavainspector.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bench}: groups the whole-process benchmarks; on its own it only prints its usage. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measure whole runs of our commands against reference tools (see the subcommands).",
        subcommands = {BenchStatsCommand.class, BenchImagesCommand.class, BenchSearchCommand.class,
            BenchUiCommand.class, BenchExportCommand.class, BenchInsightCommand.class, BenchHashesCommand.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
