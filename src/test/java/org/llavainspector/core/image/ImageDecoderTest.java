package org.llavainspector.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class ImageDecoderTest {
    private final ImageDecoder decoder = new ImageDecoder();

    @Test
    void realJpegDecodesToAThumbnailBySubsampling() {
        LoadedImage img = decoder.decodeThumbnail("extreme_ironing.jpg", TestImages.ironingJpeg());

        assertEquals(ImageStatus.OK, img.status(), img.message());
        assertEquals(ImageFormat.JPEG, img.format());
        assertEquals(570, img.sourceWidth());
        assertEquals(380, img.sourceHeight());
        // 570 / 160 = 3.6, nearest step 4: every 4th pixel of every 4th row.
        assertEquals(143, img.width());
        assertEquals(95, img.height());
        assertEquals(img.width() * img.height(), img.argb().length);
    }

    @Test
    void thumbnailPixelsMatchTheSubsampledSourcePixels() {
        byte[] png = TestImages.reencoded("png");
        BufferedImage full = TestImages.decode(png);

        LoadedImage img = decoder.decode("x.png", png, 100);

        int step = ImageDecoder.subsampling(full.getWidth(), full.getHeight(), 100);
        assertEquals(6, step);
        for (int y = 0; y < img.height(); y += 7) {
            for (int x = 0; x < img.width(); x += 5) {
                assertEquals(full.getRGB(x * step, y * step), img.argb()[y * img.width() + x], "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void gifNamedJpgIsWrongFormatButStillShown() {
        LoadedImage img = decoder.decode("ocr_vqa/images/0001.jpg", TestImages.reencoded("gif"), 160);

        assertEquals(ImageStatus.WRONG_FORMAT, img.status());
        assertEquals(ImageFormat.GIF, img.format());
        assertTrue(img.hasPixels());
        assertTrue(img.message().contains("gif"), img.message());
    }

    @Test
    void pngAndBmpWithTheirOwnExtensionsAreOk() {
        assertEquals(ImageStatus.OK, decoder.decode("a.png", TestImages.reencoded("png"), 160).status());
        assertEquals(ImageStatus.OK, decoder.decode("a.BMP", TestImages.reencoded("bmp"), 160).status());
    }

    @Test
    void anExtensionThatNamesNoImageFormatIsNotAMismatch() {
        assertEquals(ImageStatus.OK, decoder.decode("images/0001", TestImages.ironingJpeg(), 160).status());
    }

    @Test
    void zeroBytesAreCorrupt() {
        LoadedImage img = decoder.decode("empty.jpg", new byte[0], 160);

        assertEquals(ImageStatus.CORRUPT, img.status());
        assertFalse(img.hasPixels());
        assertTrue(img.message().contains("0 bytes"), img.message());
    }

    @Test
    void bytesOfNoImageFormatAreCorrupt() {
        LoadedImage img = decoder.decode("garbage.jpg", TestImages.garbage(), 160);

        assertEquals(ImageStatus.CORRUPT, img.status());
        assertTrue(img.message().contains("3C 68 74 6D"), img.message());
    }

    @Test
    void truncatedJpegIsCorruptEvenThoughImageIoOnlyWarns() {
        LoadedImage img = decoder.decode("truncated.jpg", TestImages.truncatedJpeg(), 160);

        assertEquals(ImageStatus.CORRUPT, img.status(), img.message());
        assertTrue(img.message().startsWith("truncated"), img.message());
    }

    @Test
    void aDecoderThreadRecoversAfterABrokenImage() {
        decoder.decode("truncated.jpg", TestImages.truncatedJpeg(), 160);
        decoder.decode("cut.jpg", java.util.Arrays.copyOf(TestImages.ironingJpeg(), 200), 160);

        assertEquals(ImageStatus.OK, decoder.decode("ok.jpg", TestImages.dogJpeg(), 160).status());
    }

    @Test
    void jpegCutInsideItsHeaderIsCorrupt() {
        LoadedImage img = decoder.decode("cut.jpg", java.util.Arrays.copyOf(TestImages.ironingJpeg(), 200), 160);

        assertEquals(ImageStatus.CORRUPT, img.status(), img.message());
        assertFalse(img.hasPixels());
    }

    @Test
    void decompressionBombIsRefusedFromItsHeaderWithoutAllocatingPixels() {
        byte[] bomb = TestImages.pngWithHeader(50_000, 50_000);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        decoder.decode("warm-up.png", TestImages.reencoded("png"), 160);

        long before = threads.getCurrentThreadAllocatedBytes();
        LoadedImage img = decoder.decode("bomb.png", bomb, 160);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertEquals(ImageStatus.UNREADABLE, img.status());
        assertTrue(img.message().contains("50000x50000"), img.message());
        assertTrue(img.message().contains("safety cap"), img.message());
        // Even one subsampled 160-px row of a 50000-px-wide image would be fine; a full raster is 7.5 GB.
        assertTrue(allocated < 16L << 20, "allocated " + allocated + " bytes");
    }

    @Test
    void pixelCapIsConfigurable() {
        ImageDecoder strict = new ImageDecoder(ImageLimits.DEFAULTS.withMaxPixels(100_000));

        assertEquals(ImageStatus.UNREADABLE, strict.decode("a.jpg", TestImages.ironingJpeg(), 160).status());
        assertEquals(ImageStatus.OK, strict.decode("a.png", TestImages.pngWithHeader(30, 30), 160).status());
    }

    @Test
    void pngWithTooLittleImageDataIsCorrupt() {
        LoadedImage img = decoder.decode("short.png", TestImages.pngWithHeader(300, 300), 160);

        assertEquals(ImageStatus.CORRUPT, img.status());
        assertFalse(img.hasPixels());
    }

    @Test
    void webpIsRecognisedButUnreadable() {
        LoadedImage img = decoder.decode("a.webp", TestImages.webpHeader(), 160);

        assertEquals(ImageStatus.UNREADABLE, img.status());
        assertEquals(ImageFormat.WEBP, img.format());
        assertTrue(img.message().contains("no decoder for webp"), img.message());
    }

    @Test
    void fullSizeLoadIsSubsampledAboveTheMaxSide() {
        byte[] jpeg = TestImages.resource("waterview.jpg");

        LoadedImage whole = decoder.decode("waterview.jpg", jpeg, 4096);
        LoadedImage capped = decoder.decode("waterview.jpg", jpeg, 400);

        assertEquals(1000, whole.width());
        assertEquals(667, whole.height());
        assertEquals(334, capped.width()); // step 3
        assertEquals(223, capped.height());
    }

    @Test
    void thumbnailStepBringsTheLongestSideNearestToTheThumbnailSide() {
        assertEquals(1, ImageDecoder.nearestSubsampling(239, 100, 160));
        assertEquals(2, ImageDecoder.nearestSubsampling(240, 100, 160));
        assertEquals(2, ImageDecoder.nearestSubsampling(332, 332, 160)); // 166 px rather than 111
        assertEquals(6, ImageDecoder.nearestSubsampling(667, 1000, 160));
        assertEquals(1, ImageDecoder.nearestSubsampling(20, 10, 160));
        LoadedImage water = decoder.decodeThumbnail("waterview.jpg", TestImages.resource("waterview.jpg"));
        assertEquals(167, water.width());
        assertEquals(112, water.height());
    }

    @Test
    void thumbnailsStayWithinTheWeightTheCacheReservesForThem() {
        // The largest thumbnail: a longest side just under 3/2 of the thumbnail side, decoded whole.
        LoadedImage img = decoder.decodeThumbnail("x.png", TestImages.png(239, 239));

        assertEquals(239, img.width());
        assertTrue(img.weightBytes() <= ThumbnailCache.largestThumbnailWeight(ImageLimits.DEFAULTS));
    }

    @Test
    void subsamplingStepIsTheSmallestThatFits() {
        assertEquals(1, ImageDecoder.subsampling(160, 100, 160));
        assertEquals(2, ImageDecoder.subsampling(161, 100, 160));
        assertEquals(2, ImageDecoder.subsampling(100, 320, 160));
        assertEquals(313, ImageDecoder.subsampling(50_000, 50_000, 160));
    }

    @Test
    void weightCountsThePixels() {
        LoadedImage img = decoder.decodeThumbnail("x.jpg", TestImages.ironingJpeg());

        assertTrue(img.weightBytes() >= 4L * 143 * 95);
        assertTrue(LoadedImage.failure("x.jpg", ImageStatus.MISSING, "gone", ImageFormat.UNKNOWN).weightBytes() < 200);
    }
}
