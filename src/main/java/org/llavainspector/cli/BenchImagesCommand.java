package org.llavainspector.cli;

import picocli.CommandLine.Command;

/** Placeholder for {@code bench images}, written on another branch; replaced when the branches are merged. */
@Command(name = "images", mixinStandardHelpOptions = true, description = "(not yet available)")
public final class BenchImagesCommand implements java.util.concurrent.Callable<Integer> {
    @Override
    public Integer call() {
        throw new CliException("not implemented");
    }
}
