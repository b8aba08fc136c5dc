package org.llavainspector.core.image;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
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
 *
 * <p>The pixels of a cached thumbnail are kept in {@link PixelPages} (see there why), and every request gets its
 * own copy of them: a thumbnail's weight is the pages it takes.
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
    private final PixelPages pages;
    private final AsyncCache<String, Stored> cache;
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
        this.pages = new PixelPages(budgetBytes);
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maximumWeight)
                .weigher((String key, Stored stored) -> (int) Math.min(Integer.MAX_VALUE, stored.weight()))
                .removalListener((String key, Stored stored, RemovalCause cause) -> {
                    if (stored != null) {
                        stored.release();
                    }
                })
                .executor(Runnable::run)
                .recordStats()
                .buildAsync();
    }

    /**
     * The thumbnail of dataset path {@code path}: completed at once when cached, otherwise when loaded. Cancel the
     * returned future when the thumbnail is no longer wanted.
     */
    public CompletableFuture<LoadedImage> request(String path) {
        CompletableFuture<Stored> load = share(path);
        CompletableFuture<LoadedImage> mine = new CompletableFuture<>();
        load.whenComplete((stored, error) -> deliver(path, stored, error, mine));
        mine.whenComplete((image, error) -> release(path, load, mine.isCancelled()));
        return mine;
    }

    /** Starts loading {@code paths} (e.g. the neighbours of the current sample); these loads run to completion. */
    public void prefetch(Collection<String> paths) {
        for (String path : paths) {
            CompletableFuture<Stored> load = share(path);
            load.whenComplete((stored, error) -> release(path, load, false));
        }
    }

    /** The thumbnail if it is loaded and still cached; never waits. */
    public Optional<LoadedImage> getIfPresent(String path) {
        CompletableFuture<Stored> f = cache.getIfPresent(path);
        return f != null && f.isDone() && !f.isCompletedExceptionally() ? Optional.ofNullable(f.join().copy())
                : Optional.empty();
    }

    /** The shared load of {@code path}, cached or started, with one more requester interested in it. */
    private CompletableFuture<Stored> share(String path) {
        AtomicReference<CompletableFuture<Stored>> shared = new AtomicReference<>();
        // Under the key's lock, so that a release that cancels the load cannot slip in between.
        interest.compute(path, (key, count) -> {
            shared.set(cache.get(key, (k, ignored) -> startLoad(k)));
            return count == null ? 1 : count + 1;
        });
        return shared.get();
    }

    /** Completes a requester's future with its own copy of the loaded thumbnail. */
    private void deliver(String path, Stored stored, Throwable error, CompletableFuture<LoadedImage> mine) {
        if (mine.isDone()) {
            return; // cancelled by the requester
        }
        if (stored == null) {
            mine.complete(cannotLoad(path, error));
            return;
        }
        LoadedImage image = stored.copy();
        if (image != null) {
            mine.complete(image);
            return;
        }
        // evicted between its load and this copy (rare, and possible only under a full budget): decoded once more,
        // for this requester alone
        try {
            pool.execute(() -> {
                if (!mine.isDone()) {
                    decodes.incrementAndGet();
                    mine.complete(loadOrFailure(path));
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // closed meanwhile: never completed, as close() says
        }
    }

    /** Forgets every cached thumbnail, e.g. after the image sources changed. Loads in flight still complete. */
    public void invalidateAll() {
        cache.synchronous().invalidateAll();
    }

    /** Bytes of pixel pages holding thumbnails now (cached, or loaded and about to be). */
    long pixelBytesInUse() {
        return (long) (pages.pagesMade() - pages.pagesFree()) * PixelPages.PAGE_BYTES;
    }

    public Stats stats() {
        cache.synchronous().cleanUp();
        var caffeine = cache.synchronous().stats();
        return new Stats(caffeine.hitCount(), caffeine.missCount(), caffeine.evictionCount() + trimmed.get(), decodes.get(),
                dropped.get(), currentWeight(), peakWeight.get(), budget, cache.synchronous().estimatedSize());
    }

    private CompletableFuture<Stored> startLoad(String path) {
        CompletableFuture<Stored> load = new CompletableFuture<>();
        try {
            pool.execute(() -> load(path, load));
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // the cache is closed (new image sources replaced it, or the window closed): never completed, as
            // close() says; asked from the FX thread, an exception would cut its handler short
        }
        return load;
    }

    private void load(String path, CompletableFuture<Stored> load) {
        if (load.isDone()) {
            dropped.incrementAndGet(); // cancelled before a thread got to it: decode nothing
            return;
        }
        decodes.incrementAndGet();
        try {
            Stored stored = Stored.of(loader.thumbnail(path), pages);
            // The requesters waiting now are given the decoded image itself, even if the cache turned it away at
            // once (its admission policy may); later ones get copies of the pages.
            if (!load.complete(stored)) {
                stored.release(); // cancelled while it was decoded (scrolled away): it never enters the cache
            }
            stored.forgetDecoded();
        } catch (Throwable t) {
            load.completeExceptionally(t);
        }
        // Completing the future ran Caffeine's bookkeeping for it on this thread: the weight now includes it.
        samplePeakAndTrim();
    }

    /**
     * An upper bound of the weight of a cached thumbnail (and of {@link LoadedImage#weightBytes()}): a longest side of
     * 3/2 the thumbnail side (see {@link ImageDecoder#decodeThumbnail}) in whole pages, plus a path and message of
     * 2,000 chars together.
     */
    static long largestThumbnailWeight(ImageLimits limits) {
        long side = limits.thumbnailSide();
        return (long) PixelPages.pagesFor(9 * side * side / 4 + 1) * PixelPages.PAGE_BYTES + 4096;
    }

    private LoadedImage loadOrFailure(String path) {
        try {
            return loader.thumbnail(path);
        } catch (RuntimeException e) {
            return cannotLoad(path, e);
        }
    }

    private static LoadedImage cannotLoad(String path, Throwable why) {
        return LoadedImage.failure(path, ImageStatus.UNREADABLE, "cannot load: " + why, ImageFormat.UNKNOWN);
    }

    private void release(String path, CompletableFuture<Stored> load, boolean cancelled) {
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

    /**
     * A cached thumbnail: a failure as it is; a decoded one as its description and its pixels in pages, or, when no
     * page was free, with its own pixel array.
     */
    private static final class Stored {
        /** A failure, or a decoded image that found no free page: served as it is. */
        private final LoadedImage kept;
        /** A decoded image in pages: what it is, without its pixels. */
        private final LoadedImage described;
        private final PixelPages store;
        private final long weight;
        private int[] pageNumbers; // guarded by this; null once released
        private LoadedImage decoded; // guarded by this; the decoder's image while its load completes

        private Stored(LoadedImage image, PixelPages store, int[] pageNumbers) {
            this.kept = pageNumbers == null ? image : null;
            this.described = pageNumbers == null ? null : image.withoutPixels();
            this.store = store;
            this.pageNumbers = pageNumbers;
            this.decoded = image;
            this.weight = pageNumbers == null ? image.weightBytes()
                    : described.weightBytes() + (long) pageNumbers.length * PixelPages.PAGE_BYTES;
        }

        static Stored of(LoadedImage image, PixelPages store) {
            int[] numbers = image.hasPixels() ? store.allocate(PixelPages.pagesFor(image.argb().length)) : null;
            if (numbers != null) {
                store.write(numbers, image.argb());
            }
            return new Stored(image, store, numbers);
        }

        long weight() {
            return weight;
        }

        /** The thumbnail: while its load completes the decoded one, then a copy with pixels of its own; null once evicted. */
        synchronized LoadedImage copy() {
            if (kept != null) {
                return kept;
            }
            if (decoded != null) {
                return decoded;
            }
            if (pageNumbers == null) {
                return null;
            }
            return described.withPixels(store.read(pageNumbers, described.width() * described.height()));
        }

        synchronized void forgetDecoded() {
            decoded = null;
        }

        synchronized void release() {
            if (pageNumbers != null) {
                store.release(pageNumbers);
                pageNumbers = null;
            }
        }
    }

    /** Stops the loading threads; pending requests, and any made after, are never completed. */
    @Override
    public void close() {
        pool.shutdownNow();
    }
}
