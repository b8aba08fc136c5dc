package org.llavainspector.core.image;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Optional;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.llavainspector.core.util.TaskMonitor;

/**
 * Learns the pixel size of dataset images from their headers alone (an ImageIO reader's width and height, no pixels
 * decoded), reading through the image sources, and records what it finds in an {@link ImageSizes}.
 */
public final class ImageHeaderReader {
    private final ImageSources sources;
    private final ImageSizes sizes;

    public ImageHeaderReader(ImageSources sources, ImageSizes sizes) {
        this.sources = sources;
        this.sizes = sizes;
    }

    /** What a pass over many images found. */
    public record Pass(int images, int sized, int missing, int unreadable) {
    }

    /** Reads the header of the image at dataset path {@code path}; never throws for a bad or missing image. */
    public ImageSizes.Entry read(String path) {
        ImageSizes.Entry entry = readHeader(path);
        if (entry.hasSize()) {
            sizes.recordSize(path, entry.status(), entry.width(), entry.height());
        } else {
            sizes.recordProblem(path, entry.status());
        }
        return entry;
    }

    /**
     * Reads the header of every distinct path, reporting images done of images to the monitor (which may cancel the
     * pass: a {@link java.util.concurrent.CancellationException}, with the sizes read so far kept).
     */
    public Pass readAll(Collection<String> paths, TaskMonitor monitor) {
        Collection<String> distinct = paths instanceof java.util.Set ? paths : new LinkedHashSet<>(paths);
        int total = distinct.size();
        int done = 0;
        int sized = 0;
        int missing = 0;
        int unreadable = 0;
        monitor.progress(0, total);
        for (String path : distinct) {
            monitor.checkCancelled();
            ImageSizes.Entry e = read(path);
            if (e.hasSize()) {
                sized++;
            } else if (e.status() == ImageStatus.MISSING) {
                missing++;
            } else {
                unreadable++;
            }
            if (++done % 64 == 0 || done == total) {
                monitor.progress(done, total);
            }
        }
        return new Pass(total, sized, missing, unreadable);
    }

    private ImageSizes.Entry readHeader(String path) {
        Optional<ImageSources.Resolved> found = path == null ? Optional.empty() : sources.resolve(path);
        if (found.isEmpty()) {
            return new ImageSizes.Entry(ImageStatus.MISSING, 0, 0);
        }
        try (InputStream raw = found.get().source().open(found.get().path());
             BufferedInputStream in = new BufferedInputStream(raw, 8192)) {
            in.mark(ImageFormat.HEAD_BYTES);
            byte[] head = in.readNBytes(ImageFormat.HEAD_BYTES);
            in.reset();
            ImageFormat format = ImageFormat.sniff(head);
            if (format == ImageFormat.UNKNOWN) {
                return new ImageSizes.Entry(ImageStatus.CORRUPT, 0, 0);
            }
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.displayName());
            if (!readers.hasNext()) {
                return new ImageSizes.Entry(ImageStatus.UNREADABLE, 0, 0);
            }
            ImageReader reader = readers.next();
            try (MemoryCacheImageInputStream stream = new MemoryCacheImageInputStream(in)) {
                reader.setInput(stream, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    return new ImageSizes.Entry(ImageStatus.CORRUPT, 0, 0);
                }
                ImageFormat named = ImageFormat.fromExtension(path);
                ImageStatus status = named != ImageFormat.UNKNOWN && named != format ? ImageStatus.WRONG_FORMAT
                        : ImageStatus.OK;
                return new ImageSizes.Entry(status, width, height);
            } finally {
                reader.dispose();
            }
        } catch (NoSuchFileException e) {
            return new ImageSizes.Entry(ImageStatus.MISSING, 0, 0);
        } catch (IIOException | IndexOutOfBoundsException e) {
            return new ImageSizes.Entry(ImageStatus.CORRUPT, 0, 0);
        } catch (IOException | RuntimeException e) {
            return new ImageSizes.Entry(ImageStatus.UNREADABLE, 0, 0);
        }
    }
}
