package org.llavainspector.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Python itself re-dumps our files byte for byte (skipped when python3 is not installed). */
class PythonLayoutTest {
    private static final String REDUMP = "import json, sys\n"
            + "data = json.load(open(sys.argv[1], encoding='utf-8'))\n"
            + "sys.stdout.buffer.write(json.dumps(data, indent=2, ensure_ascii=False).encode('utf-8'))\n";

    @ParameterizedTest
    @EnumSource(DatasetKind.class)
    void pythonJsonDumpIndentTwoGivesTheSameBytes(DatasetKind kind, @TempDir Path dir)
            throws IOException, InterruptedException {
        assumeTrue(onPath("python3"), "python3 not installed");
        byte[] ours = SyntheticDatasetsTest.generate(kind, 3_000, 42, OutputFormat.JSON);
        assertTrue(new String(ours, java.nio.charset.StandardCharsets.UTF_8).chars().anyMatch(c -> c > 127),
                "the sample should contain non-ASCII text");
        Path file = dir.resolve(kind.cliName() + ".json");
        Files.write(file, ours);
        Path redumped = dir.resolve("redumped.json");
        Process p = new ProcessBuilder("python3", "-c", REDUMP, file.toString())
                .redirectOutput(redumped.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        assertEquals(0, p.waitFor());
        assertArrayEquals(ours, Files.readAllBytes(redumped));
    }

    private static boolean onPath(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, program)));
    }
}
