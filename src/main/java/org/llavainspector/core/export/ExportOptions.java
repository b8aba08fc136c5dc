package org.llavainspector.core.export;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.llavainspector.core.image.ImageSources;

/**
 * Where and how an export writes: the output file and format, optionally a zip or folder for the images of the
 * exported samples (found in {@code imageSources}), and files that must never be overwritten besides the dataset
 * files and image sources (e.g. the session's sidecar).
 */
public record ExportOptions(Path out, ExportFormat format, ImageSources imageSources, Path imagesOut,
        List<Path> protectedFiles) {
    public ExportOptions {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(format, "format");
        protectedFiles = protectedFiles == null ? List.of() : List.copyOf(protectedFiles);
    }

    /** Writes {@code out} in {@code format}, without images. */
    public static ExportOptions to(Path out, ExportFormat format) {
        return new ExportOptions(out, format, null, null, List.of());
    }

    /** Also copies the exported samples' images from {@code sources} into {@code zipOrFolder} (a .zip or a folder). */
    public ExportOptions withImages(ImageSources sources, Path zipOrFolder) {
        return new ExportOptions(out, format, sources, zipOrFolder, protectedFiles);
    }

    /** The open image sources: never written over, and where {@link #withImages} copies from. */
    public ExportOptions withImageSources(ImageSources sources) {
        return new ExportOptions(out, format, sources, imagesOut, protectedFiles);
    }

    /** Also refuses to write over these files. */
    public ExportOptions protecting(List<Path> files) {
        return new ExportOptions(out, format, imageSources, imagesOut, files);
    }
}
