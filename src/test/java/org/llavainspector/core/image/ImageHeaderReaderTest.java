package org.llavainspector.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llavainspector.core.util.CancellableMonitor;
import org.llavainspector.core.util.TaskMonitor;

/** Image sizes from headers alone, on the demo images.zip and on broken images; and sizes learnt by loads. */
class ImageHeaderReaderTest {
    private static final Path DEMO_ZIP = Path.of("samples", "images.zip");

    @Test
    void readsTheSizesOfTheDemoImagesFromTheirHeaders() throws IOException {
        ImageSizes sizes = new ImageSizes();
        try (ImageSources sources = ImageSources.open(List.of(DEMO_ZIP), List.of())) {
            ImageHeaderReader reader = new ImageHeaderReader(sources, sizes);
            // sizes as `file` reports them for the extracted entries
            assertEquals(new ImageSizes.Entry(ImageStatus.OK, 375, 500), reader.read("000000319154.jpg"));
            assertEquals(new ImageSizes.Entry(ImageStatus.OK, 640, 480), reader.read("coco/train2017/000000039769.jpg"));
            assertEquals(new ImageSizes.Entry(ImageStatus.OK, 451, 300), reader.read("000000900011.jpg"));
            assertEquals(new ImageSizes.Entry(ImageStatus.MISSING, 0, 0), reader.read("000000033471.jpg"));

            int entries = sources.sources().get(0).entries().size();
            List<String> all = sources.sources().get(0).entries().stream().map(ImageSource.Entry::path).toList();
            ImageHeaderReader.Pass pass = reader.readAll(all, TaskMonitor.NONE);
            assertEquals(new ImageHeaderReader.Pass(entries, entries, 0, 0), pass);
        }
        ImageSizes.Summary summary = sizes.summarizeAll();
        assertEquals(24, summary.images()); // the 23 entries and the missing one
        assertEquals(23, summary.sized());
        assertEquals(1, summary.missing());
        // the demo photos were scaled to a longest side of at most 640 px; the dog (375 x 500) and the cat
        // chelsea (451 x 300) are smaller still, and both are stored under two names
        assertEquals(4L, summary.byLongestSide().get("256-511"));
        assertEquals(19L, summary.byLongestSide().get("512-1023"));
        assertEquals(23L, summary.byLongestSide().values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void countsBrokenImagesAndNeverDecodesPixels(@TempDir Path dir) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("ok.png", TestImages.png(30, 20));
        entries.put("huge.png", TestImages.pngWithHeader(40_000, 30_000)); // a bomb if it were decoded
        entries.put("empty.jpg", new byte[0]);
        entries.put("garbage.jpg", TestImages.garbage());
        entries.put("webp.webp", TestImages.webpHeader());
        entries.put("gif-named.jpg", TestImages.reencoded("gif"));
        entries.put("cut.jpg", java.util.Arrays.copyOf(TestImages.ironingJpeg(), 20));
        Path zip = TestImages.zip(dir.resolve("broken.zip"), entries, false);
        ImageSizes sizes = new ImageSizes();
        try (ImageSources sources = ImageSources.open(List.of(zip), List.of())) {
            ImageHeaderReader reader = new ImageHeaderReader(sources, sizes);
            assertEquals(new ImageSizes.Entry(ImageStatus.OK, 30, 20), reader.read("ok.png"));
            assertEquals(new ImageSizes.Entry(ImageStatus.OK, 40_000, 30_000), reader.read("huge.png"));
            assertEquals(ImageStatus.CORRUPT, reader.read("empty.jpg").status());
            assertEquals(ImageStatus.CORRUPT, reader.read("garbage.jpg").status());
            assertEquals(ImageStatus.CORRUPT, reader.read("cut.jpg").status());
            assertEquals(ImageStatus.WRONG_FORMAT, reader.read("gif-named.jpg").status());
            assertFalse(reader.read("webp.webp").hasSize());
        }
        ImageSizes.Summary s = sizes.summarize(List.of("ok.png", "huge.png", "empty.jpg", "garbage.jpg", "cut.jpg",
                "gif-named.jpg", "webp.webp", "never-asked.jpg"));
        assertEquals(8, s.images());
        assertEquals(3, s.sized());
        assertEquals(4, s.unreadable());
        assertEquals(0, s.missing());
        assertEquals(1, s.unknown());
        assertEquals(1L, s.byLongestSide().get("<256")); // ok.png
        assertEquals(1L, s.byLongestSide().get("512-1023")); // the 570 x 380 photo stored as GIF
        assertEquals(1L, s.byLongestSide().get(">=4096"));
        assertEquals(1200.0, s.megapixels(), 1.0);
    }

    @Test
    void aCancelledPassStops() throws IOException {
        ImageSizes sizes = new ImageSizes();
        try (ImageSources sources = ImageSources.open(List.of(DEMO_ZIP), List.of())) {
            List<String> all = sources.sources().get(0).entries().stream().map(ImageSource.Entry::path).toList();
            CancellableMonitor[] monitor = new CancellableMonitor[1];
            monitor[0] = new CancellableMonitor((done, total) -> {
                monitor[0].cancel(); // at the first report, before any header is read
            });
            ImageHeaderReader reader = new ImageHeaderReader(sources, sizes);
            assertThrows(CancellationException.class, () -> reader.readAll(all, monitor[0]));
        }
        assertEquals(0, sizes.size());
    }

    @Test
    void loadsRecordWhatTheyFindOut() throws IOException {
        ImageSizes sizes = new ImageSizes();
        try (ImageSources sources = ImageSources.open(List.of(DEMO_ZIP), List.of())) {
            ImageLoader loader = new ImageLoader(sources, new ImageDecoder(ImageLimits.DEFAULTS), sizes);
            long before = sizes.version();
            loader.thumbnail("000000319154.jpg");
            loader.full("coco/train2017/000000039769.jpg");
            loader.thumbnail("no/such.jpg");
            assertEquals(new ImageSizes.Entry(ImageStatus.OK, 375, 500), sizes.get("000000319154.jpg").orElseThrow());
            assertEquals(new ImageSizes.Entry(ImageStatus.OK, 640, 480),
                    sizes.get("coco/train2017/000000039769.jpg").orElseThrow());
            assertEquals(ImageStatus.MISSING, sizes.get("no/such.jpg").orElseThrow().status());
            assertEquals(before + 3, sizes.version());
            loader.thumbnail("000000319154.jpg");
            assertEquals(before + 3, sizes.version()); // nothing new learnt
        }
    }
}
