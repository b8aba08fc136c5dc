package org.llavainspector.core.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.llavainspector.core.dataset.DatasetIndex;
import org.llavainspector.core.util.TaskMonitor;
import org.llavainspector.core.validate.ProblemIndex;

/**
 * Runs queries over a {@link DatasetIndex} (which may still be growing) in parallel blocks of records.
 *
 * <p>Index terms are answered from memory; when a record still needs its text, the block's bytes are read with one
 * positional read of the file and every text term is answered by one {@link RecordTextScanner} pass. The calling
 * thread works too, helped by {@code threads - 1} tasks on the executor; a {@link TaskMonitor} gets progress in
 * records and can cancel ({@link CancellationException}).
 */
public final class QueryEngine implements AutoCloseable {
    /** Records per unit of work. */
    static final int BLOCK = 1024;
    /** Bytes of records read from the file at once (more when one record is longer). */
    private static final int WINDOW = 4 << 20;
    private static final int CHECK_EVERY = 64;

    private final DatasetIndex index;
    private final ProblemIndex problems;
    private final Executor executor;
    private final int threads;
    private final ExecutorService owned;

    /** An engine with its own daemon threads, one per core; {@code problems} may be null if no query uses it. */
    public QueryEngine(DatasetIndex index, ProblemIndex problems) {
        this(index, problems, null, Runtime.getRuntime().availableProcessors());
    }

    /**
     * An engine that runs {@code threads - 1} helper tasks per search on {@code executor} (the caller is the other
     * thread); a null executor means the engine's own daemon threads, released by {@link #close()}.
     */
    public QueryEngine(DatasetIndex index, ProblemIndex problems, Executor executor, int threads) {
        this.index = index;
        this.problems = problems;
        this.threads = Math.max(1, threads);
        if (executor == null && this.threads > 1) {
            owned = Executors.newFixedThreadPool(this.threads - 1, r -> {
                Thread t = new Thread(r, "query");
                t.setDaemon(true);
                return t;
            });
            this.executor = owned;
        } else {
            owned = null;
            this.executor = executor;
        }
    }

    /** How many records the query can see now: those indexed (and validated, when it uses {@code problem:}). */
    public int available(Query query) {
        int n = index.size();
        if (query.usesProblems()) {
            requireProblems();
            n = Math.min(n, problems.size());
        }
        return n;
    }

    /** Searches every record available now. */
    public QueryResult search(Query query, TaskMonitor monitor) throws IOException {
        return search(query, 0, available(query), monitor);
    }

    /** Searches the records that became available since {@code previous} and appends them to it. */
    public QueryResult extend(QueryResult previous, TaskMonitor monitor) throws IOException {
        int to = Math.max(previous.end(), available(previous.query()));
        return previous.append(search(previous.query(), previous.end(), to, monitor));
    }

    /** Searches the records {@code [from, to)}. */
    public QueryResult search(Query query, int from, int to, TaskMonitor monitor) throws IOException {
        if (from < 0 || from > to || to > index.size()) {
            throw new IndexOutOfBoundsException("records [" + from + ", " + to + ") of " + index.size());
        }
        if (query.usesProblems()) {
            requireProblems();
        }
        monitor.checkCancelled();
        if (query.matchesAll()) {
            int[] all = new int[to - from];
            Arrays.setAll(all, k -> from + k);
            monitor.progress(to - from, to - from);
            return new QueryResult(query, from, to, all);
        }
        if (!query.readsText()) {
            return run(query, from, to, null, monitor);
        }
        try (FileChannel channel = FileChannel.open(index.file(), StandardOpenOption.READ)) {
            return run(query, from, to, channel, monitor);
        }
    }

    private void requireProblems() {
        if (problems == null) {
            throw new IllegalStateException("problem: needs a ProblemIndex built while indexing");
        }
    }

    private QueryResult run(Query query, int from, int to, FileChannel channel, TaskMonitor monitor) throws IOException {
        Search search = new Search(query, from, to, channel, monitor);
        for (int i = 1; i < Math.min(threads, search.blocks); i++) {
            try {
                executor.execute(search::work);
            } catch (RejectedExecutionException e) {
                break; // the caller does the work alone
            }
        }
        search.work();
        try {
            search.finished.await();
        } catch (InterruptedException e) {
            search.failure.compareAndSet(null, new CancellationException("interrupted"));
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
        Throwable t = search.failure.get();
        if (t != null) {
            throw rethrow(t, monitor);
        }
        return new QueryResult(query, from, to, search.matches());
    }

    /** One search split into blocks of records that the caller and the helpers take in turn. */
    private final class Search {
        final Query query;
        final int from;
        final int to;
        final FileChannel channel;
        final TaskMonitor monitor;
        final int blocks;
        final int[][] matches;
        final AtomicInteger next = new AtomicInteger();
        final AtomicLong done = new AtomicLong();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final CountDownLatch finished;

        Search(Query query, int from, int to, FileChannel channel, TaskMonitor monitor) {
            this.query = query;
            this.from = from;
            this.to = to;
            this.channel = channel;
            this.monitor = monitor;
            this.blocks = (to - from + BLOCK - 1) / BLOCK;
            this.matches = new int[blocks][];
            this.finished = new CountDownLatch(blocks);
        }

        /** Takes blocks until none is left; every block taken is counted down, done or not. */
        void work() {
            Worker worker = new Worker(query, channel);
            for (int k = next.getAndIncrement(); k < blocks; k = next.getAndIncrement()) {
                try {
                    if (failure.get() == null) {
                        int a = from + k * BLOCK;
                        int b = Math.min(to, a + BLOCK);
                        matches[k] = worker.block(a, b, monitor, failure);
                        monitor.progress(done.addAndGet(b - a), to - from);
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    finished.countDown();
                }
            }
        }

        /** The matches of all blocks, in record order. */
        int[] matches() {
            int count = 0;
            for (int[] m : matches) {
                count += m.length;
            }
            int[] all = new int[count];
            int at = 0;
            for (int[] m : matches) {
                System.arraycopy(m, 0, all, at, m.length);
                at += m.length;
            }
            return all;
        }
    }

    private static IOException rethrow(Throwable t, TaskMonitor monitor) {
        if (monitor.isCancelled() || t instanceof CancellationException || t instanceof ClosedByInterruptException) {
            throw t instanceof CancellationException ? (CancellationException) t : new CancellationException("cancelled");
        }
        if (t instanceof UncheckedIOException) {
            return ((UncheckedIOException) t).getCause();
        }
        if (t instanceof IOException) {
            return (IOException) t;
        }
        if (t instanceof RuntimeException) {
            throw (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
        return new IOException(t);
    }

    @Override
    public void close() {
        if (owned != null) {
            owned.shutdownNow();
        }
    }

    /** One thread's state: a window of file bytes and a scanner, reused from block to block. */
    private final class Worker implements Term.Evaluation {
        private final Term root;
        private final FileChannel channel;
        private final RecordTextScanner scanner;
        private byte[] window = new byte[0];
        private long windowStart;
        private long windowEnd;
        private int blockEnd;
        private int scannedRecord = -1;
        private boolean[] scanned;

        Worker(Query query, FileChannel channel) {
            this.root = query.root();
            this.channel = channel;
            this.scanner = query.readsText() ? new RecordTextScanner(query.textTerms()) : null;
        }

        int[] block(int from, int to, TaskMonitor monitor, AtomicReference<Throwable> failure) {
            blockEnd = to;
            int[] found = new int[Math.min(to - from, 64)];
            int n = 0;
            for (int r = from; r < to; r++) {
                if ((r - from) % CHECK_EVERY == 0) {
                    monitor.checkCancelled();
                    if (failure.get() != null) {
                        throw new CancellationException("another block failed");
                    }
                }
                if (root.test(r, this)) {
                    if (n == found.length) {
                        found = Arrays.copyOf(found, Math.min(to - from, n * 2));
                    }
                    found[n++] = r;
                }
            }
            return n == found.length ? found : Arrays.copyOf(found, n);
        }

        @Override
        public DatasetIndex index() {
            return index;
        }

        @Override
        public ProblemIndex problems() {
            return problems;
        }

        @Override
        public boolean[] scanned(int record) {
            if (record != scannedRecord) {
                try {
                    load(record);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                int start = (int) (index.offset(record) - windowStart);
                scanned = scanner.scan(window, start, start + index.length(record));
                scannedRecord = record;
            }
            return scanned;
        }

        /** Makes sure the record's bytes are in the window, reading it and the following records of the block. */
        private void load(int record) throws IOException {
            long offset = index.offset(record);
            long recordEnd = offset + index.length(record);
            if (offset >= windowStart && recordEnd <= windowEnd) {
                return;
            }
            int last = record;
            while (last + 1 < blockEnd && index.offset(last + 1) + index.length(last + 1) - offset <= WINDOW) {
                last++;
            }
            long end = Math.max(recordEnd, index.offset(last) + index.length(last));
            int length = (int) (end - offset);
            if (window.length < length) {
                window = new byte[Math.max(length, Math.min(WINDOW, window.length * 2))];
            }
            ByteBuffer buf = ByteBuffer.wrap(window, 0, length);
            while (buf.hasRemaining()) {
                if (channel.read(buf, offset + buf.position()) < 0) {
                    throw new IOException(index.file() + ": the file became shorter since it was indexed");
                }
            }
            windowStart = offset;
            windowEnd = end;
        }
    }
}
