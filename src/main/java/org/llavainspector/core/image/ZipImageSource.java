package org.llavainspector.core.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Images inside a zip archive, read entry by entry on demand and never extracted.
 *
 * <p>{@link ZipFile} reads only the central directory when opened (ZIP64 included) and serves concurrent
 * {@code getInputStream} calls from several threads; a test reads from 8 threads at once to hold it to that.
 */
public final class ZipImageSource implements ImageSource {
    private final Path file;
    private final ZipFile zip;

    private ZipImageSource(Path file, ZipFile zip) {
        this.file = file;
        this.zip = zip;
    }

    /** Opens the central directory of {@code file}; throws {@link java.util.zip.ZipException} if it is no zip. */
    public static ZipImageSource open(Path file) throws IOException {
        return new ZipImageSource(file, new ZipFile(file.toFile()));
    }

    public Path file() {
        return file;
    }

    @Override
    public String name() {
        return String.valueOf(file.getFileName());
    }

    @Override
    public boolean contains(String path) {
        ZipEntry e = fileEntry(path);
        return e != null;
    }

    @Override
    public long size(String path) {
        ZipEntry e = fileEntry(path);
        return e == null ? -1 : e.getSize();
    }

    @Override
    public InputStream open(String path) throws IOException {
        ZipEntry e = fileEntry(path);
        if (e == null) {
            throw new NoSuchFileException(name() + "!/" + path);
        }
        return zip.getInputStream(e);
    }

    @Override
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>(zip.size());
        zip.stream().forEach(e -> {
            if (!e.isDirectory()) {
                out.add(new Entry(e.getName(), e.getSize()));
            }
        });
        return out;
    }

    /** The number of entries in the central directory, directories included. */
    public int entryCount() {
        return zip.size();
    }

    private ZipEntry fileEntry(String path) {
        if (path.isEmpty()) {
            return null;
        }
        // getEntry("a") also answers the directory "a/", which is not an image.
        ZipEntry e = zip.getEntry(path);
        return e == null || e.isDirectory() ? null : e;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    @Override
    public String toString() {
        return "zip " + file;
    }
}
