package org.llavainspector.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PixelPagesTest {
    private static int[] pixels(int length, long seed) {
        return new Random(seed).ints(length).toArray();
    }

    @Test
    void pixelsComeBackExactlyAcrossPagesAndSlabs() {
        // enough room for three slabs; the first thumbnail ends in the middle of a page, the others start after it
        PixelPages pages = new PixelPages(3L * PixelPages.SLAB_PAGES * PixelPages.PAGE_BYTES);
        int[] small = pixels(160 * 107, 1);
        int[] spanning = pixels((PixelPages.SLAB_PAGES - 3) * PixelPages.PAGE_INTS + 17, 2);
        int[] numbersSmall = pages.allocate(PixelPages.pagesFor(small.length));
        int[] numbersSpanning = pages.allocate(PixelPages.pagesFor(spanning.length));
        pages.write(numbersSmall, small);
        pages.write(numbersSpanning, spanning);

        assertEquals(5, numbersSmall.length, "17,120 ints take five pages of 4,096");
        assertEquals(2 * PixelPages.SLAB_PAGES, pages.pagesMade(), "the second thumbnail needed a second slab");
        assertArrayEquals(small, pages.read(numbersSmall, small.length));
        assertArrayEquals(spanning, pages.read(numbersSpanning, spanning.length));
    }

    @Test
    void slabsAreMadeOnlyWhenNeeded() {
        PixelPages pages = new PixelPages(256L << 20);
        assertEquals(0, pages.pagesMade());
        pages.allocate(1);
        assertEquals(PixelPages.SLAB_PAGES, pages.pagesMade());
        assertEquals(PixelPages.SLAB_PAGES - 1, pages.pagesFree());
        assertEquals((256 << 20) / PixelPages.PAGE_BYTES, pages.capacityPages());
    }

    @Test
    void allocationStopsAtTheCapacityAndReleasedPagesAreReused() {
        PixelPages pages = new PixelPages(10L * PixelPages.PAGE_BYTES);
        int[] a = pages.allocate(6);
        assertNotNull(a);
        assertNull(pages.allocate(5), "only four pages are left");
        int[] b = pages.allocate(4);
        assertNotNull(b);
        assertNull(pages.allocate(1));

        Set<Integer> all = new HashSet<>();
        Arrays.stream(a).forEach(all::add);
        Arrays.stream(b).forEach(all::add);
        assertEquals(10, all.size(), "no page is handed out twice");

        pages.release(a);
        int[] c = pages.allocate(6);
        assertNotNull(c);
        int[] other = pixels(4 * PixelPages.PAGE_INTS, 3);
        int[] mine = pixels(6 * PixelPages.PAGE_INTS, 4);
        pages.write(b, other);
        pages.write(c, mine);
        assertArrayEquals(other, pages.read(b, other.length), "writing reused pages leaves the others alone");
        assertArrayEquals(mine, pages.read(c, mine.length));
    }
}
