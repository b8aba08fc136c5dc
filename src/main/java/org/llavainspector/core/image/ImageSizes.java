package org.llavainspector.core.image;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pixel sizes of images as they become known (when a thumbnail or a full image is decoded, or a header is read),
 * by dataset path; images that turned out missing or unreadable are remembered too. Thread-safe.
 */
public final class ImageSizes {
    /** Longest-side buckets of {@link Summary#byLongestSide()}: a bucket holds sizes below its bound. */
    static final int[] BOUNDS = {256, 512, 1024, 2048, 4096};
    static final List<String> BUCKETS = List.of("<256", "256-511", "512-1023", "1024-2047", "2048-4095", ">=4096");

    /** What is known of one image: its size (OK or WRONG_FORMAT), or the problem that kept it unknown. */
    public record Entry(ImageStatus status, int width, int height) {
        public boolean hasSize() {
            return width > 0 && height > 0;
        }
    }

    /**
     * What is known of a set of images.
     *
     * @param images distinct images asked about
     * @param sized those whose size is known
     * @param missing those found in no source
     * @param unreadable those found but not readable (corrupt, unreadable, no header)
     * @param byLongestSide sized images per bucket of max(width, height) in pixels, every bucket present, in order
     * @param megapixels summed width × height of the sized images, in millions
     */
    public record Summary(long images, long sized, long missing, long unreadable, Map<String, Long> byLongestSide,
            double megapixels) {
        /** Images about which nothing is known yet. */
        public long unknown() {
            return images - sized - missing - unreadable;
        }
    }

    private final ConcurrentHashMap<String, Entry> known = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();

    /** Records the size of the image at dataset path {@code path}. */
    public void recordSize(String path, ImageStatus status, int width, int height) {
        if (path != null && width > 0 && height > 0) {
            put(path, new Entry(status == null ? ImageStatus.OK : status, width, height));
        }
    }

    /** Records that {@code path} could not be sized: MISSING, UNREADABLE or CORRUPT. */
    public void recordProblem(String path, ImageStatus status) {
        if (path != null && status != null && status.isProblem()) {
            put(path, new Entry(status, 0, 0));
        }
    }

    /** Records what a load found out: the source size when it was read, else the problem. */
    public void record(LoadedImage image) {
        if (image.sourceWidth() > 0 && image.sourceHeight() > 0) {
            recordSize(image.path(), image.status(), image.sourceWidth(), image.sourceHeight());
        } else if (image.status().isProblem()) {
            recordProblem(image.path(), image.status());
        }
    }

    private void put(String path, Entry entry) {
        if (!entry.equals(known.put(path, entry))) {
            version.incrementAndGet();
        }
    }

    public Optional<Entry> get(String path) {
        return Optional.ofNullable(known.get(path));
    }

    /** How many images are known (sized or not). */
    public int size() {
        return known.size();
    }

    /** Grows whenever something new is learnt, so that a view can redraw only then. */
    public long version() {
        return version.get();
    }

    /** Forgets everything, e.g. when the image sources changed. */
    public void clear() {
        known.clear();
        version.incrementAndGet();
    }

    /** What is known of {@code paths} (duplicates are the caller's to remove). */
    public Summary summarize(Collection<String> paths) {
        long[] buckets = new long[BUCKETS.size()];
        long sized = 0;
        long missing = 0;
        long unreadable = 0;
        double pixels = 0;
        for (String path : paths) {
            Entry e = known.get(path);
            if (e == null) {
                continue;
            }
            if (e.hasSize()) {
                sized++;
                buckets[bucket(Math.max(e.width(), e.height()))]++;
                pixels += (double) e.width() * e.height();
            } else if (e.status() == ImageStatus.MISSING) {
                missing++;
            } else {
                unreadable++;
            }
        }
        Map<String, Long> byLongestSide = new LinkedHashMap<>();
        for (int i = 0; i < buckets.length; i++) {
            byLongestSide.put(BUCKETS.get(i), buckets[i]);
        }
        return new Summary(paths.size(), sized, missing, unreadable, byLongestSide, pixels / 1e6);
    }

    /** What is known of every image recorded so far. */
    public Summary summarizeAll() {
        return summarize(List.copyOf(known.keySet()));
    }

    static int bucket(int longestSide) {
        for (int i = 0; i < BOUNDS.length; i++) {
            if (longestSide < BOUNDS[i]) {
                return i;
            }
        }
        return BOUNDS.length;
    }
}
