package org.llavainspector.core.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads records of one file in ascending offset order through a large window, so that an export of most of a file
 * reads it once, sequentially, instead of with one read call per record.
 */
final class SequentialReader implements AutoCloseable {
    private static final int WINDOW = 8 << 20;

    private final FileChannel channel;
    private final byte[] window = new byte[WINDOW];
    private long windowStart;
    private int windowLength;

    SequentialReader(Path file) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
    }

    /** A slice of the file: {@code array()[start()..start()+length)}; valid until the next call. */
    record Slice(byte[] array, int start, int length) {
        byte[] copy() {
            return java.util.Arrays.copyOfRange(array, start, start + length);
        }
    }

    Slice read(long offset, int length) throws IOException {
        if (length > WINDOW) {
            byte[] big = new byte[length];
            fill(ByteBuffer.wrap(big), offset);
            return new Slice(big, 0, length);
        }
        if (offset < windowStart || offset + length > windowStart + windowLength) {
            windowStart = offset;
            ByteBuffer buf = ByteBuffer.wrap(window);
            long remaining = channel.size() - offset;
            buf.limit((int) Math.min(WINDOW, Math.max(remaining, length)));
            fill(buf, offset);
            windowLength = buf.position();
        }
        return new Slice(window, (int) (offset - windowStart), length);
    }

    private void fill(ByteBuffer buf, long offset) throws IOException {
        while (buf.hasRemaining()) {
            if (channel.read(buf, offset + buf.position()) < 0) {
                throw new IOException("the file became shorter while it was read");
            }
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
