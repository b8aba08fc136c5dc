package org.llavainspector.core.image;

/**
 * Storage for the pixels of cached thumbnails: fixed pages of ints carved out of a few large arrays (slabs) that
 * live as long as the cache.
 *
 * <p>Why not keep each thumbnail's own {@code int[]}: a thumbnail cache is a queue of young objects that survive,
 * the worst case for a generational collector. While a grid is scrolled the cache fills with hundreds of MiB of new
 * thumbnails, and every young collection copied the ones still cached (pauses of 30–85 ms, seen as stalled frames).
 * Copied into long-lived slabs, the decoder's array and every copy handed out die young, which costs a collector
 * nothing, and the slabs themselves (large enough to be allocated outside the young generation, or copied once) are
 * never copied again.
 *
 * <p>A thumbnail takes {@code ceil(pixels / PAGE_INTS)} pages, not necessarily adjacent. Allocation and release are
 * synchronized; writing and reading pages is not: the pages of a thumbnail belong to its owner from
 * {@link #allocate} until it hands them back with {@link #release}, and the owner must not read them after that.
 */
final class PixelPages {
    /** Ints per page: 16 KiB, so a 160 px thumbnail wastes at most one part-filled page (about 10 %). */
    static final int PAGE_INTS = 4096;
    static final int PAGE_BYTES = PAGE_INTS * Integer.BYTES;
    /**
     * Pages per slab: a slab is just under 8 MiB, at least half a heap region for heaps up to 32 GiB, so the collector
     * allocates it outside the young generation and never moves it.
     */
    static final int SLAB_PAGES = 511;

    private final int capacity;
    private final int[][] slabs;
    private final int[] free;
    private int freeCount;
    private int created;

    /** Room for {@code capacityBytes} of pages (rounded down, at least one page); slabs are made as they are needed. */
    PixelPages(long capacityBytes) {
        this.capacity = (int) Math.max(1, Math.min(Integer.MAX_VALUE - SLAB_PAGES, capacityBytes / PAGE_BYTES));
        this.slabs = new int[(capacity + SLAB_PAGES - 1) / SLAB_PAGES][];
        this.free = new int[capacity];
    }

    /** The pages needed for {@code ints} ints. */
    static int pagesFor(long ints) {
        return (int) ((ints + PAGE_INTS - 1) / PAGE_INTS);
    }

    /** The page numbers of {@code pages} pages, or null when fewer than that are left. */
    synchronized int[] allocate(int pages) {
        if (pages > freeCount + (capacity - created)) {
            return null;
        }
        int[] numbers = new int[pages];
        for (int i = 0; i < pages; i++) {
            if (freeCount == 0) {
                newSlab();
            }
            numbers[i] = free[--freeCount];
        }
        return numbers;
    }

    /** Gives pages back; the caller must not touch them again. */
    synchronized void release(int[] numbers) {
        for (int n : numbers) {
            free[freeCount++] = n;
        }
    }

    /** Copies {@code pixels} into the pages (which must hold them), page after page. */
    void write(int[] numbers, int[] pixels) {
        int done = 0;
        for (int i = 0; done < pixels.length; i++) {
            int n = Math.min(PAGE_INTS, pixels.length - done);
            System.arraycopy(pixels, done, slab(numbers[i]), offset(numbers[i]), n);
            done += n;
        }
    }

    /** The first {@code length} ints stored in the pages, as a new array. */
    int[] read(int[] numbers, int length) {
        int[] pixels = new int[length];
        int done = 0;
        for (int i = 0; done < length; i++) {
            int n = Math.min(PAGE_INTS, length - done);
            System.arraycopy(slab(numbers[i]), offset(numbers[i]), pixels, done, n);
            done += n;
        }
        return pixels;
    }

    /** Pages made so far (in slabs), and pages free among them. */
    synchronized int pagesMade() {
        return created;
    }

    synchronized int pagesFree() {
        return freeCount;
    }

    int capacityPages() {
        return capacity;
    }

    private void newSlab() {
        int index = created / SLAB_PAGES;
        int pages = Math.min(SLAB_PAGES, capacity - created);
        slabs[index] = new int[pages * PAGE_INTS];
        // pushed in reverse, so that pages are handed out in order: a thumbnail's pages are then mostly adjacent
        for (int p = pages - 1; p >= 0; p--) {
            free[freeCount++] = created + p;
        }
        created += pages;
    }

    private int[] slab(int page) {
        return slabs[page / SLAB_PAGES];
    }

    private static int offset(int page) {
        return (page % SLAB_PAGES) * PAGE_INTS;
    }
}
