package org.llavainspector.core.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.llavainspector.core.curation.SampleKey;
import org.llavainspector.core.curation.SampleState;
import org.llavainspector.core.curation.Session;
import org.llavainspector.core.dataset.DatasetFormat;
import org.llavainspector.core.dataset.DatasetIndex;
import org.llavainspector.core.image.FolderImageSource;
import org.llavainspector.core.image.ImageSource;
import org.llavainspector.core.image.ZipImageSource;
import org.llavainspector.core.util.AtomicFile;
import org.llavainspector.core.util.PathIdentity;
import org.llavainspector.core.util.TaskMonitor;

/**
 * Writes the selected samples of one or more indexed dataset files, with the session's edits, to a new file: LLaVA
 * JSON (laid out as the source, or compact), JSON Lines, or an id list; optionally with their images copied.
 *
 * <p>An unedited record is written as its exact source bytes (re-spaced onto one line only when the format needs one
 * line per record and the source spread it over several); an edited one gets its new {@code image} spliced into its
 * source text, every other field kept as it was. Output files are written beside their target and moved into place
 * when complete; a source, an image source or a protected file is never overwritten. Progress and cancellation go
 * through the {@link TaskMonitor}; a cancelled export leaves nothing behind.
 */
public final class Exporter {
    private static final int CHECK_EVERY = 256;

    private final List<DatasetIndex> files;
    private final Session session;

    /**
     * @param files complete indexes, in the order their records are written
     * @param session the edits and marks to apply (null: none); its files are matched to {@code files} by path
     */
    public Exporter(List<DatasetIndex> files, Session session) {
        this.files = List.copyOf(files);
        this.session = session;
    }

    /** Exports; throws {@link ExportException} when refused before writing, CancellationException when cancelled. */
    public ExportResult export(ExportSelection selection, ExportOptions options, TaskMonitor monitor)
            throws IOException {
        checkTargets(options);
        ImageCopy copy = options.imagesOut() == null ? null : new ImageCopy(options.imageSources(), options.imagesOut());
        if (copy != null) {
            copy.checkTarget();
        }
        int[][] chosen = selection.select(files, session, monitor);
        int records = 0;
        for (int[] c : chosen) {
            records += c.length;
        }
        if (copy != null) {
            planImages(chosen, copy, monitor);
        }
        Progress progress = new Progress(monitor, (long) records + (copy == null ? 0 : copy.count()));
        Path temp = null;
        try {
            if (copy != null) {
                copy.copy(monitor, progress::step);
            }
            Writer writer = new Writer(options.format(), chosen, copy, progress);
            temp = AtomicFile.writeTemp(options.out(), writer::write);
            long bytes = Files.size(temp);
            if (copy != null) {
                copy.commit();
            }
            AtomicFile.commit(temp, options.out());
            temp = null;
            monitor.progress(progress.total, progress.total);
            return new ExportResult(options.out().toAbsolutePath(), options.format(), selection.describe(), records,
                    writer.edited, writer.rewritten, writer.withoutId, bytes, copy == null ? null : copy.report());
        } finally {
            if (temp != null) {
                AtomicFile.deleteQuietly(temp);
            }
            if (copy != null) {
                copy.discard();
            }
        }
    }

    /** Refuses outputs that would overwrite an open source, an image source or a protected file. */
    private void checkTargets(ExportOptions options) throws ExportException {
        for (DatasetIndex index : files) {
            if (!index.isComplete()) {
                throw new ExportException(index.file() + " is not completely indexed yet");
            }
        }
        List<Path> sources = new ArrayList<>();
        files.forEach(i -> sources.add(i.file()));
        if (session != null) {
            session.sources().forEach(s -> sources.add(s.path()));
        }
        List<Path> imageRoots = new ArrayList<>();
        if (options.imageSources() != null) {
            options.imageSources().sources().forEach(s -> addSourcePath(s, sources, imageRoots));
            options.imageSources().rules().forEach(r -> addSourcePath(r.source(), sources, imageRoots));
        }
        sources.addAll(options.protectedFiles());
        Path out = options.out();
        refuseOverwrite(out, sources, "the output");
        if (Files.isDirectory(out)) {
            throw new ExportException("refusing to write " + out + ": it is a folder");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new ExportException("folder does not exist: " + parent);
        }
        if (options.imagesOut() != null) {
            if (options.imageSources() == null) {
                throw new ExportException("copying images needs at least one image source");
            }
            Path images = options.imagesOut();
            refuseOverwrite(images, sources, "the image copy");
            if (PathIdentity.same(images, out)) {
                throw new ExportException("the image copy and the output are the same file: " + out);
            }
            Path canonical = PathIdentity.canonical(images);
            for (Path root : imageRoots) {
                if (canonical.startsWith(PathIdentity.canonical(root))) {
                    throw new ExportException("refusing to copy images into " + images
                            + ": it lies inside the image source " + root);
                }
            }
        }
    }

    private static void addSourcePath(ImageSource s, List<Path> sources, List<Path> roots) {
        if (s instanceof ZipImageSource) {
            sources.add(((ZipImageSource) s).file());
        } else if (s instanceof FolderImageSource) {
            sources.add(((FolderImageSource) s).root());
            roots.add(((FolderImageSource) s).root());
        }
    }

    private static void refuseOverwrite(Path target, List<Path> sources, String what) throws ExportException {
        for (Path s : sources) {
            if (PathIdentity.same(target, s)) {
                throw new ExportException("refusing to write " + what + " over " + s + ": it is an open source");
            }
        }
    }

    private void planImages(int[][] chosen, ImageCopy copy, TaskMonitor monitor) {
        for (int f = 0; f < chosen.length; f++) {
            DatasetIndex index = files.get(f);
            int sessionFile = sessionFile(index);
            for (int k = 0; k < chosen[f].length; k++) {
                if (k % CHECK_EVERY == 0) {
                    monitor.checkCancelled();
                }
                int r = chosen[f][k];
                String id = index.id(r);
                for (String p : effectiveImages(index, sessionFile, r)) {
                    copy.map(p, id);
                }
            }
        }
    }

    private int sessionFile(DatasetIndex index) {
        return session == null ? -1 : session.fileNumber(index.file());
    }

    private List<String> effectiveImages(DatasetIndex index, int sessionFile, int r) {
        if (sessionFile >= 0) {
            SampleState s = session.state(new SampleKey(sessionFile, r));
            if (s.image() != null) {
                return s.image();
            }
        }
        return index.images(r);
    }

    /** Progress over records and images, reported now and then. */
    private static final class Progress {
        private final TaskMonitor monitor;
        private final long total;
        private long done;

        Progress(TaskMonitor monitor, long total) {
            this.monitor = monitor;
            this.total = total;
        }

        void step() {
            if (++done % CHECK_EVERY == 0) {
                monitor.checkCancelled();
                monitor.progress(done, total);
            }
        }
    }

    /** The output file's content, record after record. */
    private final class Writer {
        private final ExportFormat format;
        private final int[][] chosen;
        private final ImageCopy copy;
        private final Progress progress;
        private int edited;
        private int rewritten;
        private int withoutId;

        Writer(ExportFormat format, int[][] chosen, ImageCopy copy, Progress progress) {
            this.format = format;
            this.chosen = chosen;
            this.copy = copy;
            this.progress = progress;
        }

        void write(OutputStream out) throws IOException {
            ArrayLayout layout = layout();
            boolean first = true;
            for (int f = 0; f < chosen.length; f++) {
                DatasetIndex index = files.get(f);
                int sessionFile = sessionFile(index);
                try (SequentialReader reader = new SequentialReader(index.file())) {
                    for (int r : chosen[f]) {
                        if (format == ExportFormat.IDS) {
                            writeId(out, index.id(r));
                        } else {
                            if (layout != null) {
                                out.write(first ? layout.head() : layout.separator());
                            }
                            writeRecord(out, reader, index, sessionFile, r);
                            if (layout == null) {
                                out.write('\n');
                            }
                        }
                        first = false;
                        progress.step();
                    }
                }
            }
            if (layout != null) {
                out.write(first ? "[]\n".getBytes(StandardCharsets.UTF_8) : layout.tail());
            }
        }

        /** The array layout, or null for formats without one. */
        private ArrayLayout layout() throws IOException {
            switch (format) {
                case JSON:
                    for (DatasetIndex index : files) {
                        if (index.format() == DatasetFormat.JSON_ARRAY && index.size() > 0) {
                            return ArrayLayout.of(index);
                        }
                    }
                    return ArrayLayout.LINES;
                case JSON_COMPACT:
                    return ArrayLayout.COMPACT;
                default:
                    return null;
            }
        }

        private void writeId(OutputStream out, String id) throws IOException {
            if (id == null) {
                withoutId++;
                return;
            }
            out.write(id.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }

        private void writeRecord(OutputStream out, SequentialReader reader, DatasetIndex index, int sessionFile, int r)
                throws IOException {
            List<String> images = sessionFile < 0 ? null : session.state(new SampleKey(sessionFile, r)).image();
            if (copy != null) {
                List<String> mapped = new ArrayList<>();
                (images != null ? images : index.images(r)).forEach(p -> mapped.add(copy.newPath(p)));
                images = mapped;
            }
            boolean changed = images != null && !images.equals(index.images(r));
            SequentialReader.Slice slice = reader.read(index.offset(r), index.length(r));
            boolean respace = format.oneLinePerRecord()
                    && JsonText.isMultiLine(slice.array(), slice.start(), slice.length());
            if (!changed && !respace) {
                out.write(slice.array(), slice.start(), slice.length());
                return;
            }
            byte[] text = slice.copy();
            out.write(respace ? CompactJson.write(text, changed ? images : null) : ImageSplice.splice(text, images));
            rewritten++;
            if (changed) {
                edited++;
            }
        }
    }
}
