package org.llavainspector.core.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the bundled demo dataset ({@code samples/demo.json} with its {@code images.zip} and {@code metadata.json})
 * wherever the app runs from: the project folder, an installed app image, or, failing both, a copy extracted from
 * the jar into the user's cache folder (zip images need a real file for random access).
 */
public final class DemoDataset {
    /** File name of the demo dataset inside the samples folder. */
    public static final String FILE_NAME = "demo.json";
    private static final String FOLDER = "samples";

    private DemoDataset() {
    }

    /** The demo dataset file; throws {@link UncheckedIOException} if it cannot be found nor extracted. */
    public static Path file() {
        return folder().resolve(FILE_NAME);
    }

    /** The samples folder holding the demo dataset. */
    public static Path folder() {
        String override = System.getProperty("llava.samples");
        if (override != null) {
            return Path.of(override);
        }
        Path codeSource = codeSource();
        if (Files.isDirectory(codeSource)) {
            // running from target/classes: the build copied samples/ there
            Optional<Path> beside = existing(codeSource.resolve(FOLDER));
            return beside.orElseGet(() -> existing(codeSource.resolve("../../" + FOLDER)).orElseThrow(DemoDataset::notFound));
        }
        Path jarDir = codeSource.getParent();
        return existing(jarDir.resolve(FOLDER))
                .or(() -> existing(jarDir.resolve("../" + FOLDER)))
                .orElseGet(() -> extractFrom(codeSource));
    }

    private static Optional<Path> existing(Path folder) {
        Path normal = folder.normalize();
        return Files.isRegularFile(normal.resolve(FILE_NAME)) ? Optional.of(normal) : Optional.empty();
    }

    private static Path codeSource() {
        try {
            return Path.of(DemoDataset.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path extractFrom(Path jar) {
        String version = Optional.ofNullable(DemoDataset.class.getPackage().getImplementationVersion()).orElse("dev");
        Path target = Path.of(System.getProperty("user.home"), ".cache", "llava-inspector", "samples-" + version);
        if (existing(target).isPresent()) {
            return target;
        }
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            Path root = zip.getPath("/" + FOLDER);
            if (!Files.isDirectory(root)) {
                throw notFound();
            }
            Path tmp = Files.createDirectories(target.getParent()).resolve(target.getFileName() + ".tmp" + ProcessHandle.current().pid());
            try (Stream<Path> files = Files.walk(root)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Path out = tmp.resolve(root.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(out);
                    } else {
                        Files.copy(p, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!existing(target).isPresent()) {
                    throw raced;
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the demo dataset from " + jar + ": " + e.getMessage(), e);
        }
    }

    private static UncheckedIOException notFound() {
        return new UncheckedIOException(new IOException("the bundled demo dataset (samples/" + FILE_NAME + ") was not found"));
    }
}
