package org.llavainspector.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.llavainspector.bench.Jpeg;
import org.llavainspector.core.dataset.DemoDataset;

/** dHash on the real photos of the demo zip: stable under copies and re-encoding, far apart between photos. */
class DifferenceHashTest {
    private static final ImageDecoder DECODER = new ImageDecoder();
    /** The demo zip's entries by name. */
    private static final Map<String, byte[]> DEMO = new LinkedHashMap<>();

    @BeforeAll
    static void readDemoZip() throws IOException {
        try (ZipImageSource zip = ZipImageSource.open(DemoDataset.folder().resolve("images.zip"))) {
            for (ImageSource.Entry e : zip.entries()) {
                DEMO.put(e.path(), zip.read(e.path(), Long.MAX_VALUE));
            }
        }
    }

    private static long hash(String name, byte[] bytes) {
        LoadedImage image = DECODER.decode(name, bytes, DifferenceHash.DECODE_SIDE);
        assertEquals(ImageStatus.OK, image.status(), image.toString());
        return DifferenceHash.of(image);
    }

    private static long demoHash(String name) {
        return hash(name, DEMO.get(name));
    }

    @Test
    void theSameImageHasTheSameHash() {
        assertEquals(demoHash("000000900001.jpg"), demoHash("000000900001.jpg"));
        // byte-identical copies under other names
        assertEquals(demoHash("000000900006.jpg"), demoHash("00900/009000017.jpg"));
        assertEquals(demoHash("000000319154.jpg"), demoHash("coco/train2017/000000319154.jpg"));
    }

    @Test
    void aRescaledRecompressedCopyIsAFewBitsAway() throws IOException {
        int worst = 0;
        for (String name : DEMO.keySet()) {
            BufferedImage original = ImageIO.read(new java.io.ByteArrayInputStream(DEMO.get(name)));
            long h = demoHash(name);
            for (double factor : new double[] {0.3, 0.55, 1.7}) {
                for (float quality : new float[] {0.4f, 0.9f}) {
                    byte[] copy = Jpeg.encode(scaled(original, factor), quality);
                    int d = DifferenceHash.distance(h, hash("copy.jpg", copy));
                    assertTrue(d <= 5, name + " vs a copy at " + factor + "x, quality " + quality + ": " + d + " bits");
                    worst = Math.max(worst, d);
                }
            }
        }
        assertTrue(worst > 0, "a re-encoded copy is not bit-identical: the test would not see a broken resize");
    }

    @Test
    void differentPhotosAreFarApart() {
        Map<Long, String> distinct = new LinkedHashMap<>();
        for (String name : DEMO.keySet()) {
            distinct.putIfAbsent(demoHash(name), name);
        }
        // the demo zip holds 14 distinct pictures (the rest are byte-identical copies under other names)
        assertEquals(14, distinct.size(), distinct.toString());
        List<Long> hashes = new ArrayList<>(distinct.keySet());
        int closest = 64;
        for (int i = 0; i < hashes.size(); i++) {
            for (int j = i + 1; j < hashes.size(); j++) {
                closest = Math.min(closest, DifferenceHash.distance(hashes.get(i), hashes.get(j)));
            }
        }
        // 12 on the demo: well above the 5 bits of the worst copy below, and the default threshold of 6
        assertTrue(closest >= 10, "two different demo photos are only " + closest + " bits apart");
    }

    @Test
    void bitsFollowTheBrightnessOfNeighbours() {
        int w = 90;
        int h = 40;
        int[] brighterToTheRight = new int[w * h];
        int[] darkerToTheRight = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int up = x * 255 / (w - 1);
                brighterToTheRight[y * w + x] = 0xFF000000 | up << 16 | up << 8 | up;
                int down = 255 - up;
                darkerToTheRight[y * w + x] = 0xFF000000 | down << 16 | down << 8 | down;
            }
        }
        assertEquals(0L, DifferenceHash.of(brighterToTheRight, w, h));
        assertEquals(-1L, DifferenceHash.of(darkerToTheRight, w, h));
        assertEquals(64, DifferenceHash.distance(0L, -1L));
    }

    @Test
    void anImageSmallerThanTheGridStillHashes() {
        // 3x2 pixels: dark left column, bright right columns
        int d = 0xFF101010;
        int b = 0xFFF0F0F0;
        long hash = DifferenceHash.of(new int[] {b, d, b, b, d, b}, 3, 2);
        assertNotEquals(0L, hash);
        assertNotEquals(-1L, hash);
    }

    @Test
    void aFailedDecodeCannotBeHashed() {
        LoadedImage failed = DECODER.decode("x.jpg", new byte[0], DifferenceHash.DECODE_SIDE);
        assertThrows(IllegalArgumentException.class, () -> DifferenceHash.of(failed));
    }

    private static BufferedImage scaled(BufferedImage src, double factor) {
        int w = (int) Math.round(src.getWidth() * factor);
        int h = (int) Math.round(src.getHeight() * factor);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return out;
    }
}
