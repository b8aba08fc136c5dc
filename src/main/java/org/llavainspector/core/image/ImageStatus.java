package org.llavainspector.core.image;

/**
 * The health of one referenced image, with the stable kind names that {@code validate} counts.
 *
 * <p>Constants are ordered from worst to best, so that when several problems apply the smallest ordinal wins.
 * <ul>
 *   <li>{@link #MISSING}: no source holds the path (or the path is empty or escapes its folder).</li>
 *   <li>{@link #UNREADABLE}: the file is there but we cannot or will not read it: an I/O error, a format we have
 *       no decoder for (WebP, CMYK JPEG), or a safety cap (too many pixels or bytes, i.e. a decompression bomb).</li>
 *   <li>{@link #CORRUPT}: the bytes are broken: a zero-byte file, bytes of no known image format, a truncated
 *       image, or a decoder error.</li>
 *   <li>{@link #WRONG_FORMAT}: the image decodes, but its bytes are another format than its extension says
 *       (e.g. a GIF named {@code .jpg}).</li>
 * </ul>
 */
public enum ImageStatus {
    MISSING("missing-image"),
    UNREADABLE("unreadable-image"),
    CORRUPT("corrupt-image"),
    WRONG_FORMAT("wrong-image-format"),
    OK("ok");

    private final String kind;

    ImageStatus(String kind) {
        this.kind = kind;
    }

    /** The stable name used in counts and JSON, e.g. {@code missing-image}. */
    public String kind() {
        return kind;
    }

    public boolean isProblem() {
        return this != OK;
    }

    /** The worse of two statuses. */
    public static ImageStatus worst(ImageStatus a, ImageStatus b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }
}
