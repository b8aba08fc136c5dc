package org.llavainspector.core.image;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Finds a dataset image in its sources and checks or decodes it under the safety caps; never throws for a bad image.
 *
 * <p>Thread-safe; the UI calls it from background threads only (every method does I/O).
 */
public final class ImageLoader {
    /** The outcome of a check: OK, or a problem with a one-line reason. */
    public record Check(ImageStatus status, String message) {
        public static final Check OK = new Check(ImageStatus.OK, "");
    }

    private final ImageSources sources;
    private final ImageDecoder decoder;
    private final ImageSizes sizes;

    public ImageLoader(ImageSources sources, ImageDecoder decoder) {
        this(sources, decoder, null);
    }

    /** A loader that also records in {@code sizes} (nullable) the size or problem each load finds out. */
    public ImageLoader(ImageSources sources, ImageDecoder decoder, ImageSizes sizes) {
        this.sources = sources;
        this.decoder = decoder;
        this.sizes = sizes;
    }

    public ImageSources sources() {
        return sources;
    }

    public ImageLimits limits() {
        return decoder.limits();
    }

    /** The cheap check: the image exists and is not empty (no bytes are read). */
    public Check checkExists(String path) {
        Optional<ImageSources.Resolved> found = sources.resolve(path);
        if (found.isEmpty()) {
            return new Check(ImageStatus.MISSING, missingMessage(path));
        }
        try {
            long size = found.get().source().size(found.get().path());
            if (size == 0) {
                return new Check(ImageStatus.CORRUPT, "empty file (0 bytes)");
            }
            if (size > decoder.limits().maxBytes()) {
                return new Check(ImageStatus.UNREADABLE, tooLarge(String.format(Locale.ROOT, "%,d bytes", size)));
            }
            return size < 0 ? new Check(ImageStatus.MISSING, missingMessage(path)) : Check.OK;
        } catch (IOException e) {
            return new Check(ImageStatus.UNREADABLE, "cannot read: " + e.getMessage());
        }
    }

    /** The deep check: reads and decodes the image at thumbnail size. */
    public Check checkDecodes(String path) {
        LoadedImage image = thumbnail(path);
        return image.status() == ImageStatus.OK ? Check.OK : new Check(image.status(), image.message());
    }

    /** A thumbnail whose longest side is near {@link ImageLimits#thumbnailSide()} (see ImageDecoder). */
    public LoadedImage thumbnail(String path) {
        return readThen(path, decoder::decodeThumbnail);
    }

    /** The image for a detail view: full size, or subsampled down to {@link ImageLimits#fullMaxSide()}. */
    public LoadedImage full(String path) {
        return load(path, decoder.limits().fullMaxSide());
    }

    /** Loads {@code path} with its longest side at most {@code maxSide} (by whole subsampling steps). */
    public LoadedImage load(String path, int maxSide) {
        return readThen(path, (p, bytes) -> decoder.decode(p, bytes, maxSide));
    }

    /** Reads the bytes of {@code path} and decodes them, or says why they could not be read. */
    private LoadedImage readThen(String path, BiFunction<String, byte[], LoadedImage> decode) {
        LoadedImage image = readThenDecode(path, decode);
        if (sizes != null) {
            sizes.record(image);
        }
        return image;
    }

    private LoadedImage readThenDecode(String path, BiFunction<String, byte[], LoadedImage> decode) {
        Optional<ImageSources.Resolved> found = sources.resolve(path);
        if (found.isEmpty()) {
            return LoadedImage.failure(String.valueOf(path), ImageStatus.MISSING, missingMessage(path),
                    ImageFormat.UNKNOWN);
        }
        byte[] bytes;
        try {
            bytes = found.get().source().read(found.get().path(), decoder.limits().maxBytes());
        } catch (ImageSource.TooLargeException e) {
            return LoadedImage.failure(path, ImageStatus.UNREADABLE,
                    tooLarge("the file"), ImageFormat.UNKNOWN);
        } catch (NoSuchFileException e) {
            return LoadedImage.failure(path, ImageStatus.MISSING, missingMessage(path), ImageFormat.UNKNOWN);
        } catch (IOException | RuntimeException e) {
            return LoadedImage.failure(path, ImageStatus.UNREADABLE, "cannot read: " + e.getMessage(),
                    ImageFormat.UNKNOWN);
        }
        return decode.apply(path, bytes);
    }

    private String missingMessage(String path) {
        if (path == null || ImageSources.normalisePath(path).isEmpty()) {
            return "empty image path";
        }
        return sources.sources().isEmpty() && sources.rules().isEmpty()
                ? "no image source given" : "not found in any image source";
    }

    private String tooLarge(String size) {
        return String.format(Locale.ROOT, "%s is above the %,d-byte safety cap; not read", size,
                decoder.limits().maxBytes());
    }
}
