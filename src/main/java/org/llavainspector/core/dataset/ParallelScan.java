package org.llavainspector.core.dataset;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;
import org.llavainspector.core.util.TaskMonitor;

/**
 * A streaming pass split over several cores for consumers that do not care about record order (statistics).
 *
 * <p>Pretty-printed files (LLaVA's own, indent 2) and JSON Lines start every record on a new line at the same
 * indentation, and a raw newline can never occur inside a JSON string, so {@code "\n" + indent + "{"} found near
 * the middle of the file is a record start. Each slice is checked: the slice before it must end exactly there.
 * When a check fails, the layout is compact, or a slice finds bad input, the whole pass is run again sequentially,
 * which also gives errors their exact record number, line and column.
 *
 * <p>Each slice (and the sequential pass) is read by {@link DatasetScanner}, with its byte-level fast path.
 */
public final class ParallelScan {
    /** Files smaller than this are read on one thread: splitting would cost more than it saves. */
    static final long MIN_PARALLEL_BYTES = 16L << 20;
    private static final int WINDOW = 1 << 20;

    private ParallelScan() {
    }

    /**
     * Reads the whole file with up to {@code threads} threads, each feeding its own visitor from
     * {@code newVisitor}; returns the visitors merged with {@code merge}, after {@link RecordVisitor#finish}.
     */
    public static <V extends RecordVisitor> V scan(Path file, Supplier<V> newVisitor, BinaryOperator<V> merge,
            int threads, TaskMonitor monitor) throws DatasetException {
        return scan(file, newVisitor, merge, threads, monitor, MIN_PARALLEL_BYTES);
    }

    static <V extends RecordVisitor> V scan(Path file, Supplier<V> newVisitor, BinaryOperator<V> merge,
            int threads, TaskMonitor monitor, long minParallelBytes) throws DatasetException {
        return scan(file, newVisitor, merge, threads, monitor, minParallelBytes, true);
    }

    /** With {@code turnDetails} false, turns are counted but not read (see {@link DatasetScanner#scan}). */
    static <V extends RecordVisitor> V scan(Path file, Supplier<V> newVisitor, BinaryOperator<V> merge,
            int threads, TaskMonitor monitor, long minParallelBytes, boolean turnDetails) throws DatasetException {
        List<Long> starts = threads > 1 ? sliceStarts(file, threads, minParallelBytes) : List.of();
        if (starts.size() < 2) {
            return sequential(file, newVisitor, monitor, turnDetails);
        }
        DatasetFormat format = starts.get(0) == -1 ? DatasetFormat.JSONL : DatasetFormat.JSON_ARRAY;
        starts.set(0, 0L);
        ExecutorService pool = Executors.newFixedThreadPool(starts.size(), r -> {
            Thread t = new Thread(r, "parallel-scan");
            t.setDaemon(true);
            return t;
        });
        try {
            long size = Files.size(file);
            AtomicLongArray done = new AtomicLongArray(starts.size());
            List<Future<Slice<V>>> futures = new ArrayList<>();
            for (int k = 0; k < starts.size(); k++) {
                int slice = k;
                long from = starts.get(k);
                long to = k + 1 < starts.size() ? starts.get(k + 1) : -1;
                TaskMonitor part = new TaskMonitor() {
                    @Override
                    public void progress(long at, long total) {
                        done.set(slice, at - from);
                        long sum = 0;
                        for (int i = 0; i < done.length(); i++) {
                            sum += done.get(i);
                        }
                        monitor.progress(sum, size);
                    }

                    @Override
                    public boolean isCancelled() {
                        return monitor.isCancelled();
                    }
                };
                futures.add(pool.submit(() -> {
                    V visitor = newVisitor.get();
                    long stoppedAt = DatasetScanner.scanSlice(file, format, from, to, visitor, part, turnDetails);
                    return new Slice<>(visitor, stoppedAt == to);
                }));
            }
            V merged = null;
            for (Future<Slice<V>> f : futures) {
                Slice<V> slice = f.get();
                if (!slice.endedWhereTheNextBegins) {
                    return sequential(file, newVisitor, monitor, turnDetails);
                }
                merged = merged == null ? slice.visitor : merge.apply(merged, slice.visitor);
            }
            monitor.progress(size, size);
            merged.finish(format, -1);
            return merged;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CancellationException) {
                throw (CancellationException) e.getCause();
            }
            return sequential(file, newVisitor, monitor, turnDetails);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (IOException e) {
            return sequential(file, newVisitor, monitor, turnDetails);
        } finally {
            pool.shutdownNow();
        }
    }

    private record Slice<V>(V visitor, boolean endedWhereTheNextBegins) {
    }

    private static <V extends RecordVisitor> V sequential(Path file, Supplier<V> newVisitor, TaskMonitor monitor,
            boolean turnDetails) throws DatasetException {
        V visitor = newVisitor.get();
        DatasetScanner.scan(file, visitor, monitor, turnDetails);
        return visitor;
    }

    /**
     * Offsets of the record starts where slices begin; element 0 is 0 for a JSON array and -1 for JSON Lines.
     * Fewer than two elements when the file should be read sequentially.
     */
    static List<Long> sliceStarts(Path file, int threads, long minParallelBytes) {
        List<Long> starts = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < minParallelBytes) {
                return starts;
            }
            byte[] head = read(ch, 0);
            byte[] pattern = recordStartPattern(head);
            if (pattern == null) {
                return starts;
            }
            starts.add(head[firstNonSpace(head, 0)] == '[' ? 0L : -1L);
            long previous = 0;
            for (int k = 1; k < threads; k++) {
                long from = size * k / threads;
                byte[] window = read(ch, from);
                int at = indexOf(window, pattern);
                if (at < 0) {
                    break;
                }
                long recordStart = from + at + pattern.length - 1;
                if (recordStart > previous) {
                    starts.add(recordStart);
                    previous = recordStart;
                }
            }
        } catch (IOException e) {
            starts.clear();
        }
        return starts;
    }

    /** {@code "\n" + indent + "{"} as used before the first record, or null for a compact layout. */
    private static byte[] recordStartPattern(byte[] head) {
        int first = firstNonSpace(head, 0);
        if (first < 0) {
            return null;
        }
        int brace = head[first] == '[' ? firstNonSpace(head, first + 1) : first;
        if (brace < 0 || head[brace] != '{') {
            return null;
        }
        int newline = brace - 1;
        while (newline >= 0 && head[newline] != '\n') {
            if (head[newline] != ' ' && head[newline] != '\t') {
                return null;
            }
            newline--;
        }
        if (head[first] == '[' && newline < first) {
            return null;
        }
        byte[] pattern = new byte[brace - newline + 1];
        pattern[0] = '\n';
        System.arraycopy(head, newline + 1, pattern, 1, brace - newline);
        return pattern;
    }

    private static int firstNonSpace(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            int c = b[i] & 0xff;
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != 0xEF && c != 0xBB && c != 0xBF) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] window, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= window.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (window[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] read(FileChannel ch, long at) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(WINDOW, Math.max(0, ch.size() - at)));
        while (buf.hasRemaining() && ch.read(buf, at + buf.position()) >= 0) {
            // keep reading until the window is full or the file ends
        }
        return buf.array();
    }
}
