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
     * The mean luma of each of the 9×8 cells (times a constant). Cell boundaries fall at fractional pixel positions;
     * each pixel counts in proportion to the part of it that lies inside the cell (an exact box filter, so an image
     * smaller than 9×8 works too). Separable: each row is first summed into 9 column cells, then the row's sums are
     * added to the cells of the rows it overlaps. Every cell has the same area, so sums compare as means do.
     */
    private static double[] cells(int[] argb, int width, int height) {
        Spans columns = new Spans(width, COLUMNS);
        Spans rows = new Spans(height, ROWS);
        double[] cells = new double[COLUMNS * ROWS];
        double[] row = new double[COLUMNS];
        for (int y = 0; y < height; y++) {
            java.util.Arrays.fill(row, 0);
            int base = y * width;
            for (int x = 0; x < width; x++) {
                int p = argb[base + x];
                int grey = 299 * (p >> 16 & 0xFF) + 587 * (p >> 8 & 0xFF) + 114 * (p & 0xFF);
                for (int k = columns.offset[x], end = columns.offset[x + 1], c = columns.first[x]; k < end; k++, c++) {
                    row[c] += grey * columns.weight[k];
                }
            }
            for (int k = rows.offset[y], end = rows.offset[y + 1], r = rows.first[y]; k < end; k++, r++) {
                double w = rows.weight[k];
                for (int c = 0; c < COLUMNS; c++) {
                    cells[r * COLUMNS + c] += row[c] * w;
                }
            }
        }
        return cells;
    }

    /** For each of n pixels along one axis, the cells (of {@code cells}) it overlaps and by how much. */
    private static final class Spans {
        final int[] first;
        final int[] offset;
        final double[] weight;

        Spans(int n, int cells) {
            double scale = (double) cells / n;
            first = new int[n];
            offset = new int[n + 1];
            double[] w = new double[n * (cells + 1) + 1];
            int k = 0;
            for (int i = 0; i < n; i++) {
                double from = i * scale;
                double to = (i + 1) * scale;
                int c0 = Math.min(cells - 1, (int) from);
                int c1 = Math.min(cells - 1, (int) Math.ceil(to) - 1);
                first[i] = c0;
                offset[i] = k;
                for (int c = c0; c <= c1; c++) {
                    w[k++] = Math.max(0, Math.min(to, c + 1) - Math.max(from, c));
                }
            }
            offset[n] = k;
            weight = java.util.Arrays.copyOf(w, k);
        }
    }
}
