package org.llavainspector.core.dataset;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import org.llavainspector.core.util.TaskMonitor;

/**
 * The index of one dataset file: for every record its byte offset and length, id, image paths and turn count,
 * in compact chunked arrays; the record itself is read and parsed only when asked for ({@link #record}).
 *
 * <p>An index may be read while it is still being built: {@link #size()} grows as records are found, and
 * {@link #completion()} tells when (and whether) the whole file was read. One thread builds, any thread reads.
 */
public final class DatasetIndex implements AutoCloseable {
    private static final int CHUNK_BITS = 12;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int MAX_COUNT = 0xFFFF;

    private final Path file;
    private final StringArena strings = new StringArena();
    private final CompletableFuture<DatasetIndex> completion = new CompletableFuture<>();
    private final Object sizeLock = new Object();
    private volatile Chunk[] chunks = new Chunk[0];
    private volatile int size;
    private volatile DatasetFormat format;
    private volatile StringLookup byId;
    private volatile StringLookup byImage;
    private FileChannel channel;
    private boolean closed;

    private static final class Chunk {
        final long[] offset = new long[CHUNK];
        final int[] length = new int[CHUNK];
        final int[] counts = new int[CHUNK];
        final long[] id = new long[CHUNK];
        final long[] image = new long[CHUNK];
        /** {@link ImageToken.Placement} ordinal of the record's {@code <image>} token(s). */
        final byte[] placement = new byte[CHUNK];
    }

    private DatasetIndex(Path file) {
        this.file = file;
    }

    /** Indexes the whole file on the calling thread; {@code alsoVisit} see every record of the same pass. */
    public static DatasetIndex build(Path file, TaskMonitor monitor, RecordVisitor... alsoVisit) throws DatasetException {
        DatasetIndex index = new DatasetIndex(file);
        index.fill(monitor, alsoVisit);
        if (index.completion.isCompletedExceptionally()) {
            index.close();
            try {
                index.completion.join();
            } catch (CompletionException e) {
                rethrow(e.getCause());
            }
        }
        return index;
    }

    /**
     * Indexes the whole file on up to {@code threads} threads when its layout allows splitting it (see
     * {@link ParallelScan}), else on the calling thread: the same index as {@link #build}, sooner, as several cores
     * share the work.
     */
    public static DatasetIndex buildParallel(Path file, int threads, TaskMonitor monitor) throws DatasetException {
        return buildParallel(file, threads, monitor, ParallelScan.MIN_PARALLEL_BYTES);
    }

    static DatasetIndex buildParallel(Path file, int threads, TaskMonitor monitor, long minParallelBytes)
            throws DatasetException {
        SliceIndexes slices = ParallelScan.scan(file, () -> new SliceIndexes(file), SliceIndexes::merge, threads,
                monitor, minParallelBytes, true);
        DatasetIndex whole = slices.parts.get(0);
        if (slices.parts.size() > 1) {
            whole = new DatasetIndex(file);
            for (DatasetIndex part : slices.parts) {
                for (int i = 0; i < part.size; i++) {
                    whole.appendCopy(part, i);
                }
            }
        }
        whole.format = slices.format;
        whole.completion.complete(whole);
        return whole;
    }

    /** The records of one slice of a parallel pass, in an index of their own; slices merge in file order. */
    private static final class SliceIndexes implements RecordVisitor {
        private final List<DatasetIndex> parts = new ArrayList<>();
        private DatasetFormat format;

        SliceIndexes(Path file) {
            parts.add(new DatasetIndex(file));
        }

        @Override
        public void visit(RecordSummary record) {
            parts.get(0).append(record);
        }

        @Override
        public void finish(DatasetFormat detected, int records) {
            format = detected;
        }

        SliceIndexes merge(SliceIndexes next) {
            parts.addAll(next.parts);
            return this;
        }
    }

    private void appendCopy(DatasetIndex from, int r) {
        Chunk src = from.chunk(r);
        int k = r & (CHUNK - 1);
        int i = size;
        int c = i >>> CHUNK_BITS;
        if (c == chunks.length) {
            chunks = Arrays.copyOf(chunks, c + 1);
            chunks[c] = new Chunk();
        }
        Chunk chunk = chunks[c];
        int j = i & (CHUNK - 1);
        chunk.offset[j] = src.offset[k];
        chunk.length[j] = src.length[k];
        chunk.counts[j] = src.counts[k];
        chunk.placement[j] = src.placement[k];
        chunk.id[j] = strings.copy(from.strings, src.id[k]);
        chunk.image[j] = strings.copy(from.strings, src.image[k]);
        size = i + 1;
    }

    /**
     * Starts indexing on the executor and returns at once: records become readable as they are found;
     * {@link #completion()} completes with the index or with the {@link DatasetException} that stopped it.
     */
    public static DatasetIndex start(Path file, Executor executor, TaskMonitor monitor, RecordVisitor... alsoVisit) {
        DatasetIndex index = new DatasetIndex(file);
        executor.execute(() -> index.fill(monitor, alsoVisit));
        return index;
    }

    private void fill(TaskMonitor monitor, RecordVisitor... alsoVisit) {
        try {
            RecordVisitor appender = this::append;
            format = DatasetScanner.scan(file, alsoVisit.length == 0 ? appender : RecordVisitor.all(prepend(appender, alsoVisit)),
                    monitor);
            completion.complete(this);
        } catch (DatasetException | RuntimeException | Error e) {
            completion.completeExceptionally(e);
        } finally {
            synchronized (sizeLock) {
                sizeLock.notifyAll();
            }
        }
    }

    private static RecordVisitor[] prepend(RecordVisitor first, RecordVisitor[] rest) {
        RecordVisitor[] all = new RecordVisitor[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private void append(RecordSummary r) {
        int i = size;
        int c = i >>> CHUNK_BITS;
        Chunk[] current = chunks;
        if (c == current.length) {
            current = Arrays.copyOf(current, c + 1);
            current[c] = new Chunk();
            chunks = current;
        }
        Chunk chunk = current[c];
        int k = i & (CHUNK - 1);
        chunk.offset[k] = r.offset();
        chunk.length[k] = r.length();
        chunk.counts[k] = (Math.min(r.turnCount(), MAX_COUNT) << 16) | Math.min(r.imageCount(), MAX_COUNT);
        chunk.placement[k] = (byte) r.imageTokenPlacement().ordinal();
        chunk.id[k] = strings.add(r.id());
        chunk.image[k] = strings.add(r.images().isEmpty() ? null : String.join("\u0000", r.images()));
        size = i + 1;
        if ((i & 255) == 0) {
            synchronized (sizeLock) {
                sizeLock.notifyAll();
            }
        }
    }

    /** The dataset file. */
    public Path file() {
        return file;
    }

    /** The detected layout, or null until the first record was read. */
    public DatasetFormat format() {
        return format;
    }

    /** Number of records indexed so far (all of them once {@link #isComplete()}). */
    public int size() {
        return size;
    }

    /** True once the whole file was indexed successfully. */
    public boolean isComplete() {
        return completion.isDone() && !completion.isCompletedExceptionally();
    }

    /** Completes when indexing ends: normally with this index, exceptionally with a {@link DatasetException}. */
    public CompletableFuture<DatasetIndex> completion() {
        return completion;
    }

    /** Waits until at least {@code n} records are indexed or indexing ended; returns the size then. */
    public int awaitSize(int n) throws InterruptedException {
        synchronized (sizeLock) {
            while (size < n && !completion.isDone()) {
                sizeLock.wait(100);
            }
        }
        return size;
    }

    /** Waits for the whole file; throws what stopped indexing. */
    public DatasetIndex awaitComplete() throws DatasetException, InterruptedException {
        try {
            return completion.get();
        } catch (ExecutionException e) {
            rethrow(e.getCause());
            return this;
        }
    }

    private static void rethrow(Throwable cause) throws DatasetException {
        if (cause instanceof DatasetException) {
            throw (DatasetException) cause;
        }
        if (cause instanceof CancellationException) {
            throw (CancellationException) cause;
        }
        if (cause instanceof RuntimeException) {
            throw (RuntimeException) cause;
        }
        throw new IllegalStateException(cause);
    }

    private Chunk chunk(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("record " + i + " of " + size);
        }
        return chunks[i >>> CHUNK_BITS];
    }

    /** Byte offset of record i's opening brace. */
    public long offset(int i) {
        return chunk(i).offset[i & (CHUNK - 1)];
    }

    /** Length in bytes of record i's source text. */
    public int length(int i) {
        return chunk(i).length[i & (CHUNK - 1)];
    }

    /** Record i's id as text, or null when it has none. */
    public String id(int i) {
        return strings.get(chunk(i).id[i & (CHUNK - 1)]);
    }

    /** Record i's image paths (empty for a text-only record). */
    public List<String> images(int i) {
        String joined = strings.get(chunk(i).image[i & (CHUNK - 1)]);
        if (joined == null) {
            return List.of();
        }
        return joined.indexOf('\u0000') < 0 ? List.of(joined) : List.of(joined.split("\u0000", -1));
    }

    /** Record i's first image path, or null for a text-only record. */
    public String firstImage(int i) {
        String joined = strings.get(chunk(i).image[i & (CHUNK - 1)]);
        if (joined == null) {
            return null;
        }
        int sep = joined.indexOf('\u0000');
        return sep < 0 ? joined : joined.substring(0, sep);
    }

    /** Number of images of record i. */
    public int imageCount(int i) {
        return chunk(i).counts[i & (CHUNK - 1)] & MAX_COUNT;
    }

    /** Where the {@code <image>} token stands in record i (as in {@link RecordSummary#imageTokenPlacement()}). */
    public ImageToken.Placement placement(int i) {
        return PLACEMENTS[chunk(i).placement[i & (CHUNK - 1)]];
    }

    private static final ImageToken.Placement[] PLACEMENTS = ImageToken.Placement.values();

    /** Number of turns of record i. */
    public int turnCount(int i) {
        return chunk(i).counts[i & (CHUNK - 1)] >>> 16;
    }

    /** All records whose id is {@code id}, in file order (ids repeat in LLaVA-Instruct); needs a complete index. */
    public int[] recordsWithId(String id) {
        StringLookup lookup = byId;
        if (lookup == null) {
            lookup = buildLookup(true);
        }
        return lookup.find(id);
    }

    /** All records whose first image is {@code image}, in file order; needs a complete index. */
    public int[] recordsWithImage(String image) {
        StringLookup lookup = byImage;
        if (lookup == null) {
            lookup = buildLookup(false);
        }
        return lookup.find(image);
    }

    /** Builds the id or image lookup once, on first use (most sessions never need them). */
    private synchronized StringLookup buildLookup(boolean ids) {
        requireComplete();
        if (ids && byId == null) {
            byId = new StringLookup(size, this::id);
        } else if (!ids && byImage == null) {
            byImage = new StringLookup(size, this::firstImage);
        }
        return ids ? byId : byImage;
    }

    private void requireComplete() {
        if (!isComplete()) {
            throw new IllegalStateException("the index of " + file + " is not complete yet");
        }
    }

    /** The exact source bytes of record i (from its opening to its closing brace). */
    public byte[] readBytes(int i) throws IOException {
        long offset = offset(i);
        byte[] bytes = new byte[length(i)];
        for (int attempt = 0; ; attempt++) {
            try {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                FileChannel ch = channel();
                while (buf.hasRemaining()) {
                    if (ch.read(buf, offset + buf.position()) < 0) {
                        throw new IOException(file + ": the file became shorter while open (record " + i + ")");
                    }
                }
                return bytes;
            } catch (ClosedByInterruptException e) {
                throw e;
            } catch (ClosedChannelException e) {
                // Another thread was interrupted mid-read, which closes a FileChannel for everybody: reopen once.
                if (attempt > 0) {
                    throw e;
                }
            }
        }
    }

    private synchronized FileChannel channel() throws IOException {
        if (closed) {
            throw new ClosedChannelException();
        }
        if (channel == null || !channel.isOpen()) {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        }
        return channel;
    }

    /** Reads and parses record i, keeping every field, their order and the source bytes. */
    public SampleRecord record(int i) throws IOException {
        return SampleRecord.parse(i, readBytes(i));
    }

    /** Approximate heap bytes held by the index (for benchmarks). */
    public long memoryBytes() {
        long perChunk = (long) CHUNK * (8 + 4 + 4 + 8 + 8);
        return chunks.length * perChunk + strings.bytes();
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing useful to do: we only read
            }
        }
    }
}
