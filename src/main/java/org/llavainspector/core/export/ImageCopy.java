package org.llavainspector.core.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.llavainspector.core.image.ImageSources;
import org.llavainspector.core.util.AtomicFile;
import org.llavainspector.core.util.TaskMonitor;

/**
 * Copies the images of exported samples into a new zip (entries stored, not recompressed: images are compressed
 * already) or a new folder, each under its dataset path made safe ({@code ./}, {@code ..} and leading slashes
 * dropped), so that the exported {@code image} paths resolve against the copy. Each image is copied once however many
 * samples use it; images that resolve nowhere are reported, and their paths left as they were.
 *
 * <p>Used in three steps: {@link #map} every path while planning, {@link #copy} into a temporary file or folder beside
 * the target, then {@link #commit} (or {@link #discard}).
 */
final class ImageCopy {
    /** The fixed time of every zip entry, so that the same export gives the same bytes. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private final ImageSources sources;
    private final Path target;
    private final boolean zip;
    private final Map<String, String> newPaths = new HashMap<>();
    private final Map<String, ImageSources.Resolved> byName = new LinkedHashMap<>();
    private final Map<String, ImageCopyReport.Missing> missing = new LinkedHashMap<>();
    private Path temp;
    private long bytes;

    ImageCopy(ImageSources sources, Path target) {
        this.sources = sources;
        this.target = target.toAbsolutePath().normalize();
        this.zip = target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    /** The path a planned {@code datasetPath} has in the copy (the same path when it is missing). */
    String newPath(String datasetPath) {
        String known = newPaths.get(datasetPath);
        if (known == null) {
            throw new IllegalStateException("not planned: " + datasetPath);
        }
        return known;
    }

    /** Plans the copy of an image used by sample {@code id}; returns its path in the copy (see {@link #newPath}). */
    String map(String datasetPath, String id) {
        String known = newPaths.get(datasetPath);
        if (known != null) {
            missing.computeIfPresent(datasetPath, (p, m) -> new ImageCopyReport.Missing(p, m.firstId(), m.records() + 1));
            return known;
        }
        Optional<ImageSources.Resolved> found = sources.resolve(datasetPath);
        String name = safeName(datasetPath);
        if (found.isEmpty() || name.isEmpty()) {
            missing.put(datasetPath, new ImageCopyReport.Missing(datasetPath, id, 1));
            newPaths.put(datasetPath, datasetPath);
            return datasetPath;
        }
        name = unique(name, found.get());
        byName.put(name, found.get());
        newPaths.put(datasetPath, name);
        return name;
    }

    /** Number of distinct images to copy. */
    int count() {
        return byName.size();
    }

    /** {@code a/./b/../c.jpg} stays as written but without the parts that could leave the copy's root. */
    static String safeName(String path) {
        StringBuilder sb = new StringBuilder();
        for (String part : path.strip().replace('\\', '/').split("/")) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(part);
        }
        return sb.toString();
    }

    /** The name, or {@code name-2.ext}, ... when another image already has it. */
    private String unique(String name, ImageSources.Resolved image) {
        ImageSources.Resolved other = byName.get(name);
        if (other == null || other.equals(image)) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        int slash = name.lastIndexOf('/');
        String stem = dot > slash + 1 ? name.substring(0, dot) : name;
        String ext = dot > slash + 1 ? name.substring(dot) : "";
        for (int k = 2; ; k++) {
            String candidate = stem + "-" + k + ext;
            ImageSources.Resolved taken = byName.get(candidate);
            if (taken == null || taken.equals(image)) {
                return candidate;
            }
        }
    }

    /** Checks, before anything is written, that the target can be created. */
    void checkTarget() throws IOException {
        if (Files.isDirectory(target) && !zip) {
            try (DirectoryStream<Path> children = Files.newDirectoryStream(target)) {
                if (children.iterator().hasNext()) {
                    throw new ExportException("refusing to copy images into " + target
                            + ": the folder exists and is not empty");
                }
            }
        } else if (Files.exists(target) && !zip) {
            throw new ExportException("refusing to copy images to " + target + ": a file of that name exists");
        } else if (zip && Files.isDirectory(target)) {
            throw new ExportException("refusing to write the image zip " + target + ": it is a folder");
        }
        if (!Files.isDirectory(target.getParent())) {
            throw new ExportException("folder does not exist: " + target.getParent());
        }
    }

    /** Copies every mapped image into a temporary zip or folder beside the target; {@code step} after each. */
    void copy(TaskMonitor monitor, Runnable step) throws IOException {
        if (zip) {
            temp = AtomicFile.tempBeside(target);
            try (OutputStream file = Files.newOutputStream(temp);
                 ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(file, 1 << 20))) {
                for (Map.Entry<String, ImageSources.Resolved> e : byName.entrySet()) {
                    monitor.checkCancelled();
                    byte[] data = readAll(e.getValue());
                    out.putNextEntry(storedEntry(e.getKey(), data));
                    out.write(data);
                    out.closeEntry();
                    bytes += data.length;
                    step.run();
                }
            }
        } else {
            temp = AtomicFile.tempFolderBeside(target);
            for (Map.Entry<String, ImageSources.Resolved> e : byName.entrySet()) {
                monitor.checkCancelled();
                Path file = temp.resolve(e.getKey());
                Files.createDirectories(file.getParent());
                try (InputStream in = e.getValue().source().open(e.getValue().path())) {
                    bytes += Files.copy(in, file);
                }
                step.run();
            }
        }
    }

    private static byte[] readAll(ImageSources.Resolved image) throws IOException {
        try (InputStream in = image.source().open(image.path())) {
            return in.readAllBytes();
        }
    }

    private static ZipEntry storedEntry(String name, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(data.length);
        entry.setCompressedSize(data.length);
        entry.setCrc(crc.getValue());
        entry.setTimeLocal(ENTRY_TIME);
        return entry;
    }

    /** Moves the finished copy into place. */
    void commit() throws IOException {
        if (zip) {
            AtomicFile.commit(temp, target);
        } else {
            if (Files.isDirectory(target)) {
                Files.delete(target); // checked empty before; a folder cannot be replaced in one step
            }
            Files.move(temp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        temp = null;
    }

    /** Removes the temporary copy after a failure or a cancel. */
    void discard() {
        if (temp == null) {
            return;
        }
        if (Files.isDirectory(temp)) {
            try (var walk = Files.walk(temp)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(AtomicFile::deleteQuietly);
            } catch (IOException e) {
                // best effort: a hidden temporary folder may stay behind
            }
        } else {
            AtomicFile.deleteQuietly(temp);
        }
        temp = null;
    }

    ImageCopyReport report() {
        return new ImageCopyReport(target, zip, byName.size(), bytes, new ArrayList<>(missing.values()));
    }

    /** The dataset paths that resolved nowhere (so far). */
    List<ImageCopyReport.Missing> missing() {
        return List.copyOf(missing.values());
    }
}
