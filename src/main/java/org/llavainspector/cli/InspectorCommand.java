package org.llavainspector.cli;

import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
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
        })
public final class InspectorCommand implements Runnable {
    /**
     * The subcommands, in the order help lists them. They are added to the model by hand so that a run builds the
     * model of its own subcommand only (picocli's reflection over every command costs a noticeable part of a
     * {@code stats} run).
     */
    private static final Map<String, Class<?>> COMMANDS = commands();
    /** Exit code for "the input or the arguments are unusable". */
    public static final int EXIT_USAGE = 2;

    private static final Set<String> ROOT_OPTIONS = Set.of("-h", "--help", "-V", "--version");
    /** Names of the subcommands. */
    static final Set<String> SUBCOMMANDS = COMMANDS.keySet();

    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> c = new LinkedHashMap<>();
        c.put("stats", StatsCommand.class);
        c.put("validate", ValidateCommand.class);
        c.put("show", ShowCommand.class);
        c.put("search", SearchCommand.class);
        c.put("images", ImagesCommand.class);
        c.put("export", ExportCommand.class);
        c.put("rewrite", RewriteCommand.class);
        c.put("compare", CompareCommand.class);
        c.put("duplicates", DuplicatesCommand.class);
        c.put("generate", GenerateCommand.class);
        c.put("bench", BenchCommand.class);
        c.put("help", CommandLine.HelpCommand.class);
        return Collections.unmodifiableMap(c);
    }

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
        boolean one = args.length > 0 && COMMANDS.containsKey(args[0]) && !"help".equals(args[0]);
        CommandLine cl = newCommandLine(one ? args[0] : null);
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    static CommandLine newCommandLine() {
        return newCommandLine(null);
    }

    /** The command model with every subcommand, or with {@code only} that one. */
    static CommandLine newCommandLine(String only) {
        CommandLine cl = new CommandLine(new InspectorCommand());
        COMMANDS.forEach((name, command) -> {
            if (only == null || only.equals(name)) {
                cl.addSubcommand(name, command);
            }
        });
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
