package org.llavainspector.cli;

import picocli.CommandLine.Command;

/** Placeholder: filled in by its issue. */
@Command(name = "images", mixinStandardHelpOptions = true, description = "(not yet available)")
public final class ImagesCommand implements java.util.concurrent.Callable<Integer> {
    @Override
    public Integer call() {
        throw new CliException("'images' is not implemented yet");
    }
}
