package org.llavainspector.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.llavainspector.Launcher;
import org.llavainspector.bench.DatasetKind;
import org.llavainspector.bench.DatasetSpec;
import org.llavainspector.bench.ExportBenchmark;
import org.llavainspector.bench.ProcessMeter;
import org.llavainspector.bench.PythonInterpreter;
import org.llavainspector.bench.StatsBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bench export}: our {@code export} against Python's json.dump, an image subset, and the session autosave. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Compare 'export FILE --out OUT' (all records) with Python's json.load + json.dump(indent=2),",
            "each run N times as a new process, alternating; target: ours at most 0.20 of Python's wall time.",
            "Then export a random --images records of chat.json with their images out of a synthetic zip",
            "holding an image for every chat record, against a plain copy of the same bytes; and time the",
            "autosave of a session with --marks marks and --edits edits (target: under 200 ms).",
            "Missing data files are generated into DIR first; outputs go to --scratch. Progress on stderr.",
            ""
        })
public final class BenchExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    BenchRunOptions options = new BenchRunOptions();

    @Option(names = "--scratch", paramLabel = "DIR",
            description = "folder for outputs and the synthetic image zip (default: a temporary folder, removed after)")
    Path scratch;

    @Option(names = "--kinds", paramLabel = "KIND", split = ",", defaultValue = "instruct,chat",
            converter = DatasetKindConverter.class,
            description = "files to export: instruct, chat, mix, pretrain (default: ${DEFAULT-VALUE})")
    List<DatasetKind> kinds;

    @Option(names = "--no-exports", description = "skip the whole-file export comparison")
    boolean noExports;

    @Option(names = "--images", paramLabel = "N", defaultValue = "10000",
            description = "records of chat.json in the image subset; 0 skips it (default: ${DEFAULT-VALUE})")
    int images;

    @Option(names = "--image-bytes", paramLabel = "B", defaultValue = "4096",
            description = "size of each synthetic image in the zip (default: ${DEFAULT-VALUE})")
    int imageBytes;

    @Option(names = "--marks", paramLabel = "N", defaultValue = "100000",
            description = "marks in the autosaved session; 0 skips the autosave (default: ${DEFAULT-VALUE})")
    int marks;

    @Option(names = "--edits", paramLabel = "N", defaultValue = "10000",
            description = "image edits in the autosaved session (default: ${DEFAULT-VALUE})")
    int edits;

    /** Runs {@code java -jar JAR export ...} instead of this JVM's class path (to bench another build). */
    @Option(names = "--jar", paramLabel = "JAR", hidden = true)
    Path jar;

    @Override
    public Integer call() throws Exception {
        options.runs(spec);
        if (images < 0 || imageBytes < 16 || marks < 0 || edits < 0) {
            throw new ParameterException(spec.commandLine(),
                    "--images, --marks and --edits must not be negative, --image-bytes at least 16");
        }
        if (jar != null && !Files.isRegularFile(jar)) {
            throw new ParameterException(spec.commandLine(), "--jar: no such file: " + jar);
        }
        PrintWriter log = spec.commandLine().getErr();
        boolean temporary = scratch == null;
        Path work = temporary ? Files.createTempDirectory("llava-bench-export-") : Files.createDirectories(scratch);
        try {
            return run(log, work);
        } catch (StatsBenchmark.BenchmarkException e) {
            throw new CliException(e.getMessage());
        } finally {
            if (temporary) {
                deleteTree(work);
            }
        }
    }

    private int run(PrintWriter log, Path work) throws Exception {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Optional<PythonInterpreter> python = PythonInterpreter.find();
        ProcessMeter meter = ProcessMeter.detect();
        ExportBenchmark bench = new ExportBenchmark(options.runs, log);
        String loadBefore = BenchStatsCommand.loadAverage();

        List<StatsBenchmark.FileResult> exports = new ArrayList<>();
        if (!noExports && !kinds.isEmpty()) {
            if (python.isEmpty()) {
                log.println("python3 not found: measuring our side only");
            }
            Function<Path, List<String>> ours = file -> ours(java, file.toString(), "--out",
                    work.resolve("ours-" + file.getFileName()).toString());
            Function<Path, List<String>> py = python.<Function<Path, List<String>>>map(p -> file -> p.jsonDumpCommand(
                    file, work.resolve("python-" + file.getFileName()))).orElse(null);
            exports = bench.exports(options.data, kinds.stream().distinct().map(DatasetSpec::fullSize).toList(), ours,
                    py, meter);
        }

        ExportBenchmark.ImageSubset subset = null;
        Path chat = images > 0 || marks > 0
                ? bench.ensureFile(options.data, DatasetSpec.fullSize(DatasetKind.CHAT)) : null;
        if (images > 0) {
            Path zip = work.resolve("chat-images-" + imageBytes + ".zip");
            long entries;
            if (Files.isRegularFile(zip)) {
                log.printf("reusing %s%n", zip);
                try (ZipFile z = new ZipFile(zip.toFile())) {
                    entries = z.size();
                }
            } else {
                log.printf(Locale.ROOT, "writing %s: one %,d-byte image per chat record ...%n", zip, imageBytes);
                log.flush();
                entries = bench.writeImageZip(chat, zip, imageBytes);
            }
            Path subsetJson = work.resolve("subset.json");
            Path subsetZip = work.resolve("subset-images.zip");
            List<String> without = ours(java, chat.toString(), "--out", subsetJson.toString(), "--sample",
                    String.valueOf(images), "--seed", "1");
            List<String> with = new ArrayList<>(without);
            with.addAll(List.of("--images", zip.toString(), "--images-out", subsetZip.toString()));
            subset = bench.imageSubset(with, without, zip, subsetZip, images, entries, meter);
        }

        ExportBenchmark.Autosave autosave = null;
        if (marks > 0) {
            autosave = bench.autosave(work, chat, (int) DatasetKind.CHAT.defaultRecords(), marks, edits);
        }
        String machine = Runtime.getRuntime().availableProcessors() + " CPUs; 1-minute load average " + loadBefore
                + " before the runs, " + BenchStatsCommand.loadAverage() + " after";
        String oursText = java + (jar != null ? " -jar " + jar.toAbsolutePath() : " -cp <class path of this JVM> "
                + Launcher.class.getName()) + " export FILE --out OUT (Java " + Runtime.version() + ")";
        PrintWriter out = spec.commandLine().getOut();
        out.print(bench.markdown(exports, subset, autosave, oursText,
                python.map(PythonInterpreter::describeDump).orElse(null), machine));
        out.flush();
        return 0;
    }

    private List<String> ours(String java, String... args) {
        List<String> command = new ArrayList<>(jar != null ? List.of(java, "-jar", jar.toAbsolutePath().toString())
                : List.of(java, "-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        command.add("export");
        command.addAll(List.of(args));
        return command;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
