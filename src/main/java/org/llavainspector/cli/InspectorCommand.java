package org.llavainspector.cli;

import java.io.PrintWriter;
import java.util.Set;
import org.llavainspector.core.dataset.DatasetException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Root of the command line: {@code java -jar llava-inspector.jar SUBCOMMAND ...}. */
@Command(
        name = "llava-inspector",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Inspect LLaVA-style visual-instruction datasets (JSON array or JSONL).",
            "Without a subcommand the desktop inspector opens (on the bundled demo dataset when no file is given)."
        },
        subcommands = {
            StatsCommand.class,
            ValidateCommand.class,
            ShowCommand.class,
            SearchCommand.class,
            ImagesCommand.class,
            ExportCommand.class,
            RewriteCommand.class,
            GenerateCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class InspectorCommand implements Runnable {
    /** Exit code for "the input or the arguments are unusable". */
    public static final int EXIT_USAGE = 2;

    private static final Set<String> ROOT_OPTIONS = Set.of("-h", "--help", "-V", "--version");
    /** Names of the subcommands, known without building the (reflection-heavy) command model; a test keeps it true. */
    static final Set<String> SUBCOMMANDS = Set.of("stats", "validate", "show", "search", "images", "export",
            "rewrite", "generate", "bench", "help");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** True when the arguments name a subcommand (or root help), i.e. the run must stay headless. */
    public static boolean isCommandLineInvocation(String[] args) {
        if (args.length == 0) {
            return false;
        }
        return ROOT_OPTIONS.contains(args[0]) || SUBCOMMANDS.contains(args[0]);
    }

    /** Runs the command line and returns the process exit code. */
    public static int run(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given streams (used by tests). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = newCommandLine();
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new InspectorCommand());
        cl.setParameterExceptionHandler(InspectorCommand::onBadArguments);
        cl.setExecutionExceptionHandler(InspectorCommand::onFailure);
        return cl;
    }

    private static int onBadArguments(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        cl.getErr().println("error: " + ex.getMessage() + " (try '" + cl.getCommandSpec().qualifiedName() + " --help')");
        return EXIT_USAGE;
    }

    private static int onFailure(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        if (Boolean.getBoolean("llava.debug")) {
            ex.printStackTrace(cl.getErr());
        }
        cl.getErr().println("error: " + oneLine(ex));
        return EXIT_USAGE;
    }

    static String oneLine(Throwable ex) {
        if (ex instanceof DatasetException || ex instanceof CliException) {
            return ex.getMessage();
        }
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        return message.replace('\n', ' ');
    }
}
