package org.llavainspector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test fixtures: the real records in src/test/resources/realdata and small files written on the fly. */
public final class TestFiles {
    private TestFiles() {
    }

    /** A file under src/test/resources/realdata (real LLaVA records, see SOURCES.md there). */
    public static Path realdata(String name) {
        try {
            return Path.of(TestFiles.class.getResource("/realdata/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource realdata/" + name, e);
        }
    }

    /** The bundled demo dataset in samples/ (tests run from the project folder). */
    public static Path demo() {
        return Path.of("samples", "demo.json").toAbsolutePath();
    }

    /** Writes text as UTF-8 to dir/name. */
    public static Path write(Path dir, String name, String text) {
        return write(dir, name, text.getBytes(StandardCharsets.UTF_8));
    }

    public static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
