package org.llavainspector.core.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loose image files under a folder.
 *
 * <p>Paths are relative to the folder; a path that leaves it ({@code ../x.jpg}, {@code /etc/passwd}) is treated as
 * absent. Symbolic links inside the folder are followed on purpose: LLaVA set-ups often link {@code coco/} to a
 * shared copy elsewhere.
 */
public final class FolderImageSource implements ImageSource {
    private final Path root;

    public FolderImageSource(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new NoSuchFileException(root.toString(), null, "not a folder");
        }
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public String name() {
        return String.valueOf(root.getFileName());
    }

    /** The file {@code path} names inside the folder, or null when it is malformed or escapes the folder. */
    Path resolve(String path) {
        if (path.isEmpty() || path.startsWith("/") || path.startsWith("\\") || path.indexOf('\0') >= 0) {
            return null;
        }
        try {
            Path relative = root.getFileSystem().getPath(path);
            if (relative.isAbsolute()) {
                return null;
            }
            Path p = root.resolve(relative).normalize();
            return p.startsWith(root) && !p.equals(root) ? p : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    @Override
    public boolean contains(String path) {
        Path p = resolve(path);
        return p != null && Files.isRegularFile(p);
    }

    @Override
    public long size(String path) throws IOException {
        Path p = resolve(path);
        if (p == null) {
            return -1;
        }
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            return a.isRegularFile() ? a.size() : -1;
        } catch (NoSuchFileException e) {
            return -1;
        }
    }

    @Override
    public InputStream open(String path) throws IOException {
        Path p = resolve(path);
        if (p == null || Files.isDirectory(p)) {
            throw new NoSuchFileException(name() + "/" + path);
        }
        return Files.newInputStream(p);
    }

    @Override
    public List<Entry> entries() throws IOException {
        List<Entry> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            files.forEach(p -> {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    if (a.isRegularFile()) {
                        out.add(new Entry(root.relativize(p).toString().replace('\\', '/'), a.size()));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return out;
    }

    @Override
    public void close() {
        // nothing held open
    }

    @Override
    public String toString() {
        return "folder " + root;
    }
}
