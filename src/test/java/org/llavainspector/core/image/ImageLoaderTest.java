package org.llavainspector.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageLoaderTest {
    @TempDir
    Path dir;
    private ImageSources sources;
    private ImageLoader loader;

    @BeforeEach
    void open() throws IOException {
        Path zip = TestImages.zip(dir.resolve("images.zip"), TestImages.mixedEntries(), true);
        sources = ImageSources.open(List.of(zip), List.of());
        loader = new ImageLoader(sources, new ImageDecoder());
    }

    @AfterEach
    void close() throws IOException {
        sources.close();
    }

    @Test
    void cheapCheckLooksAtExistenceAndSizeOnly() {
        assertEquals(ImageStatus.OK, loader.checkExists("GCC_train_000000001.jpg").status());
        assertEquals(ImageStatus.MISSING, loader.checkExists("GCC_train_000000009.jpg").status());
        assertEquals(ImageStatus.CORRUPT, loader.checkExists("empty.jpg").status());
        assertEquals(ImageStatus.OK, loader.checkExists("garbage.jpg").status(), "not read without --deep");
        assertEquals(ImageStatus.OK, loader.checkExists("ocr_vqa/images/gif_named.jpg").status());
        ImageLoader.Check empty = loader.checkExists("");
        assertEquals(ImageStatus.MISSING, empty.status());
        assertEquals("empty image path", empty.message());
    }

    @Test
    void deepCheckDecodesAndClassifiesEachKindOfDamage() {
        assertEquals(ImageStatus.OK, loader.checkDecodes("GCC_train_000000001.jpg").status());
        assertEquals(ImageStatus.OK, loader.checkDecodes("00001/000010001.png").status());
        assertEquals(ImageStatus.MISSING, loader.checkDecodes("nope.jpg").status());
        assertEquals(ImageStatus.CORRUPT, loader.checkDecodes("empty.jpg").status());
        assertEquals(ImageStatus.CORRUPT, loader.checkDecodes("truncated.jpg").status());
        assertEquals(ImageStatus.CORRUPT, loader.checkDecodes("garbage.jpg").status());
        assertEquals(ImageStatus.WRONG_FORMAT, loader.checkDecodes("ocr_vqa/images/gif_named.jpg").status());
        assertEquals(ImageStatus.UNREADABLE, loader.checkDecodes("bomb.png").status());
        assertEquals(ImageStatus.UNREADABLE, loader.checkDecodes("picture.webp").status());
    }

    @Test
    void thumbnailAndFullSizeUseTheirLimits() {
        LoadedImage thumb = loader.thumbnail("GCC_train_000000001.jpg");
        LoadedImage full = loader.full("GCC_train_000000001.jpg");

        assertTrue(Math.max(thumb.width(), thumb.height()) <= ImageLimits.DEFAULT_THUMBNAIL_SIDE);
        assertEquals(570, full.width());
        assertEquals(380, full.height());
    }

    @Test
    void filesAboveTheByteCapAreNotRead() throws IOException {
        ImageLoader strict = new ImageLoader(sources, new ImageDecoder(ImageLimits.DEFAULTS.withMaxBytes(1000)));

        LoadedImage img = strict.thumbnail("GCC_train_000000001.jpg");
        assertEquals(ImageStatus.UNREADABLE, img.status());
        assertFalse(img.hasPixels());
        assertTrue(img.message().contains("safety cap"), img.message());
        assertEquals(ImageStatus.UNREADABLE, strict.checkExists("GCC_train_000000001.jpg").status());
    }

    @Test
    void withoutSourcesEverythingIsMissingWithAClearReason() {
        ImageLoader none = new ImageLoader(ImageSources.none(), new ImageDecoder());

        LoadedImage img = none.thumbnail("a.jpg");
        assertEquals(ImageStatus.MISSING, img.status());
        assertEquals("no image source given", img.message());
    }
}
