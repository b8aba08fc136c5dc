package org.llavainspector.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llavainspector.core.dataset.DemoDataset;
import org.llavainspector.core.image.SourceCandidates;

class ImageServiceTest {
    @Test
    void theOpenSourcesCanBeReadWhileSourcesAreBeingOpened() throws Exception {
        // the FX thread asks for the open sources (status bar, session) while a background thread opens a zip,
        // holding the service's lock for as long as that takes
        Path zip = DemoDataset.folder().resolve("images.zip").toAbsolutePath().normalize();
        try (ImageService images = new ImageService(Runnable::run, 16L << 20, 160)) {
            images.addSources(SourceCandidates.named(List.of(zip)), List.of());
            CountDownLatch locked = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> opening = CompletableFuture.runAsync(() -> {
                synchronized (images) { // as addSources holds it while ImageSources.open reads a zip's directory
                    locked.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            assertTrue(locked.await(10, TimeUnit.SECONDS));
            try {
                List<Path> seen = CompletableFuture.supplyAsync(images::sourcePaths).get(2, TimeUnit.SECONDS);
                assertEquals(List.of(zip), seen);
            } finally {
                release.countDown();
                opening.get(10, TimeUnit.SECONDS);
            }
        }
    }

    private static Path demoZip() {
        return DemoDataset.folder().resolve("images.zip").toAbsolutePath().normalize();
    }

    /** A folder of someone's photos, IMG_0001.jpg only: none of the demo's images. */
    private static Path holidayFolder(Path dir) throws java.io.IOException {
        Path holiday = Files.createDirectories(dir.resolve("holiday"));
        Files.write(holiday.resolve("IMG_0001.jpg"), new byte[] {1});
        return holiday;
    }

    @Test
    void aSourceOpenAlreadyStaysWhenAnotherFileProposesItToo(@TempDir Path dir) throws Exception {
        // the demo's zip serves the first file; a second file beside it, whose images lie elsewhere, proposes it again
        Path zip = demoZip();
        Path holiday = holidayFolder(dir);
        try (ImageService images = new ImageService(Runnable::run, 16L << 20, 160)) {
            images.addSources(SourceCandidates.named(List.of()).proposing(List.of(zip, holiday),
                    List.of("000000900001.jpg")), List.of());
            assertEquals(List.of(zip), images.sourcePaths(), "the folder holds none of the first file's images");

            images.addSources(SourceCandidates.named(List.of()).proposing(List.of(zip, holiday),
                    List.of("IMG_0002.jpg")), List.of());

            assertEquals(List.of(zip), images.sourcePaths());
            assertTrue(images.thumbnail("000000900001.jpg").get(10, TimeUnit.SECONDS).hasPixels());
        }
    }

    @Test
    void sourcesOpenAlreadyAreNotOpenedAgainAndACandidateOfNoUseChangesNothing(@TempDir Path dir) throws Exception {
        // opening a second file re-read the directory of every zip open (600K entries: a few hundred ms, 50 MB), and
        // a file that brought no source of use still dropped every cached thumbnail
        Path zip = demoZip();
        Path holiday = holidayFolder(dir);
        try (ImageService images = new ImageService(Runnable::run, 16L << 20, 160)) {
            assertTrue(images.addSources(SourceCandidates.named(List.of(zip)), List.of()));
            var open = images.sources().sources().get(0);
            assertTrue(images.thumbnail("000000900001.jpg").get(10, TimeUnit.SECONDS).hasPixels());
            long decodes = images.thumbnailStats().decodes();

            assertFalse(images.addSources(SourceCandidates.named(List.of()).proposing(List.of(holiday),
                    List.of("IMG_0002.jpg")), List.of()), "the folder holds none of the new file's images");
            assertSame(open, images.sources().sources().get(0));
            assertTrue(images.thumbnail("000000900001.jpg").get(10, TimeUnit.SECONDS).hasPixels());
            assertEquals(decodes, images.thumbnailStats().decodes(), "the thumbnail was still cached");

            assertTrue(images.addSources(SourceCandidates.named(List.of(holiday)), List.of()));
            assertEquals(List.of(zip, holiday.toAbsolutePath().normalize()), images.sourcePaths());
            assertSame(open, images.sources().sources().get(0), "the zip was not opened again");
            assertTrue(images.thumbnail("000000900001.jpg").get(10, TimeUnit.SECONDS).hasPixels(), "nor closed");
        }
    }

    @Test
    void aPrefetchOnlyQueuesTheCachesWorkOnTheBackgroundPool() throws Exception {
        // called on the FX thread at every next-sample key press: the cache's bookkeeping is not done there
        Path zip = DemoDataset.folder().resolve("images.zip").toAbsolutePath().normalize();
        java.util.concurrent.BlockingQueue<Runnable> queued = new java.util.concurrent.LinkedBlockingQueue<>();
        try (ImageService images = new ImageService(queued::add, 16L << 20, 160)) {
            images.addSources(SourceCandidates.named(List.of(zip)), List.of());
            images.prefetch(List.of("000000319154.jpg", "000000900001.jpg"));
            images.prefetch(List.of());
            assertEquals(1, queued.size(), "one job queued, none for an empty list");
            assertEquals(0, images.thumbnailStats().misses(), "nothing asked of the cache yet");
            queued.take().run();
            assertEquals(2, images.thumbnailStats().misses(), "both thumbnails started");
            assertTrue(images.thumbnail("000000900001.jpg").get(10, TimeUnit.SECONDS).hasPixels());
            assertTrue(queued.isEmpty());
        }
    }
}
