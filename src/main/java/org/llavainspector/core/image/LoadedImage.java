package org.llavainspector.core.image;

import java.util.Objects;

/**
 * The outcome of loading one image: its health and, when it could be decoded, its pixels as packed ARGB ints
 * (non-premultiplied, row by row). A failure carries no pixels, only a status and a one-line reason.
 *
 * <p>The arrays are not copied; treat them as read-only. The UI wraps them (e.g. a {@code WritableImage} with
 * an int ARGB pixel format); the core never depends on a toolkit.
 */
public final class LoadedImage {
    private static final int[] NO_PIXELS = new int[0];
    private static final long OBJECT_OVERHEAD = 96;

    private final String path;
    private final ImageStatus status;
    private final String message;
    private final ImageFormat format;
    private final int sourceWidth;
    private final int sourceHeight;
    private final int width;
    private final int height;
    private final int[] argb;

    private LoadedImage(String path, ImageStatus status, String message, ImageFormat format,
                        int sourceWidth, int sourceHeight, int width, int height, int[] argb) {
        this.path = Objects.requireNonNull(path);
        this.status = Objects.requireNonNull(status);
        this.message = message == null ? "" : message;
        this.format = format;
        this.sourceWidth = sourceWidth;
        this.sourceHeight = sourceHeight;
        this.width = width;
        this.height = height;
        this.argb = argb;
    }

    /** A decoded image; {@code status} is OK, or WRONG_FORMAT / CORRUPT when it decoded despite a problem. */
    public static LoadedImage decoded(String path, ImageStatus status, String message, ImageFormat format,
                                      int sourceWidth, int sourceHeight, int width, int height, int[] argb) {
        if (argb.length != width * height) {
            throw new IllegalArgumentException("pixel array does not match " + width + "x" + height);
        }
        return new LoadedImage(path, status, message, format, sourceWidth, sourceHeight, width, height, argb);
    }

    /** An image that could not be decoded: a placeholder with its reason. */
    public static LoadedImage failure(String path, ImageStatus status, String message, ImageFormat format) {
        if (status == ImageStatus.OK) {
            throw new IllegalArgumentException("a failure needs a problem status");
        }
        return new LoadedImage(path, status, message, format, 0, 0, 0, 0, NO_PIXELS);
    }

    /**
     * This image without its pixel array: a description the thumbnail cache keeps while the pixels live in its pages.
     * It says it has no pixels, yet keeps its size; it never leaves this package.
     */
    LoadedImage withoutPixels() {
        return new LoadedImage(path, status, message, format, sourceWidth, sourceHeight, width, height, NO_PIXELS);
    }

    /** This image, described by {@link #withoutPixels}, with {@code pixels} ({@code width * height} of them). */
    LoadedImage withPixels(int[] pixels) {
        return decoded(path, status, message, format, sourceWidth, sourceHeight, width, height, pixels);
    }

    /** The dataset path this image was requested by. */
    public String path() {
        return path;
    }

    public ImageStatus status() {
        return status;
    }

    /** One line saying what is wrong, or "" when the status is OK. */
    public String message() {
        return message;
    }

    /** The format found in the bytes (UNKNOWN when they were never read or matched nothing). */
    public ImageFormat format() {
        return format;
    }

    /** True when there are pixels to show (possibly of a damaged or misnamed image: see {@link #status}). */
    public boolean hasPixels() {
        return argb.length > 0;
    }

    /** Width of the stored image at its original resolution, or 0 when unknown. */
    public int sourceWidth() {
        return sourceWidth;
    }

    public int sourceHeight() {
        return sourceHeight;
    }

    /** Width of the decoded pixels (after subsampling). */
    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Packed ARGB pixels, {@code width * height} of them; empty for a failure. Do not modify. */
    public int[] argb() {
        return argb;
    }

    /** The heap this value holds, in bytes, as used by the thumbnail cache's budget. */
    public long weightBytes() {
        return OBJECT_OVERHEAD + 4L * argb.length + 2L * (path.length() + message.length());
    }

    @Override
    public String toString() {
        return path + " " + status.kind() + (hasPixels() ? " " + width + "x" + height : "")
                + (message.isEmpty() ? "" : " (" + message + ")");
    }
}
