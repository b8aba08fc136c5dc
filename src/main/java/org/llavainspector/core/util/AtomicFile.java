package org.llavainspector.core.util;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Writes a file so that readers see either the old or the whole new content, never a part: the bytes go to a
 * temporary file in the same folder, are forced to disk, and the temporary file is then moved over the target.
 */
public final class AtomicFile {
    private static final int BUFFER = 1 << 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFile() {
    }

    /** Writes the content of a file to the stream it is given (which it must not close). */
    @FunctionalInterface
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code target} atomically; on any failure (or cancellation) the temporary file is deleted and the
     * target left as it was.
     *
     * @return the number of bytes written
     */
    public static long write(Path target, Body body) throws IOException {
        Path temp = writeTemp(target, body);
        try {
            long bytes = Files.size(temp);
            commit(temp, target);
            return bytes;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    /**
     * The first half of {@link #write}: the content in a temporary file beside {@code target}, forced to disk, for the
     * caller to {@link #commit} (or delete) when other files written with it are ready too.
     */
    public static Path writeTemp(Path target, Body body) throws IOException {
        Path temp = tempBeside(target);
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), BUFFER);
            body.write(out);
            out.flush();
            ch.force(true);
            return temp;
        } catch (IOException | RuntimeException | Error e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    /**
     * A new empty temporary file in the folder of {@code target} (hidden, named after it), with the permissions any
     * new file gets there (unlike {@link Files#createTempFile}, whose owner-only files would stay so after the move).
     */
    public static Path tempBeside(Path target) throws IOException {
        return createBeside(target, false);
    }

    /** A new empty temporary folder beside {@code target}, with the permissions any new folder gets there. */
    public static Path tempFolderBeside(Path target) throws IOException {
        return createBeside(target, true);
    }

    private static Path createBeside(Path target, boolean folder) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve("." + abs.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36)
                    + ".tmp");
            try {
                return folder ? Files.createDirectory(temp) : Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /** Moves a finished temporary file over the target in one step (a plain replace where the file system cannot). */
    public static void commit(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes a file, ignoring failure (used to clean up after an error that is being reported anyway). */
    public static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // the original failure matters more
        }
    }
}
