package org.llavainspector.core.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The export's output file: a buffered stream for what is written piece by piece, and {@link #copy} for long
 * stretches taken unchanged from a source file, which the kernel copies without passing them through the JVM.
 */
final class ExportOutput extends OutputStream {
    private static final int BUFFER = 1 << 20;

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);

    ExportOutput(FileChannel channel) {
        this.channel = channel;
    }

    @Override
    public void write(int b) throws IOException {
        if (!buffer.hasRemaining()) {
            flush();
        }
        buffer.put((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len > buffer.remaining()) {
            flush();
            if (len > buffer.capacity()) {
                writeFully(ByteBuffer.wrap(b, off, len));
                return;
            }
        }
        buffer.put(b, off, len);
    }

    /** Appends bytes {@code [from, from + length)} of {@code source}. */
    void copy(FileChannel source, long from, long length) throws IOException {
        flush();
        long done = 0;
        while (done < length) {
            long n = source.transferTo(from + done, length - done, channel);
            if (n <= 0) {
                if (from + done >= source.size()) {
                    throw new IOException("the file became shorter while it was read");
                }
                ByteBuffer slow = ByteBuffer.allocate((int) Math.min(BUFFER, length - done));
                n = source.read(slow, from + done);
                writeFully(slow.flip());
            }
            done += n;
        }
    }

    @Override
    public void flush() throws IOException {
        buffer.flip();
        writeFully(buffer);
        buffer.clear();
    }

    private void writeFully(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }
}
