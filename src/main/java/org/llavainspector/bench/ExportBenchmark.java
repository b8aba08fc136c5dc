package org.llavainspector.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.zip.ZipOutputStream;
import org.llavainspector.core.curation.Edit;
import org.llavainspector.core.curation.Mark;
import org.llavainspector.core.curation.SampleKey;
import org.llavainspector.core.curation.Session;
import org.llavainspector.core.curation.SessionStore;
import org.llavainspector.core.curation.UndoStack;
import org.llavainspector.core.dataset.DatasetIndex;
import org.llavainspector.core.image.ZipImageSource;
import org.llavainspector.core.util.StoredZipEntry;
import org.llavainspector.core.util.TaskMonitor;

/**
 * The measurements behind {@code bench export}: whole-process exports against Python's
 * {@code json.load} + {@code json.dump(indent=2)}, an image subset copied out of a large zip against a plain file
 * copy of the same bytes, and the autosave of a large session, each as medians.
 */
public final class ExportBenchmark {
    /** Our wall time may be at most this share of Python's. */
    public static final double WALL_TARGET = 0.20;
    /** An autosave must take less than this. */
    public static final double AUTOSAVE_TARGET_MILLIS = 200;

    private final int runs;
    private final PrintWriter log;

    public ExportBenchmark(int runs, PrintWriter log) {
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1: " + runs);
        }
        this.runs = runs;
        this.log = log;
    }

    /** Whole exports of each file, ours and Python's alternating (see {@link StatsBenchmark}). */
    public List<StatsBenchmark.FileResult> exports(Path dataDir, List<DatasetSpec> datasets,
            Function<Path, List<String>> ours, Function<Path, List<String>> python, ProcessMeter meter)
            throws IOException, InterruptedException {
        return new StatsBenchmark(runs, ours, python, meter, log).run(dataDir, datasets);
    }

    /** {@code DIR/KIND.json}: reused when present, generated otherwise (as for {@code bench stats}). */
    public Path ensureFile(Path dataDir, DatasetSpec spec) throws IOException {
        Files.createDirectories(dataDir);
        return new StatsBenchmark(1, f -> List.of(), null, null, log).ensureFile(dataDir, spec);
    }

    /**
     * Autosave figures: the sidecar of {@code marks} marks and {@code edits} image edits, saved and loaded; the first
     * save of a fresh JVM (before the JIT has compiled the writer) apart from the median of the others.
     */
    public record Autosave(int marks, int edits, long sidecarBytes, double firstSaveMillis, double medianSaveMillis,
            double medianLoadMillis) {
    }

    /**
     * Saves (as the autosaver does: snapshot, sort, write, force, move) and loads a synthetic session of one file
     * with {@code records} records, {@code marks} of them marked and {@code edits} with an edited image.
     */
    public Autosave autosave(Path dir, Path datasetFile, int records, int marks, int edits) throws IOException {
        Session session = Session.create(List.of(datasetFile));
        UndoStack undo = new UndoStack(session, 1);
        SplittableRandom random = new SplittableRandom(42);
        Mark[] kinds = Mark.values();
        for (Mark m : kinds) {
            List<SampleKey> keys = new ArrayList<>();
            for (int k = m.ordinal(); k < marks; k += kinds.length) {
                keys.add(new SampleKey(0, (int) ((long) k * records / marks)));
            }
            undo.perform(Edit.mark(session, keys, m));
        }
        Set<Integer> edited = new HashSet<>();
        while (edited.size() < edits) {
            int r = random.nextInt(records);
            if (edited.add(r)) {
                undo.perform(Edit.setImage(session, new SampleKey(0, r),
                        List.of(String.format(Locale.ROOT, "coco/train2017/%012d.jpg", r))));
            }
        }
        Path sidecar = dir.resolve("bench" + SessionStore.SUFFIX);
        int total = runs + 1;
        double[] save = new double[total];
        double[] load = new double[total];
        for (int i = 0; i < total; i++) {
            long t0 = System.nanoTime();
            SessionStore.save(session, sidecar);
            long t1 = System.nanoTime();
            Session back = SessionStore.load(sidecar);
            long t2 = System.nanoTime();
            if (back.states().size() != session.states().size()) {
                throw new IllegalStateException("the sidecar lost samples");
            }
            save[i] = (t1 - t0) / 1e6;
            load[i] = (t2 - t1) / 1e6;
            log.printf(Locale.ROOT, "  autosave %s: save %.1f ms, load %.1f ms%n", i == 0 ? "first save" : "run " + i
                    + "/" + runs, save[i], load[i]);
            log.flush();
        }
        return new Autosave(session.markCounts().values().stream().mapToInt(Integer::intValue).sum(),
                session.editedCount(), Files.size(sidecar), save[0],
                StatsBenchmark.median(Arrays.copyOfRange(save, 1, total)),
                StatsBenchmark.median(Arrays.copyOfRange(load, 1, total)));
    }

    /** Image-copy figures: a subset exported with and without its images, and a plain copy of the same bytes. */
    public record ImageSubset(int images, long bytes, long zipEntries, double withImagesSeconds,
            double withoutImagesSeconds, double plainCopySeconds, double zipOpenSeconds) {
        /** Our image copy in MB/s: the bytes over the time the images added to the export. */
        public double oursMbPerSecond() {
            return bytes / 1e6 / Math.max(1e-9, withImagesSeconds - withoutImagesSeconds);
        }

        /** Our image copy in MB/s once the zip's central directory is read (a fixed cost per export). */
        public double oursAfterOpenMbPerSecond() {
            return bytes / 1e6 / Math.max(1e-9, withImagesSeconds - withoutImagesSeconds - zipOpenSeconds);
        }

        /** The plain copy in MB/s. */
        public double plainMbPerSecond() {
            return bytes / 1e6 / plainCopySeconds;
        }
    }

    /**
     * Writes a stored zip holding one small pseudo-image ({@code bytesPerImage} bytes) for every image path of the
     * dataset, as CC-3M's {@code images.zip} does for {@code chat.json}; returns the number of entries.
     */
    public long writeImageZip(Path datasetFile, Path zip, int bytesPerImage) throws Exception {
        long count = 0;
        SplittableRandom random = new SplittableRandom(7);
        byte[] data = new byte[bytesPerImage];
        try (DatasetIndex index = DatasetIndex.buildParallel(datasetFile, Runtime.getRuntime().availableProcessors(),
                TaskMonitor.NONE);
             OutputStream file = Files.newOutputStream(zip);
             ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(file, 1 << 20))) {
            Set<String> seen = new HashSet<>();
            for (int r = 0; r < index.size(); r++) {
                for (String p : index.images(r)) {
                    if (!seen.add(p)) {
                        continue;
                    }
                    random.nextBytes(data);
                    data[0] = (byte) 0xFF;
                    data[1] = (byte) 0xD8;
                    out.putNextEntry(StoredZipEntry.of(p, data, LocalDateTime.of(2020, 1, 1, 0, 0)));
                    out.write(data);
                    out.closeEntry();
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * Runs {@code withImages} and {@code withoutImages} alternately (whole processes), then times a plain copy (with
     * force to disk) of the image zip the first one wrote.
     */
    public ImageSubset imageSubset(List<String> withImages, List<String> withoutImages, Path zip, Path subsetZip,
            int images, long zipEntries, ProcessMeter meter) throws IOException, InterruptedException {
        double[] with = new double[runs];
        double[] without = new double[runs];
        double[] plain = new double[runs];
        double[] open = new double[runs];
        Path copy = subsetZip.resolveSibling("plain-copy.zip");
        for (int i = 0; i < runs; i++) {
            with[i] = checked(meter.measure(withImages), withImages).wallSeconds();
            without[i] = checked(meter.measure(withoutImages), withoutImages).wallSeconds();
            long t0 = System.nanoTime();
            Files.deleteIfExists(copy);
            Files.copy(subsetZip, copy);
            try (FileChannel ch = FileChannel.open(copy, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            plain[i] = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            try (ZipImageSource source = ZipImageSource.open(zip)) {
                open[i] = (System.nanoTime() - t1) / 1e9;
            }
            log.printf(Locale.ROOT, "  image subset run %d/%d: with images %.2f s, without %.2f s, plain copy %.3f s, "
                    + "zip open %.3f s%n", i + 1, runs, with[i], without[i], plain[i], open[i]);
            log.flush();
        }
        return new ImageSubset(images, Files.size(subsetZip), zipEntries, StatsBenchmark.median(with),
                StatsBenchmark.median(without), StatsBenchmark.median(plain), StatsBenchmark.median(open));
    }

    private static ProcessMeasurement checked(ProcessMeasurement m, List<String> command) {
        if (m.exitCode() != 0) {
            throw new StatsBenchmark.BenchmarkException("exited with " + m.exitCode() + ": "
                    + m.stderr().lines().findFirst().orElse("") + " (command: " + String.join(" ", command) + ")");
        }
        return m;
    }

    /** The results as markdown tables with the targets. */
    public String markdown(List<StatsBenchmark.FileResult> exports, ImageSubset images, Autosave autosave,
            String ours, String python, String machine) {
        StringBuilder sb = new StringBuilder();
        if (!exports.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "| file | records | size | ours wall | ours peak RSS | python wall "
                    + "| python peak RSS | wall ours/python (≤ %.2f) |%n", WALL_TARGET));
            sb.append(String.format("|---|---:|---:|---:|---:|---:|---:|---|%n"));
            for (StatsBenchmark.FileResult f : exports) {
                sb.append(String.format(Locale.ROOT, "| %s | %,d | %.1f MB | %s | %s | %s | %s | %s |%n",
                        f.file().getFileName(), f.records(), f.bytes() / 1e6, BenchReport.seconds(
                                f.ours().medianWallSeconds()), BenchReport.mib(f.ours().medianPeakRssKb()),
                        f.python() == null ? "n/a" : BenchReport.seconds(f.python().medianWallSeconds()),
                        f.python() == null ? "n/a" : BenchReport.mib(f.python().medianPeakRssKb()),
                        BenchReport.verdict(f.wallRatio(), WALL_TARGET)));
            }
            sb.append(String.format("%nours: %s%npython: %s%n%n", ours,
                    python == null ? "not found, skipped" : python));
        }
        if (images != null) {
            sb.append(String.format("| image subset | from zip entries | bytes | export with images | without "
                    + "| images took | of which zip open | ours MB/s | after open | plain copy MB/s |%n"));
            sb.append(String.format("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|%n"));
            sb.append(String.format(Locale.ROOT, "| %,d | %,d | %.1f MB | %s | %s | %s | %s | %.0f | %.0f | %.0f |%n%n",
                    images.images(), images.zipEntries(), images.bytes() / 1e6,
                    BenchReport.seconds(images.withImagesSeconds()), BenchReport.seconds(images.withoutImagesSeconds()),
                    BenchReport.seconds(images.withImagesSeconds() - images.withoutImagesSeconds()),
                    BenchReport.seconds(images.zipOpenSeconds()), images.oursMbPerSecond(),
                    images.oursAfterOpenMbPerSecond(), images.plainMbPerSecond()));
        }
        if (autosave != null) {
            sb.append(String.format(Locale.ROOT, "| session autosave | sidecar | first save (cold JVM) | save (median) "
                    + "| load (median) | save < %.0f ms |%n", AUTOSAVE_TARGET_MILLIS));
            sb.append(String.format("|---|---:|---:|---:|---:|---|%n"));
            sb.append(String.format(Locale.ROOT,
                    "| %,d marks, %,d edits | %.1f MB | %.1f ms | %.1f ms | %.1f ms | %s |%n%n",
                    autosave.marks(), autosave.edits(), autosave.sidecarBytes() / 1e6, autosave.firstSaveMillis(),
                    autosave.medianSaveMillis(), autosave.medianLoadMillis(),
                    autosave.medianSaveMillis() < AUTOSAVE_TARGET_MILLIS ? "PASS" : "FAIL"));
        }
        sb.append(String.format("Medians of %d run%s; exports and the image subset are whole processes (wall time by "
                + "the harness clock), autosave in-process; all files in the page cache.%nmachine: %s%n", runs,
                runs == 1 ? "" : "s", machine));
        return sb.toString();
    }
}
