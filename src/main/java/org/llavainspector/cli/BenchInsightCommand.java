package org.llavainspector.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.llavainspector.Launcher;
import org.llavainspector.bench.InsightBenchmark;
import org.llavainspector.bench.ProcessMeter;
import org.llavainspector.bench.StatsBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bench insight}: the statistics dashboard's computation against the {@code stats} command. */
@Command(
        name = "insight",
        mixinStandardHelpOptions = true,
        description = {
            "Time the statistics dashboard's computation (run in this JVM, as the app runs it) against",
            "'stats FILE --json' as a whole process, alternately, on the full-size instruct file",
            "(generated into DIR first, seed 42, when missing). The target: the dashboard within 2x",
            "of the stats command. Progress goes to stderr.",
            ""
        })
public final class BenchInsightCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    BenchRunOptions options = new BenchRunOptions();

    @Override
    public Integer call() throws Exception {
        int runs = options.runs(spec);
        Path data = options.data;
        PrintWriter log = spec.commandLine().getErr();
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classPath = System.getProperty("java.class.path");
        ProcessMeter meter = ProcessMeter.detect();
        String loadBefore = BenchStatsCommand.loadAverage();
        InsightBenchmark.Result result;
        try {
            result = new InsightBenchmark(runs, f -> List.of(java, "-cp", classPath, Launcher.class.getName(),
                    "stats", f.toString(), "--json"), meter, log).run(data);
        } catch (StatsBenchmark.BenchmarkException ex) {
            throw new CliException(ex.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(result.markdown());
        out.printf(Locale.ROOT, "%nmedian of %d runs each, alternating; %d CPUs; 1-minute load average %s before,"
                + " %s after; Java %s%n", runs, Runtime.getRuntime().availableProcessors(), loadBefore,
                BenchStatsCommand.loadAverage(), Runtime.version());
        out.flush();
        return 0;
    }
}
