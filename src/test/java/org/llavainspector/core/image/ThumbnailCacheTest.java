package org.llavainspector.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
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
    private static class FakeSource implements ImageSource {
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
        try (ThumbnailCache cache = new ThumbnailCache(loaderOf(source), 64L << 20, 1)) {
            LoadedImage first = get(cache.request("a.jpg"));
            get(cache.request("b.jpg")); // the one thread is done with a.jpg: a.jpg is now served from the cache alone
            LoadedImage second = get(cache.request("a.jpg"));

            assertNotSame(first.argb(), second.argb(), "each request has pixels of its own");
            assertArrayEquals(first.argb(), second.argb());
            assertEquals(first.toString(), second.toString());
            assertEquals(1, source.opens("a.jpg"));
            assertTrue(cache.getIfPresent("a.jpg").isPresent());
            ThumbnailCache.Stats stats = cache.stats();
            assertEquals(2, stats.hits(), "the second request and getIfPresent");
            assertEquals(2, stats.misses());
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
            // a thumbnail evicted between its load and a requester's copy is decoded once more for that requester:
            // under a budget of three thumbnails, now and then
            assertTrue(stats.decodes() >= 200 && stats.decodes() <= 210, "decodes: " + stats.decodes());
            assertTrue(stats.peakWeight() <= budget, stats.peakWeight() + " > " + budget);
            assertTrue(stats.peakWeight() >= 3 * oneThumbnail, "the budget was actually used: " + stats);
            assertTrue(stats.evictions() >= 190, "evicted " + stats.evictions());
            assertTrue(stats.entries() * oneThumbnail <= budget, "entries: " + stats.entries());
        }
    }

    @Test
    void aCachedThumbnailHasTheDecodersPixelsAndSize() {
        FakeSource source = new FakeSource(null);
        LoadedImage decoded = loaderOf(source).thumbnail("a.jpg");
        try (ThumbnailCache cache = new ThumbnailCache(loaderOf(source), 64L << 20, 1)) {
            assertArrayEquals(decoded.argb(), get(cache.request("a.jpg")).argb());
            get(cache.request("b.jpg")); // the one thread is done with a.jpg: a.jpg is now served from the cache alone
            LoadedImage hit = get(cache.request("a.jpg"));

            assertEquals(decoded.width(), hit.width());
            assertEquals(decoded.height(), hit.height());
            assertEquals(decoded.sourceWidth(), hit.sourceWidth());
            assertEquals(decoded.format(), hit.format());
            assertEquals(decoded.status(), hit.status());
            assertArrayEquals(decoded.argb(), hit.argb());
            assertArrayEquals(decoded.argb(), cache.getIfPresent("a.jpg").orElseThrow().argb());
            long pages = PixelPages.pagesFor(decoded.argb().length);
            long expected = 2 * (pages * PixelPages.PAGE_BYTES + decoded.weightBytes() - 4L * decoded.argb().length);
            assertEquals(expected, settledWeight(cache, expected), "a thumbnail weighs the pages it takes");
        }
    }

    @Test
    void aThumbnailHandedOutKeepsItsPixelsAfterItsPagesServeAnother() {
        // a budget of two thumbnails with one thread: loading many evicts the first and reuses its pages
        FakeSource source = new FakeSource(null);
        LoadedImage decoded = loaderOf(source).thumbnail("a.jpg");
        long budget = ThumbnailCache.largestThumbnailWeight(ImageLimits.DEFAULTS) + 2 * decoded.weightBytes()
                + 2L * PixelPages.PAGE_BYTES;
        try (ThumbnailCache cache = new ThumbnailCache(loaderOf(new RotatingSource()), budget, 1)) {
            LoadedImage first = get(cache.request("0.jpg"));
            int[] before = first.argb().clone();
            for (int i = 1; i < 20; i++) {
                LoadedImage other = get(cache.request(i + ".jpg"));
                assertEquals(RotatingSource.colourOf(i), other.argb()[other.argb().length / 2], "thumbnail " + i);
            }
            assertTrue(cache.stats().evictions() >= 15, cache.stats().toString());
            assertArrayEquals(before, first.argb());
            LoadedImage again = get(cache.request("0.jpg"));
            assertEquals(RotatingSource.colourOf(0), again.argb()[again.argb().length / 2]);
        }
    }

    @Test
    void aLoadCancelledWhileItDecodesGivesItsPagesBack() throws Exception {
        // the grid scrolls away from a thumbnail whose decode has begun: the load completes into a cancelled future,
        // never enters the cache, and must not keep its pages (over a long session the pages would all leak away)
        FakeSource source = new FakeSource("scrolled-away.jpg");
        LoadedImage decoded = loaderOf(source).thumbnail("a.jpg");
        long onePage = PixelPages.PAGE_BYTES;
        long oneThumbnail = PixelPages.pagesFor(decoded.argb().length) * onePage;
        try (ThumbnailCache cache = new ThumbnailCache(loaderOf(source), 64L << 20, 1)) {
            CompletableFuture<LoadedImage> away = cache.request("scrolled-away.jpg");
            assertTrue(source.gateEntered.await(30, TimeUnit.SECONDS), "its decode has begun");
            away.cancel(true);
            source.gate.countDown();
            get(cache.request("after.jpg")); // the one thread has finished the cancelled load before this one

            assertEquals(1, cache.stats().entries());
            assertEquals(oneThumbnail, cache.pixelBytesInUse(), "only after.jpg holds pages");
            assertEquals(2, cache.stats().decodes());
        }
    }

    @Test
    void aLoadForgottenWhileItDecodesGivesItsPagesBackWhenItEnds() throws Exception {
        // the cache is cleared (new image sources) while a thumbnail is being decoded: its pages come back too
        FakeSource source = new FakeSource("busy.jpg");
        try (ThumbnailCache cache = new ThumbnailCache(loaderOf(source), 64L << 20, 1)) {
            CompletableFuture<LoadedImage> busy = cache.request("busy.jpg");
            assertTrue(source.gateEntered.await(30, TimeUnit.SECONDS));
            cache.invalidateAll();
            source.gate.countDown();
            assertEquals(ImageStatus.OK, get(busy).status(), "its requester still gets it");
            get(cache.request("after.jpg"));
            cache.invalidateAll();

            assertEquals(0, cache.stats().entries());
            assertEquals(0, cache.pixelBytesInUse(), "no page is held once nothing is cached");
        }
    }

    @Test
    void aThumbnailLargerThanTheWholeBudgetIsStillServed() {
        // no page can be had: the thumbnail keeps its own pixels rather than failing
        FakeSource source = new FakeSource(null);
        LoadedImage decoded = loaderOf(source).thumbnail("a.jpg");
        try (ThumbnailCache cache = new ThumbnailCache(loaderOf(source), PixelPages.PAGE_BYTES, 1)) {
            assertArrayEquals(decoded.argb(), get(cache.request("a.jpg")).argb());
            assertArrayEquals(decoded.argb(), get(cache.request("a.jpg")).argb());
        }
    }

    /** The cache's weight once it reaches {@code expected} (a requester can be told before the cache weighs a load). */
    private static long settledWeight(ThumbnailCache cache, long expected) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (cache.stats().currentWeight() < expected && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return cache.stats().currentWeight();
    }

    /** Serves, for "N.jpg", a flat PNG whose colour depends on N. */
    private static final class RotatingSource extends FakeSource {
        RotatingSource() {
            super(null);
        }

        static int colourOf(int n) {
            return 0xFF000000 | (n * 0x0B1F37) & 0xFFFFFF;
        }

        @Override
        public InputStream open(String path) throws IOException {
            int n = Integer.parseInt(path.substring(0, path.indexOf('.')));
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(200, 150,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = image.createGraphics();
            g.setColor(new java.awt.Color(colourOf(n)));
            g.fillRect(0, 0, 200, 150);
            g.dispose();
            java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", png);
            return new ByteArrayInputStream(png.toByteArray());
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
