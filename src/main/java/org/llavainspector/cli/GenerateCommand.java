package org.llavainspector.cli;

import picocli.CommandLine.Command;

/** Placeholder: filled in by its issue. */
@Command(name = "generate", mixinStandardHelpOptions = true, description = "(not yet available)")
public final class GenerateCommand implements java.util.concurrent.Callable<Integer> {
    @Override
    public Integer call() {
        throw new CliException("'generate' is not implemented yet");
    }
}
