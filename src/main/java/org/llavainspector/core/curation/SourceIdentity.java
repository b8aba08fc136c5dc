package org.llavainspector.core.curation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a dataset file looked like when a session was made of it: absolute path, size, modification time and a
 * SHA-256 of its size, first and last 64 KiB (fast on a 1 GB file, yet it catches the usual rewrite or truncation).
 */
public record SourceIdentity(Path path, long size, long modifiedMillis, String headTailHash) {
    static final int SPAN = 64 * 1024;

    public SourceIdentity {
        path = path.toAbsolutePath().normalize();
    }

    /** Reads the identity of {@code file} as it is now. */
    public static SourceIdentity of(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return new SourceIdentity(file, a.size(), a.lastModifiedTime().toMillis(), headTailHash(file, a.size()));
    }

    static String headTailHash(Path file, long size) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        sha.update(ByteBuffer.allocate(Long.BYTES).putLong(size).flip());
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            digest(ch, sha, 0, Math.min(SPAN, size));
            long tail = Math.max(SPAN, size - SPAN);
            if (tail < size) {
                digest(ch, sha, tail, size - tail);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void digest(FileChannel ch, MessageDigest sha, long from, long length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) length);
        while (buf.hasRemaining()) {
            if (ch.read(buf, from + buf.position()) < 0) {
                throw new IOException("the file became shorter while it was read");
            }
        }
        sha.update(buf.flip());
    }
}
