package org.llavainspector.core.image;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Decoded thumbnails, loaded asynchronously on a bounded pool and kept within a memory budget.
 *
 * <p>Each {@link #request} returns the caller's own future. Cancelling it withdraws that caller's interest; when no
 * caller is interested any more in a load that has not started, the load is dropped before it decodes anything
 * (a grid cell scrolled away). Futures never fail: a bad image completes them with a failure {@link LoadedImage}.
 *
 * <p>The budget bounds the sum of {@link LoadedImage#weightBytes()} of the cached thumbnails. Caffeine trims the
 * cache on the thread that completed a load, but a thumbnail just added can sit beside the ones about to be evicted
 * for a moment, one per loading thread; so Caffeine's {@code maximumWeight} is the budget less one largest thumbnail
 * per thread, and after every load the cache is trimmed back to that maximum (Caffeine alone may linger above it),
 * so the cache never holds more than the budget. The peak weight is sampled after every load, before trimming.
 */
public final class ThumbnailCache implements AutoCloseable {
    public static final long DEFAULT_BUDGET_BYTES = 256L << 20;

    /** Counters since the cache was built; weights in bytes. */
    public record Stats(long hits, long misses, long evictions, long decodes, long droppedBeforeStart,
                        long currentWeight, long peakWeight, long budget, long entries) {
    }

    private final ImageLoader loader;
    private final long budget;
    private final ExecutorService pool;
    private final AsyncCache<String, LoadedImage> cache;
    private final ConcurrentHashMap<String, Integer> interest = new ConcurrentHashMap<>();
    private final AtomicLong decodes = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong peakWeight = new AtomicLong();
    private final AtomicLong trimmed = new AtomicLong();
    private final long maximumWeight;

    /** A cache with the default budget and one loading thread per core. */
    public ThumbnailCache(ImageLoader loader) {
        this(loader, DEFAULT_BUDGET_BYTES, Runtime.getRuntime().availableProcessors());
    }

    public ThumbnailCache(ImageLoader loader, long budgetBytes, int threads) {
        if (budgetBytes < 1 || threads < 1) {
            throw new IllegalArgumentException("budget and threads must be positive");
        }
        this.loader = loader;
        this.budget = budgetBytes;
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                daemonThreads());
        this.maximumWeight = Math.max(0, budgetBytes - threads * largestThumbnailWeight(loader.limits()));
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maximumWeight)
                .weigher((String key, LoadedImage image) -> (int) Math.min(Integer.MAX_VALUE, image.weightBytes()))
                .executor(Runnable::run)
                .recordStats()
                .buildAsync();
    }

    /**
     * The thumbnail of dataset path {@code path}: completed at once when cached, otherwise when loaded. Cancel the
     * returned future when the thumbnail is no longer wanted.
     */
    public CompletableFuture<LoadedImage> request(String path) {
        AtomicReference<CompletableFuture<LoadedImage>> shared = new AtomicReference<>();
        // Under the key's lock, so that a release that cancels the load cannot slip in between.
        interest.compute(path, (key, count) -> {
            shared.set(cache.get(key, (k, ignored) -> startLoad(k)));
            return count == null ? 1 : count + 1;
        });
        CompletableFuture<LoadedImage> load = shared.get();
        CompletableFuture<LoadedImage> mine = load.handle((image, error) -> image != null ? image
                : LoadedImage.failure(path, ImageStatus.UNREADABLE, "cannot load: " + error, ImageFormat.UNKNOWN));
        mine.whenComplete((image, error) -> release(path, load, mine.isCancelled()));
        return mine;
    }

    /** Starts loading {@code paths} (e.g. the neighbours of the current sample); these loads run to completion. */
    public void prefetch(Collection<String> paths) {
        paths.forEach(this::request);
    }

    /** The thumbnail if it is loaded and still cached; never waits. */
    public Optional<LoadedImage> getIfPresent(String path) {
        CompletableFuture<LoadedImage> f = cache.getIfPresent(path);
        return f != null && f.isDone() && !f.isCompletedExceptionally() ? Optional.of(f.join()) : Optional.empty();
    }

    /** Forgets every cached thumbnail, e.g. after the image sources changed. Loads in flight still complete. */
    public void invalidateAll() {
        cache.synchronous().invalidateAll();
    }

    public Stats stats() {
        cache.synchronous().cleanUp();
        var caffeine = cache.synchronous().stats();
        return new Stats(caffeine.hitCount(), caffeine.missCount(), caffeine.evictionCount() + trimmed.get(), decodes.get(),
                dropped.get(), currentWeight(), peakWeight.get(), budget, cache.synchronous().estimatedSize());
    }

    private CompletableFuture<LoadedImage> startLoad(String path) {
        CompletableFuture<LoadedImage> load = new CompletableFuture<>();
        try {
            pool.execute(() -> load(path, load));
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // the cache is closed (new image sources replaced it, or the window closed): never completed, as
            // close() says; asked from the FX thread, an exception would cut its handler short
        }
        return load;
    }

    private void load(String path, CompletableFuture<LoadedImage> load) {
        if (load.isDone()) {
            dropped.incrementAndGet(); // cancelled before a thread got to it: decode nothing
            return;
        }
        decodes.incrementAndGet();
        try {
            load.complete(loader.thumbnail(path));
        } catch (Throwable t) {
            load.completeExceptionally(t);
        }
        // Completing the future ran Caffeine's bookkeeping for it on this thread: the weight now includes it.
        samplePeakAndTrim();
    }

    /**
     * An upper bound of {@link LoadedImage#weightBytes()} for a thumbnail: a longest side of 3/2 the thumbnail side
     * (see {@link ImageDecoder#decodeThumbnail}), plus a path and message of 2,000 chars together.
     */
    static long largestThumbnailWeight(ImageLimits limits) {
        long side = limits.thumbnailSide();
        return 9 * side * side + 4096;
    }

    private void release(String path, CompletableFuture<LoadedImage> load, boolean cancelled) {
        interest.computeIfPresent(path, (key, count) -> {
            if (count > 1) {
                return count - 1;
            }
            if (cancelled && !load.isDone()) {
                // Completes the shared future with a CancellationException; Caffeine then drops the entry.
                load.cancel(false);
            }
            return null;
        });
    }

    private long currentWeight() {
        return cache.synchronous().policy().eviction().flatMap(e -> {
            var w = e.weightedSize();
            return w.isPresent() ? Optional.of(w.getAsLong()) : Optional.empty();
        }).orElse(0L);
    }

    /**
     * Records the weight the cache holds right after a load, then trims it: Caffeine can leave a weighted async
     * cache an entry or so above its maximum until a later write, which a hard budget must not allow.
     */
    private void samplePeakAndTrim() {
        peakWeight.accumulateAndGet(currentWeight(), Math::max);
        var sync = cache.synchronous();
        sync.cleanUp();
        var eviction = sync.policy().eviction().orElseThrow();
        while (currentWeight() > maximumWeight) {
            var coldest = eviction.coldest(1);
            if (coldest.isEmpty()) {
                break;
            }
            coldest.keySet().forEach(sync::invalidate);
            trimmed.incrementAndGet();
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "thumbnail-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        };
    }

    /** Stops the loading threads; pending requests, and any made after, are never completed. */
    @Override
    public void close() {
        pool.shutdownNow();
    }
}
