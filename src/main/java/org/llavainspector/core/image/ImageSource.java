package org.llavainspector.core.image;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A place images are read from (a zip archive or a folder), addressed by relative paths with {@code /} separators.
 *
 * <p>Implementations are safe for concurrent use by several threads.
 */
public interface ImageSource extends AutoCloseable {
    /** A file of the source and its size in bytes. */
    record Entry(String path, long size) {
    }

    /** A short name for messages, usually the file or folder name. */
    String name();

    /** True when {@code path} names a regular file of this source. */
    boolean contains(String path);

    /** The size in bytes of {@code path}, or -1 when the source does not hold it. */
    long size(String path) throws IOException;

    /** Opens {@code path} for reading; throws {@link java.nio.file.NoSuchFileException} when it is not there. */
    InputStream open(String path) throws IOException;

    /** All files of the source (not directories), in the source's own order. */
    List<Entry> entries() throws IOException;

    /**
     * Reads all bytes of {@code path}, refusing files larger than {@code maxBytes}.
     *
     * @throws TooLargeException when the file holds more than {@code maxBytes} bytes
     */
    default byte[] read(String path, long maxBytes) throws IOException {
        try (InputStream in = open(path)) {
            int cap = (int) Math.min(Integer.MAX_VALUE - 8, maxBytes);
            byte[] bytes = in.readNBytes(cap);
            if (bytes.length == cap && in.read() >= 0) {
                throw new TooLargeException(path + ": larger than the " + maxBytes + "-byte cap");
            }
            return bytes;
        }
    }

    /** Reads at most the first {@code n} bytes of {@code path}. */
    default byte[] readHead(String path, int n) throws IOException {
        try (InputStream in = open(path)) {
            return in.readNBytes(n);
        }
    }

    @Override
    void close() throws IOException;

    /** A file refused because it is larger than the caller's byte cap. */
    final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        public TooLargeException(String message) {
            super(message);
        }
    }
}
