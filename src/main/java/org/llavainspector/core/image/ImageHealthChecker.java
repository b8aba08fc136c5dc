package org.llavainspector.core.image;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.llavainspector.core.util.TaskMonitor;

/**
 * Checks every image a dataset references: existence and size by default, a decode at thumbnail size when deep.
 *
 * <p>Deep checks run on a pool of threads; problems still reach the {@link ProblemSink} in record order and on the
 * calling thread, and {@code imagesOf} is only ever called from the calling thread, so neither needs to be
 * thread-safe. The cheap check runs on the calling thread alone: a zip lookup costs less than handing it over.
 */
public final class ImageHealthChecker {
    /** Receives each problem found, in record order, on the thread that called {@link #check}. */
    @FunctionalInterface
    public interface ProblemSink {
        void problem(int record, String imagePath, ImageStatus status, String message);
    }

    /** Totals of one pass: images checked and how many ended in each status (OK included). */
    public static final class Report {
        private final int records;
        private final EnumMap<ImageStatus, Long> counts;

        Report(int records, EnumMap<ImageStatus, Long> counts) {
            this.records = records;
            this.counts = counts;
        }

        /** Records checked. */
        public int records() {
            return records;
        }

        public long images() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }

        public long count(ImageStatus status) {
            return counts.getOrDefault(status, 0L);
        }

        public long problems() {
            return images() - count(ImageStatus.OK);
        }

        /** Problem counts by kind name ({@code missing-image}, ...), every kind present, in a stable order. */
        public Map<String, Long> problemCountsByKind() {
            Map<String, Long> out = new LinkedHashMap<>();
            for (ImageStatus s : ImageStatus.values()) {
                if (s.isProblem()) {
                    out.put(s.kind(), count(s));
                }
            }
            return Collections.unmodifiableMap(out);
        }
    }

    private static final int PROGRESS_EVERY = 4096;

    private final ImageLoader loader;
    private final int threads;

    public ImageHealthChecker(ImageLoader loader, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive");
        }
        this.loader = loader;
        this.threads = threads;
    }

    /** A checker with one thread per core for deep checks. */
    public ImageHealthChecker(ImageLoader loader) {
        this(loader, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Checks the images of records {@code 0 .. recordCount-1}; {@code imagesOf.apply(i)} gives the image paths of
     * record {@code i} (empty for a text-only record). Progress is reported in records.
     *
     * @throws CancellationException when the monitor is cancelled; problems found so far have been reported
     */
    public Report check(int recordCount, IntFunction<List<String>> imagesOf, boolean deep, TaskMonitor monitor,
                        ProblemSink sink) {
        EnumMap<ImageStatus, Long> counts = new EnumMap<>(ImageStatus.class);
        if (deep && threads > 1) {
            checkInParallel(recordCount, imagesOf, monitor, sink, counts);
        } else {
            for (int i = 0; i < recordCount; i++) {
                monitor.checkCancelled();
                report(i, checkRecord(imagesOf.apply(i), deep), sink, counts);
                if ((i + 1) % PROGRESS_EVERY == 0) {
                    monitor.progress(i + 1, recordCount);
                }
            }
        }
        monitor.progress(recordCount, recordCount);
        return new Report(recordCount, counts);
    }

    private void checkInParallel(int recordCount, IntFunction<List<String>> imagesOf, TaskMonitor monitor,
                                 ProblemSink sink, EnumMap<ImageStatus, Long> counts) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "image-check");
            t.setDaemon(true);
            return t;
        });
        // A window of records in flight: wide enough to keep every thread busy, small enough to bound memory.
        int window = threads * 32;
        ArrayDeque<Future<List<Outcome>>> inFlight = new ArrayDeque<>(window);
        try {
            int next = 0;
            for (int done = 0; done < recordCount; done++) {
                while (next < recordCount && inFlight.size() < window) {
                    List<String> paths = imagesOf.apply(next++);
                    inFlight.add(pool.submit(() -> checkRecord(paths, true)));
                }
                monitor.checkCancelled();
                report(done, await(inFlight.poll()), sink, counts);
                if ((done + 1) % PROGRESS_EVERY == 0) {
                    monitor.progress(done + 1, recordCount);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Outcome> await(Future<List<Outcome>> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            // checkRecord does not throw for bad images; anything else is a bug worth seeing.
            throw new IllegalStateException(e.getCause());
        }
    }

    private record Outcome(String path, ImageLoader.Check check) {
    }

    private List<Outcome> checkRecord(List<String> paths, boolean deep) {
        if (paths == null || paths.isEmpty()) {
            return List.of();
        }
        List<Outcome> out = new ArrayList<>(paths.size());
        for (String p : paths) {
            out.add(new Outcome(p, deep ? loader.checkDecodes(p) : loader.checkExists(p)));
        }
        return out;
    }

    private static void report(int record, List<Outcome> outcomes, ProblemSink sink,
                               EnumMap<ImageStatus, Long> counts) {
        for (Outcome o : outcomes) {
            ImageStatus status = o.check().status();
            counts.merge(status, 1L, Long::sum);
            if (status.isProblem()) {
                sink.problem(record, o.path(), status, o.check().message());
            }
        }
    }
}
