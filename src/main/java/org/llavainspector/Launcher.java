package org.llavainspector;

import org.llavainspector.cli.InspectorCommand;

/**
 * Entry point of the jar: a subcommand runs headless on the command line; anything else opens the desktop UI.
 *
 * <p>This class must not touch JavaFX: the UI class is loaded by name only when the UI is wanted, so that
 * command-line runs never start (or even load) the JavaFX toolkit.
 */
public final class Launcher {
    private static final String UI_MAIN = "org.llavainspector.ui.InspectorApp";

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        if (InspectorCommand.isCommandLineInvocation(args)) {
            System.exit(InspectorCommand.run(args));
        }
        try {
            Class.forName(UI_MAIN).getMethod("launchApp", String[].class).invoke(null, (Object) args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String message = String.valueOf(cause.getMessage());
            if (message.contains("DISPLAY")) {
                message = "cannot open a window: no display (set DISPLAY, or run a subcommand; see --help)";
            }
            System.err.println("error: " + message.replace('\n', ' '));
            System.exit(2);
        }
    }
}
