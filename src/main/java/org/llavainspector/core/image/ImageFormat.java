package org.llavainspector.core.image;

import java.util.Locale;

/** An image file format, recognised either by its magic bytes or by a file-name extension. */
public enum ImageFormat {
    JPEG("jpeg"),
    PNG("png"),
    GIF("gif"),
    WEBP("webp"),
    BMP("bmp"),
    TIFF("tiff"),
    /** Bytes or extension that match none of the formats above. */
    UNKNOWN("unknown");

    /** How many leading bytes {@link #sniff} needs to recognise every format. */
    public static final int HEAD_BYTES = 12;

    private final String displayName;

    ImageFormat(String displayName) {
        this.displayName = displayName;
    }

    /** Lower-case name, e.g. {@code jpeg}, as printed by the command line. */
    public String displayName() {
        return displayName;
    }

    /** The format whose magic number starts {@code head} (only the first {@code length} bytes are looked at). */
    public static ImageFormat sniff(byte[] head, int length) {
        int n = Math.min(length, head.length);
        if (n >= 3 && u(head, 0) == 0xFF && u(head, 1) == 0xD8 && u(head, 2) == 0xFF) {
            return JPEG;
        }
        if (n >= 8 && u(head, 0) == 0x89 && startsWith(head, 1, "PNG\r\n\u001a\n")) {
            return PNG;
        }
        if (n >= 6 && (startsWith(head, 0, "GIF87a") || startsWith(head, 0, "GIF89a"))) {
            return GIF;
        }
        if (n >= 12 && startsWith(head, 0, "RIFF") && startsWith(head, 8, "WEBP")) {
            return WEBP;
        }
        if (n >= 4 && (startsWith(head, 0, "II*\u0000") || startsWith(head, 0, "MM\u0000*"))) {
            return TIFF;
        }
        if (n >= 2 && startsWith(head, 0, "BM")) {
            return BMP;
        }
        return UNKNOWN;
    }

    public static ImageFormat sniff(byte[] bytes) {
        return sniff(bytes, bytes.length);
    }

    /** The format a path's extension names ({@code .jpg}, {@code .JPEG}, {@code .png}, ...), or UNKNOWN. */
    public static ImageFormat fromExtension(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        if (dot <= slash + 1) {
            return UNKNOWN;
        }
        switch (path.substring(dot + 1).toLowerCase(Locale.ROOT)) {
            case "jpg":
            case "jpeg":
            case "jpe":
            case "jfif":
                return JPEG;
            case "png":
                return PNG;
            case "gif":
                return GIF;
            case "webp":
                return WEBP;
            case "bmp":
            case "dib":
                return BMP;
            case "tif":
            case "tiff":
                return TIFF;
            default:
                return UNKNOWN;
        }
    }

    /** The extension of {@code path} in lower case without the dot, or "" when it has none. */
    public static String extensionOf(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot <= slash + 1 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static int u(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    private static boolean startsWith(byte[] b, int offset, String ascii) {
        if (b.length < offset + ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (b[offset + i] != (byte) ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
