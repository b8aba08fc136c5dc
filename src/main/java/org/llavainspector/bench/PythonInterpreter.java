package org.llavainspector.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The {@code python3} on the PATH, resolved to the real interpreter ({@code sys.executable}) so that wrappers such as
 * pyenv shims do not add their own start-up time to the measurement.
 */
public record PythonInterpreter(Path executable, String version) {
    private static final String LOAD = "import json, sys; json.load(open(sys.argv[1], encoding='utf-8'))";
    private static final String DUMP = "import json, sys; d = json.load(open(sys.argv[1], encoding='utf-8')); "
            + "json.dump(d, open(sys.argv[2], 'w', encoding='utf-8'), indent=2)";

    /** Finds python3 on the PATH, or nothing if it is absent or does not run. */
    public static Optional<PythonInterpreter> find() throws InterruptedException {
        Optional<Path> onPath = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, "python3"))
                .filter(Files::isExecutable)
                .findFirst();
        if (onPath.isEmpty()) {
            return Optional.empty();
        }
        try {
            Process p = new ProcessBuilder(onPath.get().toString(), "-c",
                    "import sys; print(sys.executable); print(sys.version.split()[0])")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            p.getOutputStream().close();
            List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            if (p.waitFor() != 0 || lines.size() < 2 || lines.get(0).isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new PythonInterpreter(Path.of(lines.get(0).strip()), lines.get(1).strip()));
        } catch (IOException ex) {
            return Optional.empty();
        }
    }

    /** {@code python3 -c "import json, sys; json.load(open(sys.argv[1], encoding='utf-8'))" FILE} */
    public List<String> jsonLoadCommand(Path file) {
        return List.of(executable.toString(), "-c", LOAD, file.toString());
    }

    /** {@code python3 -c "...; d = json.load(open(FILE)); json.dump(d, open(OUT, 'w'), indent=2)" FILE OUT} */
    public List<String> jsonDumpCommand(Path file, Path out) {
        return List.of(executable.toString(), "-c", DUMP, file.toString(), out.toString());
    }

    /** How the export comparison runs Python. */
    public String describeDump() {
        return "Python " + version + " (" + executable
                + "): json.dump(json.load(open(FILE)), open(OUT, 'w'), indent=2)";
    }

    public String describe() {
        return "Python " + version + " (" + executable + "): json.load(open(FILE))";
    }
}
