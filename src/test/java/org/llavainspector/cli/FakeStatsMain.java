package org.llavainspector.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Stands in for {@code llava-inspector stats FILE --json} in the bench tests: checks its arguments, reads the file. */
public final class FakeStatsMain {
    private FakeStatsMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3 || !args[0].equals("stats") || !args[2].equals("--json")) {
            System.err.println("error: unexpected arguments " + String.join(" ", args));
            System.exit(2);
        }
        System.out.println("{\"bytes\": " + Files.readAllBytes(Path.of(args[1])).length + "}");
    }
}
