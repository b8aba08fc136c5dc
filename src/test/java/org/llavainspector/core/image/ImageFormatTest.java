package org.llavainspector.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImageFormatTest {
    @Test
    void sniffsMagicBytes() {
        assertEquals(ImageFormat.JPEG, ImageFormat.sniff(TestImages.ironingJpeg()));
        assertEquals(ImageFormat.PNG, ImageFormat.sniff(TestImages.reencoded("png")));
        assertEquals(ImageFormat.GIF, ImageFormat.sniff(TestImages.reencoded("gif")));
        assertEquals(ImageFormat.BMP, ImageFormat.sniff(TestImages.reencoded("bmp")));
        assertEquals(ImageFormat.WEBP, ImageFormat.sniff(TestImages.webpHeader()));
        assertEquals(ImageFormat.TIFF, ImageFormat.sniff("II*\0abcd".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(ImageFormat.UNKNOWN, ImageFormat.sniff(TestImages.garbage()));
        assertEquals(ImageFormat.UNKNOWN, ImageFormat.sniff(new byte[0]));
    }

    @Test
    void onlyTheGivenLengthIsLookedAt() {
        assertEquals(ImageFormat.UNKNOWN, ImageFormat.sniff(TestImages.ironingJpeg(), 2));
    }

    @Test
    void readsExtensionsCaseInsensitively() {
        assertEquals(ImageFormat.JPEG, ImageFormat.fromExtension("coco/train2017/000000033471.JPG"));
        assertEquals(ImageFormat.JPEG, ImageFormat.fromExtension("a.jpeg"));
        assertEquals(ImageFormat.PNG, ImageFormat.fromExtension("a.png"));
        assertEquals(ImageFormat.UNKNOWN, ImageFormat.fromExtension("dir.jpg/file"));
        assertEquals(ImageFormat.UNKNOWN, ImageFormat.fromExtension(".jpg"));
        assertEquals("", ImageFormat.extensionOf("vg/VG_100K/12"));
        assertEquals("jpg", ImageFormat.extensionOf("vg/VG_100K/12.JpG"));
    }
}
