package org.llavainspector.core.image;

/**
 * The 64-bit difference hash (dHash) of a decoded image: grey levels averaged down to 9×8 cells, one bit per pair of
 * horizontal neighbours (set when the left cell is brighter). Re-encoding, resizing and small colour changes move few
 * bits; different pictures differ in about half of them.
 *
 * <p>Computed from the pixels of a subsampled decode (see {@link ImageDecoder}): averaging each cell over the
 * thumbnail's pixels makes it insensitive to the subsampling step.
 */
public final class DifferenceHash {
    /** The longest side hashes are decoded to: fixed, so that the app and the command line agree whatever size thumbnails are. */
    public static final int DECODE_SIDE = 256;
    /** Changes when the way hashes are computed changes, so that stored hashes of an older way are not reused. */
    public static final int VERSION = 1;

    private static final int COLUMNS = 9;
    private static final int ROWS = 8;

    private DifferenceHash() {
    }

    /** The hash of a decoded image; throws when it has no pixels. */
    public static long of(LoadedImage image) {
        if (!image.hasPixels()) {
            throw new IllegalArgumentException(image.path() + ": no pixels to hash");
        }
        return of(image.argb(), image.width(), image.height());
    }

    /** The hash of packed ARGB pixels, {@code width * height} of them, row by row. */
    public static long of(int[] argb, int width, int height) {
        double[] cells = cells(argb, width, height);
        long hash = 0;
        for (int y = 0; y < ROWS; y++) {
            for (int x = 0; x < COLUMNS - 1; x++) {
                hash <<= 1;
                if (cells[y * COLUMNS + x] > cells[y * COLUMNS + x + 1]) {
                    hash |= 1;
                }
            }
        }
        return hash;
    }

    /** How many of the 64 bits differ. */
    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /**
     * The mean luma of each of the 9×8 cells. Cell boundaries fall at fractional pixel positions; each pixel counts in
     * proportion to the part of it that lies inside the cell (an exact box filter), so an image smaller than 9×8 works
     * too.
     */
    private static double[] cells(int[] argb, int width, int height) {
        double[] luma = new double[COLUMNS * ROWS];
        double[] area = new double[COLUMNS * ROWS];
        double sx = (double) COLUMNS / width;
        double sy = (double) ROWS / height;
        for (int y = 0; y < height; y++) {
            double top = y * sy;
            double bottom = (y + 1) * sy;
            int row0 = (int) top;
            int row1 = Math.min(ROWS - 1, (int) Math.ceil(bottom) - 1);
            for (int x = 0; x < width; x++) {
                int p = argb[y * width + x];
                double grey = 0.299 * (p >> 16 & 0xFF) + 0.587 * (p >> 8 & 0xFF) + 0.114 * (p & 0xFF);
                double left = x * sx;
                double right = (x + 1) * sx;
                int col0 = (int) left;
                int col1 = Math.min(COLUMNS - 1, (int) Math.ceil(right) - 1);
                for (int row = row0; row <= row1; row++) {
                    double h = Math.min(bottom, row + 1) - Math.max(top, row);
                    for (int col = col0; col <= col1; col++) {
                        double w = (Math.min(right, col + 1) - Math.max(left, col)) * h;
                        luma[row * COLUMNS + col] += grey * w;
                        area[row * COLUMNS + col] += w;
                    }
                }
            }
        }
        for (int i = 0; i < luma.length; i++) {
            luma[i] = area[i] > 0 ? luma[i] / area[i] : 0;
        }
        return luma;
    }
}
