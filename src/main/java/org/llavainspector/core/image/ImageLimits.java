package org.llavainspector.core.image;

/**
 * Safety caps and target sizes for decoding.
 *
 * @param thumbnailSide the longest side a thumbnail is decoded to (at most; subsampling is by whole steps)
 * @param fullMaxSide   the longest side of a full-size load; larger images are subsampled down to it
 * @param maxPixels     images whose header announces more pixels are refused without decoding (decompression bombs)
 * @param maxBytes      files larger than this are refused without reading them whole
 */
public record ImageLimits(int thumbnailSide, int fullMaxSide, long maxPixels, long maxBytes) {
    public static final int DEFAULT_THUMBNAIL_SIDE = 160;
    public static final int DEFAULT_FULL_MAX_SIDE = 4096;
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;
    public static final long DEFAULT_MAX_BYTES = 256L << 20;

    public static final ImageLimits DEFAULTS = new ImageLimits(
            DEFAULT_THUMBNAIL_SIDE, DEFAULT_FULL_MAX_SIDE, DEFAULT_MAX_PIXELS, DEFAULT_MAX_BYTES);

    public ImageLimits {
        if (thumbnailSide < 1 || fullMaxSide < 1 || maxPixels < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("image limits must be positive");
        }
    }

    public ImageLimits withThumbnailSide(int side) {
        return new ImageLimits(side, fullMaxSide, maxPixels, maxBytes);
    }

    public ImageLimits withMaxPixels(long pixels) {
        return new ImageLimits(thumbnailSide, fullMaxSide, pixels, maxBytes);
    }

    public ImageLimits withMaxBytes(long bytes) {
        return new ImageLimits(thumbnailSide, fullMaxSide, maxPixels, bytes);
    }
}
