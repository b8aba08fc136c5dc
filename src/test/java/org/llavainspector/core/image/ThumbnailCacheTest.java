package org.llavainspector.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ThumbnailCacheTest {
    /** Serves the ironing JPEG under any name ending in .jpg, counts opens, and can hold one path back. */
    private static final class FakeSource implements ImageSource {
        final Map<String, AtomicInteger> opens = new ConcurrentHashMap<>();
        final CountDownLatch gateEntered = new CountDownLatch(1);
        final CountDownLatch gate = new CountDownLatch(1);
        final String gatedPath;
        private final byte[] jpeg = TestImages.ironingJpeg();

        FakeSource(String gatedPath) {
            this.gatedPath = gatedPath;
        }

        int opens(String path) {
            AtomicInteger n = opens.get(path);
            return n == null ? 0 : n.get();
        }

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public boolean contains(String path) {
            return path.endsWith(".jpg");
        }

        @Override
        public long size(String path) {
            return contains(path) ? jpeg.length : -1;
        }

        @Override
        public InputStream open(String path) throws IOException {
            if (!contains(path)) {
                throw new NoSuchFileException(path);
            }
            opens.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
            if (path.equals(gatedPath)) {
                gateEntered.countDown();
                try {
                    gate.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return new ByteArrayInputStream(jpeg);
        }

        @Override
        public List<Entry> entries() {
            return List.of();
        }

        @Override
        public void close() {
        }
    }

    private static ImageLoader loaderOf(FakeSource source) {
        return new ImageLoader(new ImageSources(List.of(source), List.of()), new ImageDecoder());
    }

    private static LoadedImage get(CompletableFuture<LoadedImage> f) {
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aClosedCacheTakesRequestsWithoutThrowingAndLoadsNothing() throws Exception {
        // the window asks the cache it last saw while new image sources replace (and close) it: the sample shown
        // asks for its neighbours on the FX thread, where an exception would skip the rest of the handler
        FakeSource source = new FakeSource("a.jpg");
        ThumbnailCache cache = new ThumbnailCache(loaderOf(source), 64L << 20, 1);
        cache.close();
        CompletableFuture<LoadedImage> late = cache.request("a.jpg");
        cache.prefetch(List.of("b.jpg", "c.jpg"));
        Thread.sleep(50);
        assertFalse(late.isDone(), "pending requests of a closed cache are never completed");
        assertEquals(0, source.opens("a.jpg") + source.opens("b.jpg"));
        assertEquals(0, cache.stats().decodes());
    }

    @Test
    void cancellingARequestThatHasNotStartedNeverDecodesIt() throws Exception {
        FakeSource source = new FakeSource("busy.jpg");
        try (ThumbnailCache cache = new ThumbnailCache(loaderOf(source), 64L << 20, 1)) {
            CompletableFuture<LoadedImage> busy = cache.request("busy.jpg");
            assertTrue(source.gateEntered.await(30, TimeUnit.SECONDS), "the one thread is now busy");
            CompletableFuture<LoadedImage> scrolledAway = cache.request("scrolled-away.jpg");

            assertTrue(scrolledAway.cancel(true));
            source.gate.countDown();
            get(busy);
            // A request queued after the cancelled one: once it is done, the cancelled task has had its turn.
            get(cache.request("after.jpg"));

            assertEquals(0, source.opens("scrolled-away.jpg"), "the cancelled load must not read or decode");
            assertEquals(2, cache.stats().decodes());
            assertEquals(1, cache.stats().droppedBeforeStart());
            assertFalse(cache.getIfPresent("scrolled-away.jpg").isPresent());
        }
    }

    @Test
    void aLoadStaysWantedWhileAnyRequesterStillWantsIt() throws Exception {
        FakeSource source = new FakeSource("busy.jpg");
        try (ThumbnailCache cache = new ThumbnailCache(loaderOf(source), 64L << 20, 1)) {
            CompletableFuture<LoadedImage> busy = cache.request("busy.jpg");
            assertTrue(source.gateEntered.await(30, TimeUnit.SECONDS));
            CompletableFuture<LoadedImage> cell = cache.request("shared.jpg");
            CompletableFuture<LoadedImage> detail = cache.request("shared.jpg");

            cell.cancel(true);
            source.gate.countDown();

            LoadedImage image = get(detail);
            assertEquals(ImageStatus.OK, image.status());
            assertEquals(1, source.opens("shared.jpg"));
            get(busy);
        }
    }

    @Test
    void aCancelledLoadCanBeRequestedAgain() throws Exception {
        FakeSource source = new FakeSource("busy.jpg");
        try (ThumbnailCache cache = new ThumbnailCache(loaderOf(source), 64L << 20, 1)) {
            cache.request("busy.jpg");
            assertTrue(source.gateEntered.await(30, TimeUnit.SECONDS));
            cache.request("back.jpg").cancel(true);
            CompletableFuture<LoadedImage> again = cache.request("back.jpg");
            source.gate.countDown();

            assertEquals(ImageStatus.OK, get(again).status());
        }
    }

    @Test
    void cachedThumbnailsAreServedWithoutDecodingAgain() {
        FakeSource source = new FakeSource(null);
        try (ThumbnailCache cache = new ThumbnailCache(loaderOf(source), 64L << 20, 2)) {
            LoadedImage first = get(cache.request("a.jpg"));
            LoadedImage second = get(cache.request("a.jpg"));

            assertTrue(first == second);
            assertEquals(1, source.opens("a.jpg"));
            assertTrue(cache.getIfPresent("a.jpg").isPresent());
            ThumbnailCache.Stats stats = cache.stats();
            assertEquals(2, stats.hits(), "the second request and getIfPresent");
            assertEquals(1, stats.misses());
        }
    }

    @Test
    void failedLoadsCompleteWithAFailureThumbnailNotAnException() {
        FakeSource source = new FakeSource(null);
        try (ThumbnailCache cache = new ThumbnailCache(loaderOf(source), 64L << 20, 2)) {
            LoadedImage missing = get(cache.request("no-such.png"));

            assertEquals(ImageStatus.MISSING, missing.status());
            assertFalse(missing.hasPixels());
        }
    }

    @Test
    void weightNeverExceedsTheBudget() {
        FakeSource source = new FakeSource(null);
        long oneThumbnail = new ImageLoader(new ImageSources(List.of(source), List.of()), new ImageDecoder())
                .thumbnail("probe.jpg").weightBytes();
        long budget = 2 * ThumbnailCache.largestThumbnailWeight(ImageLimits.DEFAULTS) + 4 * oneThumbnail;
        try (ThumbnailCache cache = new ThumbnailCache(loaderOf(source), budget, 2)) {
            List<CompletableFuture<LoadedImage>> all = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                all.add(cache.request(i + ".jpg"));
                if (i % 10 == 9) {
                    all.forEach(ThumbnailCacheTest::get);
                    assertTrue(cache.stats().currentWeight() <= budget);
                }
            }
            all.forEach(ThumbnailCacheTest::get);

            ThumbnailCache.Stats stats = cache.stats();
            assertEquals(200, stats.decodes());
            assertTrue(stats.peakWeight() <= budget, stats.peakWeight() + " > " + budget);
            assertTrue(stats.peakWeight() >= 3 * oneThumbnail, "the budget was actually used: " + stats);
            assertTrue(stats.evictions() >= 190, "evicted " + stats.evictions());
            assertTrue(stats.entries() * oneThumbnail <= budget, "entries: " + stats.entries());
        }
    }

    @Test
    void prefetchLoadsNeighboursAheadOfTime() throws Exception {
        FakeSource source = new FakeSource(null);
        try (ThumbnailCache cache = new ThumbnailCache(loaderOf(source), 64L << 20, 2)) {
            cache.prefetch(List.of("next.jpg", "previous.jpg"));
            CompletableFuture<LoadedImage> next = cache.request("next.jpg");
            assertNotNull(get(next));
            get(cache.request("previous.jpg"));

            assertEquals(1, source.opens("next.jpg"));
            assertEquals(1, source.opens("previous.jpg"));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
