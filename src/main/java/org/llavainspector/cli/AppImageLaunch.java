package org.llavainspector.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a jpackage app image starts its application, read from its launcher configuration
 * ({@code lib/app/NAME.cfg}): the bundled runtime, the JVM options and the class path. {@code bench ui --app-image}
 * uses it to run its window under the same JVM as an installed copy of the app.
 */
record AppImageLaunch(Path javaBinary, List<String> javaOptions, List<Path> classPath) {
    /** Reads the app image at {@code dir} (Linux layout: {@code bin/}, {@code lib/app/}, {@code lib/runtime/}). */
    static AppImageLaunch read(Path dir) throws IOException {
        Path app = dir.resolve("lib/app");
        Path java = dir.resolve("lib/runtime/bin/java");
        List<Path> configs;
        try (var files = Files.list(app)) {
            configs = files.filter(f -> f.getFileName().toString().endsWith(".cfg")).sorted().toList();
        } catch (IOException e) {
            throw new CliException("--app-image: no app image at " + dir + " (" + app + " cannot be read)");
        }
        if (configs.isEmpty() || !Files.isExecutable(java)) {
            throw new CliException("--app-image: " + dir + " is not a Linux app image (needs lib/app/*.cfg and "
                    + "lib/runtime/bin/java); make one with packaging/build.sh --app-image-only");
        }
        List<String> options = new ArrayList<>();
        List<Path> classPath = new ArrayList<>();
        String appDir = app.toAbsolutePath().toString();
        for (String line : Files.readAllLines(configs.get(0), StandardCharsets.UTF_8)) {
            String value = line.substring(line.indexOf('=') + 1).replace("$APPDIR", appDir);
            if (line.startsWith("java-options=")) {
                options.add(value);
            } else if (line.startsWith("app.classpath=")) {
                classPath.add(Path.of(value));
            }
        }
        return new AppImageLaunch(java, List.copyOf(options), List.copyOf(classPath));
    }

    /** {@code java OPTIONS -cp CLASSPATH}, to which a main class and its arguments are added. */
    List<String> javaCommand() {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBinary.toString());
        cmd.addAll(javaOptions);
        cmd.add("-cp");
        cmd.add(String.join(File.pathSeparator, classPath.stream().map(Path::toString).toList()));
        return cmd;
    }
}
