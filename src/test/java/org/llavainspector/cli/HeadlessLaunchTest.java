package org.llavainspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.llavainspector.Launcher;
import org.llavainspector.TestFiles;

/** A subcommand runs in a fresh JVM without loading a single JavaFX class, and without a display. */
class HeadlessLaunchTest {
    @Test
    void subcommandsNeverLoadJavaFx() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "-verbose:class", "-cp", System.getProperty("java.class.path"),
                Launcher.class.getName(), "stats", TestFiles.demo().toString());
        pb.environment().remove("DISPLAY");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("records            30"), output);
        assertTrue(output.contains("org.llavainspector.cli.StatsCommand"), "-verbose:class lists loaded classes");
        assertFalse(output.contains("javafx."), "no JavaFX class may be loaded by a subcommand");
    }

    @Test
    void theLaunchersListOfSubcommandsMatchesTheCommandModel() {
        assertEquals(InspectorCommand.newCommandLine().getSubcommands().keySet(), InspectorCommand.SUBCOMMANDS);
    }

    @Test
    void onlySubcommandsAndRootHelpAreCommandLineRuns() {
        assertTrue(InspectorCommand.isCommandLineInvocation(new String[] {"stats", "x"}));
        assertTrue(InspectorCommand.isCommandLineInvocation(new String[] {"--help"}));
        assertFalse(InspectorCommand.isCommandLineInvocation(new String[0]));
        assertFalse(InspectorCommand.isCommandLineInvocation(new String[] {"data.json", "--images", "images.zip"}));
    }
}
