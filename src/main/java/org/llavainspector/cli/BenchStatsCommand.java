package org.llavainspector.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.llavainspector.Launcher;
import org.llavainspector.bench.BenchReport;
import org.llavainspector.bench.DatasetKind;
import org.llavainspector.bench.DatasetSpec;
import org.llavainspector.bench.ProcessMeter;
import org.llavainspector.bench.PythonInterpreter;
import org.llavainspector.bench.StatsBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bench stats}: our {@code stats FILE --json} against Python's {@code json.load}, as whole processes. */
@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        description = {
            "Compare 'stats FILE --json' with Python's json.load on full-size files.",
            "Missing files are generated into DIR first (seed 42); existing ones are reused.",
            "Each side runs N times as a new process, alternating with the other. The table",
            "shows median wall time and peak RSS and checks the targets: ours/python at most",
            "0.20 for wall time and 1/6 for peak RSS. Progress goes to stderr.",
            ""
        })
public final class BenchStatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    BenchRunOptions options = new BenchRunOptions();

    @Option(names = "--kinds", paramLabel = "KIND", split = ",", defaultValue = "instruct,chat",
            converter = DatasetKindConverter.class,
            description = "files to measure: instruct, chat, mix, pretrain (default: ${DEFAULT-VALUE})")
    List<DatasetKind> kinds;

    @Option(names = "--json", description = "print the results as JSON instead of a markdown table")
    boolean json;

    /** Runs {@code java -jar JAR stats ...} instead of this JVM's class path (to bench another build). */
    @Option(names = "--jar", paramLabel = "JAR", hidden = true)
    Path jar;

    /** Runs {@code LAUNCHER stats ...}, e.g. the app image's command-line launcher. */
    @Option(names = "--launcher", paramLabel = "PATH",
            description = "measure this launcher instead of 'java -cp': e.g. the app image's "
                    + "target/dist/llava-inspector/bin/llava-inspector-cli (packaging/build.sh)")
    Path launcher;

    @Override
    public Integer call() throws IOException, InterruptedException {
        int runs = options.runs(spec);
        Path data = options.data;
        if (launcher != null && !Files.isExecutable(launcher)) {
            throw new ParameterException(spec.commandLine(), "--launcher: not an executable file: " + launcher);
        }
        if (jar != null && !Files.isRegularFile(jar)) {
            throw new ParameterException(spec.commandLine(), "--jar: no such file: " + jar);
        }
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Optional<PythonInterpreter> python = PythonInterpreter.find();
        ProcessMeter meter = ProcessMeter.detect();
        PrintWriter log = spec.commandLine().getErr();
        if (python.isEmpty()) {
            log.println("python3 not found: measuring our side only");
        }
        List<DatasetSpec> datasets = kinds.stream().distinct().map(DatasetSpec::fullSize).toList();
        StatsBenchmark bench = new StatsBenchmark(runs, oursCommand(java),
                python.<Function<Path, List<String>>>map(p -> p::jsonLoadCommand).orElse(null), meter, log);
        String loadBefore = loadAverage();
        List<StatsBenchmark.FileResult> results;
        try {
            results = bench.run(data, datasets);
        } catch (StatsBenchmark.BenchmarkException ex) {
            throw new CliException(ex.getMessage());
        }
        String machine = Runtime.getRuntime().availableProcessors() + " CPUs; 1-minute load average " + loadBefore
                + " before the runs, " + loadAverage() + " after";
        BenchReport report = new BenchReport(runs, describeOurs(java), python.map(PythonInterpreter::describe)
                .orElse(null), meter.describe(), machine, results);
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? report.json() : report.markdown());
        if (!json && launcher == null) {
            out.println("The installed command line starts quicker than a java command can (C1 only, Serial GC, class"
                    + " archives): measure it with 'packaging/build.sh --app-image-only' then 'bench stats --launcher"
                    + " target/dist/llava-inspector/bin/llava-inspector-cli' (README, Performance).");
        }
        out.flush();
        return 0;
    }

    /** The 1-minute load average from /proc/loadavg, or "unknown". */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException ex) {
            return "unknown";
        }
    }

    private Function<Path, List<String>> oursCommand(String java) {
        if (launcher != null) {
            String path = launcher.toAbsolutePath().toString();
            return file -> List.of(path, "stats", file.toString(), "--json");
        }
        if (jar != null) {
            String jarPath = jar.toAbsolutePath().toString();
            return file -> List.of(java, "-jar", jarPath, "stats", file.toString(), "--json");
        }
        String classPath = System.getProperty("java.class.path");
        return file -> List.of(java, "-cp", classPath, Launcher.class.getName(), "stats", file.toString(), "--json");
    }

    private String describeOurs(String java) {
        if (launcher != null) {
            return launcher.toAbsolutePath() + " stats FILE --json";
        }
        String how = jar != null ? "-jar " + jar.toAbsolutePath()
                : "-cp <class path of this JVM> " + Launcher.class.getName();
        return java + " " + how + " stats FILE --json (Java " + Runtime.version() + ")";
    }
}
