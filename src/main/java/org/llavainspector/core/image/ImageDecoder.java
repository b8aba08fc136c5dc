package org.llavainspector.core.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;

/**
 * Turns image bytes into a {@link LoadedImage} at a bounded size, never throwing for bad input.
 *
 * <p>The format is taken from the magic bytes, not the extension. The header is read first: an image announcing
 * more than {@link ImageLimits#maxPixels()} pixels is refused before any pixel memory is allocated. Otherwise the
 * reader decodes with source subsampling by a whole step (every n-th pixel of every n-th row), so a thumbnail or a
 * capped full-size image never needs the full-resolution raster.
 *
 * <p>Thread-safe: each thread keeps its own reader per format (creating an {@link ImageReader} and finding it in
 * the registry cost more than decoding a small thumbnail).
 */
public final class ImageDecoder {
    private final ImageLimits limits;
    private final ThreadLocal<Map<ImageFormat, ReaderSlot>> readers =
            ThreadLocal.withInitial(() -> new EnumMap<>(ImageFormat.class));

    public ImageDecoder(ImageLimits limits) {
        this.limits = limits;
    }

    public ImageDecoder() {
        this(ImageLimits.DEFAULTS);
    }

    public ImageLimits limits() {
        return limits;
    }

    /** Decodes {@code bytes} (the content of dataset path {@code path}) so its longest side is at most maxSide. */
    public LoadedImage decode(String path, byte[] bytes, int maxSide) {
        return decode(path, bytes, maxSide, false);
    }

    /**
     * Decodes a thumbnail: the subsampling step is the one that brings the longest side nearest to
     * {@link ImageLimits#thumbnailSide()}, so it ends between about 2/3 and 3/2 of it (a 332-px image gives 166 px,
     * not 111 px).
     */
    public LoadedImage decodeThumbnail(String path, byte[] bytes) {
        return decode(path, bytes, limits.thumbnailSide(), true);
    }

    private LoadedImage decode(String path, byte[] bytes, int side, boolean nearest) {
        if (bytes.length == 0) {
            return LoadedImage.failure(path, ImageStatus.CORRUPT, "empty file (0 bytes)", ImageFormat.UNKNOWN);
        }
        ImageFormat actual = ImageFormat.sniff(bytes);
        if (actual == ImageFormat.UNKNOWN) {
            return LoadedImage.failure(path, ImageStatus.CORRUPT,
                    "not an image: the bytes match no known image format (" + describeHead(bytes) + ")", actual);
        }
        ReaderSlot slot = slotFor(actual);
        if (slot == null) {
            return LoadedImage.failure(path, ImageStatus.UNREADABLE,
                    "no decoder for " + actual.displayName() + " images", actual);
        }
        boolean reusable = false;
        try (ByteArrayImageInputStream in = new ByteArrayImageInputStream(bytes)) {
            LoadedImage result = read(path, actual, slot, in, side, nearest);
            reusable = true;
            return result;
        } catch (IIOException e) {
            return LoadedImage.failure(path, statusOf(e), "cannot decode: " + messageOf(e), actual);
        } catch (Exception e) {
            return LoadedImage.failure(path, ImageStatus.CORRUPT, "cannot decode: " + messageOf(e), actual);
        } finally {
            if (reusable) {
                slot.reader.setInput(null);
            } else {
                // A reader that failed half-way may keep broken native state: start the next image afresh.
                slot.reader.dispose();
                readers.get().remove(actual);
            }
        }
    }

    private LoadedImage read(String path, ImageFormat actual, ReaderSlot slot, ByteArrayImageInputStream in,
                             int side, boolean nearest) throws Exception {
        ImageReader reader = slot.reader;
        reader.setInput(in, true, true);
        int w = reader.getWidth(0);
        int h = reader.getHeight(0);
        if (w <= 0 || h <= 0) {
            return LoadedImage.failure(path, ImageStatus.CORRUPT, "header gives an empty size " + w + "x" + h, actual);
        }
        long pixels = (long) w * h;
        if (pixels > limits.maxPixels()) {
            return LoadedImage.failure(path, ImageStatus.UNREADABLE, String.format(Locale.ROOT,
                    "%dx%d is %.0f megapixels, above the %.0f-megapixel safety cap; not decoded",
                    w, h, pixels / 1e6, limits.maxPixels() / 1e6), actual);
        }
        int step = nearest ? nearestSubsampling(w, h, side) : subsampling(w, h, side);
        ImageReadParam param = reader.getDefaultReadParam();
        if (step > 1) {
            param.setSourceSubsampling(step, step, 0, 0);
        }
        slot.warnings.clear();
        BufferedImage image = reader.read(0, param);
        int[] argb = toArgb(image);

        ImageStatus status = ImageStatus.OK;
        String message = "";
        String truncation = truncationWarning(slot.warnings);
        ImageFormat named = ImageFormat.fromExtension(path);
        if (truncation != null) {
            status = ImageStatus.CORRUPT;
            message = "truncated or damaged: " + truncation;
        } else if (named != ImageFormat.UNKNOWN && named != actual) {
            status = ImageStatus.WRONG_FORMAT;
            message = "the bytes are " + actual.displayName() + " but the name says " + named.displayName();
        }
        return LoadedImage.decoded(path, status, message, actual, w, h, image.getWidth(), image.getHeight(), argb);
    }

    /** The smallest whole subsampling step that brings the longest side down to at most {@code maxSide}. */
    static int subsampling(int width, int height, int maxSide) {
        int longest = Math.max(width, height);
        return longest <= maxSide ? 1 : (longest + maxSide - 1) / maxSide;
    }

    /** The whole subsampling step that brings the longest side nearest to {@code side} (at most 3/2 of it). */
    static int nearestSubsampling(int width, int height, int side) {
        return (int) Math.max(1, Math.round(Math.max(width, height) / (double) side));
    }

    private static String truncationWarning(List<String> warnings) {
        for (String w : warnings) {
            String lower = w.toLowerCase(Locale.ROOT);
            // libjpeg's JWRN_JPEG_EOF, and the generic wording other readers use.
            if (lower.contains("premature end") || lower.contains("truncat") || lower.contains("missing eoi")) {
                return w;
            }
        }
        return null;
    }

    private static ImageStatus statusOf(IIOException e) {
        String m = String.valueOf(e.getMessage());
        // A valid JPEG in a colour space the JDK cannot convert (CMYK, YCCK): the file is fine, we just can't show it.
        return m.contains("Unsupported Image Type") ? ImageStatus.UNREADABLE : ImageStatus.CORRUPT;
    }

    private static String messageOf(Throwable e) {
        Throwable t = e;
        String m = t.getMessage();
        while ((m == null || m.isBlank()) && t.getCause() != null) {
            t = t.getCause();
            m = t.getMessage();
        }
        return (m == null || m.isBlank() ? t.getClass().getSimpleName() : m).replace('\n', ' ');
    }

    private static String describeHead(byte[] bytes) {
        StringBuilder sb = new StringBuilder("starts with");
        for (int i = 0; i < Math.min(4, bytes.length); i++) {
            sb.append(String.format(Locale.ROOT, " %02X", bytes[i] & 0xFF));
        }
        return sb.toString();
    }

    static int[] toArgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int n = w * h;
        switch (image.getType()) {
            case BufferedImage.TYPE_3BYTE_BGR: {
                byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
                int[] out = new int[n];
                for (int i = 0, j = 0; i < n; i++, j += 3) {
                    out[i] = 0xFF000000 | (bgr[j + 2] & 0xFF) << 16 | (bgr[j + 1] & 0xFF) << 8 | (bgr[j] & 0xFF);
                }
                return out;
            }
            case BufferedImage.TYPE_BYTE_GRAY: {
                byte[] gray = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
                int[] out = new int[n];
                for (int i = 0; i < n; i++) {
                    int g = gray[i] & 0xFF;
                    out[i] = 0xFF000000 | g << 16 | g << 8 | g;
                }
                return out;
            }
            case BufferedImage.TYPE_INT_RGB: {
                int[] rgb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
                int[] out = new int[n];
                for (int i = 0; i < n; i++) {
                    out[i] = 0xFF000000 | rgb[i];
                }
                return out;
            }
            case BufferedImage.TYPE_INT_ARGB:
                return ((DataBufferInt) image.getRaster().getDataBuffer()).getData().clone();
            default:
                return image.getRGB(0, 0, w, h, null, 0, w);
        }
    }

    private ReaderSlot slotFor(ImageFormat format) {
        Map<ImageFormat, ReaderSlot> mine = readers.get();
        ReaderSlot slot = mine.get(format);
        if (slot == null) {
            Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName(format.displayName());
            if (!it.hasNext()) {
                return null;
            }
            slot = new ReaderSlot(it.next());
            mine.put(format, slot);
        }
        return slot;
    }

    /** One thread's reader for one format, with the warnings of its current read. */
    private static final class ReaderSlot implements IIOReadWarningListener {
        final ImageReader reader;
        final List<String> warnings = new ArrayList<>();

        ReaderSlot(ImageReader reader) {
            this.reader = reader;
            reader.addIIOReadWarningListener(this);
        }

        @Override
        public void warningOccurred(ImageReader source, String warning) {
            warnings.add(warning);
        }
    }
}
