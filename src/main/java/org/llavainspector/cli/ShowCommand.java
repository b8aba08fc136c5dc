package org.llavainspector.cli;

import picocli.CommandLine.Command;

/** Placeholder. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "(not yet available)")
public final class ShowCommand implements java.util.concurrent.Callable<Integer> {
    @Override
    public Integer call() {
        throw new CliException("'show' is not implemented yet");
    }
}
