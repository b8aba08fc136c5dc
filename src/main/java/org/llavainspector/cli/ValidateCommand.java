package org.llavainspector.cli;

import picocli.CommandLine.Command;

/** Placeholder. */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "(not yet available)")
public final class ValidateCommand implements java.util.concurrent.Callable<Integer> {
    @Override
    public Integer call() {
        throw new CliException("'validate' is not implemented yet");
    }
}
