package org.llavainspector.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.llavainspector.bench.DatasetKind;
import org.llavainspector.bench.DatasetSpec;
import org.llavainspector.bench.SyntheticDatasets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench ui}: runs the desktop window in a separate JVM (this command itself stays free of JavaFX) and
 * reports how smooth it stays: FX pulse gaps while indexing the 229 MB instruct file and while scrolling the grid
 * through a 595K-sample chat file with thumbnails loading, and the delay from a key press to the next sample.
 */
@Command(name = "ui", mixinStandardHelpOptions = true,
        description = {"Measure UI responsiveness in a real window (needs a display, e.g. Xvfb: DISPLAY=:99).",
            "Uses DIR/instruct.json (generated if absent) and, when `bench images` made them, its synthetic",
            "595K-image zip and matching chat file; otherwise DIR/chat.json without images."})
public final class BenchUiCommand implements Callable<Integer> {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "bench-data",
            description = "Folder of the benchmark files (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--app-image", paramLabel = "DIR",
            description = {"run the window as this app image runs it (packaged/build.sh --app-image-only makes",
                "target/dist/llava-inspector): its runtime, JVM options and class path, from DIR/lib/app/*.cfg."})
    Path appImage;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (System.getenv("DISPLAY") == null || System.getenv("DISPLAY").isEmpty()) {
            throw new CliException("bench ui needs a display: start Xvfb (Xvfb :99 &) and set DISPLAY=:99");
        }
        Files.createDirectories(data);
        Path instruct = ensure(DatasetKind.INSTRUCT, data.resolve("instruct.json"));
        SyntheticZipOptions images = new SyntheticZipOptions(); // the zip of 'bench images' with its defaults
        images.dir = data;
        Path zip = images.zip();
        Path chatForZip = images.chat();
        AppImageLaunch launch = appImage == null ? null : AppImageLaunch.read(appImage);
        List<String> cmd = new ArrayList<>(launch == null
                ? List.of(javaBinary(), "-cp", System.getProperty("java.class.path"))
                : launch.javaCommand());
        int mainAt = cmd.size();
        cmd.addAll(List.of("org.llavainspector.ui.bench.UiBenchmark$Main", instruct.toString()));
        if (Files.isRegularFile(zip) && Files.isRegularFile(chatForZip)) {
            cmd.addAll(List.of(chatForZip.toString(), "--images", zip.toString()));
        } else {
            cmd.add(ensure(DatasetKind.CHAT, data.resolve("chat.json")).toString());
        }
        spec.commandLine().getErr().println("bench ui: " + (launch == null ? "" : "as " + appImage + " runs: "
                + String.join(" ", launch.javaOptions()) + "; ") + String.join(" ", cmd.subList(mainAt + 1, cmd.size())));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String table = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int code = p.waitFor();
        spec.commandLine().getOut().print(table);
        spec.commandLine().getOut().flush();
        if (code != 0) {
            throw new CliException("the UI benchmark failed (exit " + code + ")");
        }
        return 0;
    }

    private Path ensure(DatasetKind kind, Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            spec.commandLine().getErr().println("bench ui: generating " + file);
            SyntheticDatasets.writeFile(DatasetSpec.fullSize(kind), file, false);
        }
        return file;
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
