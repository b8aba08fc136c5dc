package org.llavainspector.core.compare;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.llavainspector.core.image.DifferenceHash;
import org.llavainspector.core.image.ImageLoader;
import org.llavainspector.core.image.ImageStatus;
import org.llavainspector.core.image.LoadedImage;
import org.llavainspector.core.util.TaskMonitor;

/**
 * The perceptual hashes ({@link DifferenceHash}) of a list of distinct images, computed in parallel on a bounded pool
 * of its own from subsampled decodes, reusing and filling an {@link ImageHashCache}. Missing and undecodable images
 * are counted, never a failure of the pass.
 */
public final class ImageHashes {
    private static final long POLL_MILLIS = 100;

    /**
     * The outcome for each image, in the order given.
     *
     * @param status  each image's status: OK or WRONG_FORMAT (decoded; hashed), or the problem that kept it unhashed
     * @param hashes  each image's hash (0 where not hashed)
     * @param decoded how many images were decoded in this pass (the others came from the cache or were missing)
     */
    public record Result(List<String> paths, ImageStatus[] status, long[] hashes, int decoded, int fromCache) {
        /** True when image i was hashed. */
        public boolean hashed(int i) {
            return isHashable(status[i]);
        }

        /** How many images were hashed. */
        public int hashedCount() {
            int n = 0;
            for (ImageStatus s : status) {
                n += isHashable(s) ? 1 : 0;
            }
            return n;
        }

        /** Images left unhashed, by problem (missing, unreadable, corrupt). */
        public Map<ImageStatus, Integer> problems() {
            Map<ImageStatus, Integer> counts = new EnumMap<>(ImageStatus.class);
            for (ImageStatus s : status) {
                if (!isHashable(s)) {
                    counts.merge(s, 1, Integer::sum);
                }
            }
            return counts;
        }
    }

    private ImageHashes() {
    }

    /** A decode with this status has trustworthy pixels (a misnamed image is fine; a truncated one is not). */
    static boolean isHashable(ImageStatus status) {
        return status == ImageStatus.OK || status == ImageStatus.WRONG_FORMAT;
    }

    /**
     * Hashes every image of {@code paths} (distinct dataset paths) on {@code threads} threads. Progress (images done
     * of all) and cancellation go through {@code monitor} on the calling thread.
     *
     * @param cache hashes stored before (used and filled), or null to decode everything
     * @throws CancellationException when the monitor is cancelled; what was hashed so far stays in the cache
     */
    public static Result compute(List<String> paths, ImageLoader loader, ImageHashCache cache, int threads,
            TaskMonitor monitor) {
        int n = paths.size();
        ImageStatus[] status = new ImageStatus[n];
        long[] hashes = new long[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger decoded = new AtomicInteger();
        AtomicInteger cached = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        int workers = Math.max(1, Math.min(threads, n));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "image-hashes");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<?>[] running = new Future<?>[workers];
            for (int w = 0; w < workers; w++) {
                running[w] = pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n && !stop.get(); i = next.getAndIncrement()) {
                        hashOne(paths.get(i), loader, cache, i, status, hashes, decoded, cached);
                        done.incrementAndGet();
                    }
                });
            }
            monitor.progress(0, n);
            for (Future<?> f : running) {
                while (true) {
                    if (monitor.isCancelled() || Thread.currentThread().isInterrupted()) {
                        stop.set(true);
                        throw new CancellationException("cancelled");
                    }
                    monitor.progress(done.get(), n);
                    try {
                        f.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                        break;
                    } catch (TimeoutException e) {
                        // poll again
                    } catch (InterruptedException e) {
                        stop.set(true);
                        Thread.currentThread().interrupt();
                        throw new CancellationException("interrupted");
                    } catch (ExecutionException e) {
                        stop.set(true);
                        Throwable cause = e.getCause();
                        throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
                    }
                }
            }
            monitor.progress(n, n);
        } finally {
            stop.set(true);
            pool.shutdown();
        }
        return new Result(List.copyOf(paths), status, hashes, decoded.get(), cached.get());
    }

    private static void hashOne(String path, ImageLoader loader, ImageHashCache cache, int i, ImageStatus[] status,
            long[] hashes, AtomicInteger decoded, AtomicInteger cached) {
        Optional<ImageHashCache.Key> key = cache == null ? Optional.empty() : cache.keyOf(loader.sources(), path);
        if (key.isPresent()) {
            Optional<ImageHashCache.Entry> stored = cache.get(key.get());
            if (stored.isPresent()) {
                status[i] = stored.get().status();
                hashes[i] = stored.get().hash();
                cached.incrementAndGet();
                return;
            }
        }
        LoadedImage image = loader.load(path, DifferenceHash.DECODE_SIDE);
        if (image.status() != ImageStatus.MISSING) {
            decoded.incrementAndGet();
        }
        boolean hashable = isHashable(image.status()) && image.hasPixels();
        status[i] = hashable || image.status().isProblem() ? image.status() : ImageStatus.CORRUPT;
        hashes[i] = hashable ? DifferenceHash.of(image) : 0;
        if (key.isPresent() && image.status() != ImageStatus.MISSING) {
            cache.put(key.get(), new ImageHashCache.Entry(status[i], hashes[i]));
        }
    }
}
