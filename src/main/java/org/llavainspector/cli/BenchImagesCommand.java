package org.llavainspector.cli;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.llavainspector.bench.Jpeg;
import org.llavainspector.bench.ResultTable;
import org.llavainspector.core.dataset.DatasetIndex;
import org.llavainspector.core.image.ImageDecoder;
import org.llavainspector.core.image.ImageHealthChecker;
import org.llavainspector.core.image.ImageLoader;
import org.llavainspector.core.image.ImageSources;
import org.llavainspector.core.image.ImageStatus;
import org.llavainspector.core.image.LoadedImage;
import org.llavainspector.core.image.ThumbnailCache;
import org.llavainspector.core.image.ZipImageSource;
import org.llavainspector.core.util.TaskMonitor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Benchmark of the image layer on a synthetic CC-3M-like zip: opening, existence checks, thumbnail decoding and the
 * cache's memory budget. Prints a markdown table. Meant as the {@code images} subcommand of {@code bench}.
 */
@Command(name = "images", mixinStandardHelpOptions = true,
        description = {"Benchmark the image layer on a synthetic CC-3M-like zip (generated once under --dir, "
                + "seeded): zip open, existence check of every image (in-process and as a whole process), "
                + "thumbnails per second, cache peak weight against its budget. Prints a markdown table."})
public final class BenchImagesCommand implements Callable<Integer> {
    static final int CC3M_ENTRIES = 595_375;
    private static final int VARIANTS = 48;
    private static final String[] PROMPTS = {
        "Provide a brief description of the given image.\\n<image>",
        "<image>\\nWrite a terse but informative summary of the picture.",
        "Share a concise interpretation of the image provided.\\n<image>",
        "<image>\\nDescribe the image concisely."
    };
    private static final String[] WORDS = ("a the of in on with and dog cat man woman city street beach sunset "
            + "mountain river old new red blue green view house car bike tree flowers food table window people "
            + "vector illustration background portrait landscape night light sky water boat").split(" ");

    @Mixin
    SyntheticZipOptions data = new SyntheticZipOptions();

    @Option(names = "--thumbnails", description = "random thumbnails per throughput run (default: ${DEFAULT-VALUE})")
    int thumbnails = 4_000;

    @Option(names = "--cache-thumbnails", description = "thumbnails loaded in the budget run (default: ${DEFAULT-VALUE})")
    int cacheThumbnails = 20_000;

    @Option(names = "--cache-budget-mb", description = "budget of the budget run in MiB (default: ${DEFAULT-VALUE})")
    long cacheBudgetMb = 32;

    @Option(names = "--threads", description = "loading threads (default: the number of cores)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--process-runs", description = "whole-process existence-check runs (default: ${DEFAULT-VALUE})")
    int processRuns = 3;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private ResultTable table;
    private PrintWriter log;

    /** Runs the benchmark on its own, before a parent {@code bench} command exists. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchImagesCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        log = spec.commandLine().getErr();
        table = new ResultTable(log, "bench: ");
        Files.createDirectories(data.dir);
        Path zip = data.zip();
        Path chat = data.chat();
        prepare(zip, chat);

        row("machine", Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ", max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MiB, load average before the run "
                + String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()),
                "");
        row("synthetic zip", fmt(data.entries) + " stored JPEGs of " + fmt(data.entryBytes) + " B (about "
                + fmt(data.pixels())
                + " px each), "
                + String.format(Locale.ROOT, "%.2f GB", Files.size(zip) / 1e9), "");
        measureOpen(zip);
        measureExistenceInProcess(zip, chat);
        measureExistenceAsProcess(zip, chat);
        measureThumbnails(zip);
        measureCacheBudget(zip);

        row("load average after the run", String.format(Locale.ROOT, "%.2f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()), "");
        table.print(spec.commandLine().getOut());
        return 0;
    }

    /**
     * The synthetic zip of these options, written first when missing (for other benchmarks of the image layer, e.g.
     * {@code bench hashes}, which share it with this one).
     */
    Path syntheticZip(PrintWriter progress) throws IOException {
        log = progress;
        Files.createDirectories(data.dir);
        Path zip = data.zip();
        if (!Files.exists(zip)) {
            long t0 = System.nanoTime();
            writeZip(zip);
            log.printf(Locale.ROOT, "bench: wrote %s in %.1f s%n", zip, seconds(t0));
        }
        return zip;
    }

    private void row(String measure, String result, String target) {
        table.row(measure, result, target);
    }

    // ---------------------------------------------------------------- measurements

    private void measureOpen(Path zip) throws IOException {
        double[] s = new double[3];
        for (int i = 0; i < s.length; i++) {
            long t0 = System.nanoTime();
            try (ZipImageSource src = ZipImageSource.open(zip)) {
                s[i] = seconds(t0);
                if (src.entryCount() != data.entries) {
                    throw new IllegalStateException("zip has " + src.entryCount() + " entries, expected " + data.entries);
                }
            }
        }
        row("zip open (central directory only)", String.format(Locale.ROOT, "%.3f s (median of 3)", median(s)), "");
    }

    private void measureExistenceInProcess(Path zip, Path chat) throws Exception {
        long t0 = System.nanoTime();
        DatasetIndex index = DatasetIndex.build(chat, TaskMonitor.NONE);
        double parse = seconds(t0);
        try (ImageSources sources = ImageSources.open(List.of(zip), List.of())) {
            ImageLoader loader = new ImageLoader(sources, new ImageDecoder());
            long t1 = System.nanoTime();
            ImageHealthChecker.Report report = new ImageHealthChecker(loader, 1)
                    .check(index.size(), index::images, false, TaskMonitor.NONE, (r, p, s, m) -> { });
            double check = seconds(t1);
            if (report.count(ImageStatus.OK) != data.entries) {
                throw new IllegalStateException("expected every image to be found: " + report.problemCountsByKind());
            }
            row("existence check of " + fmt(report.images()) + " images, in-process",
                    String.format(Locale.ROOT, "%.2f s (+ %.2f s to read the chat JSON)", check, parse), "");
        }
    }

    private void measureExistenceAsProcess(Path zip, Path chat) throws Exception {
        if (processRuns <= 0) {
            return;
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-cp", System.getProperty("java.class.path"), "org.llavainspector.Launcher",
                "validate", chat.toString(), "--images", zip.toString(), "--json");
        double[] s = new double[processRuns];
        String output = "";
        for (int i = 0; i < processRuns; i++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            try (InputStream in = p.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            int code = p.waitFor();
            s[i] = seconds(t0);
            if (code != 0) {
                throw new IllegalStateException("the check process failed (" + code + "): " + output);
            }
        }
        double min = Arrays.stream(s).min().orElse(0);
        row("existence check of " + fmt(data.entries) + " images, whole process (JVM start, JSON, zip, check)",
                String.format(Locale.ROOT, "%.2f s median of %d (best %.2f s)", median(s), processRuns, min), "< 3 s");
        log.println("bench: process said: " + output);
    }

    private void measureThumbnails(Path zip) throws IOException {
        try (ImageSources sources = ImageSources.open(List.of(zip), List.of())) {
            ImageLoader loader = new ImageLoader(sources, new ImageDecoder());
            Random random = new Random(data.seed + 1);
            for (int i = 0; i < 500; i++) {
                check(loader.thumbnail(name(random.nextInt(data.entries))));
            }
            long t0 = System.nanoTime();
            long cpu0 = processCpuNanos();
            for (int i = 0; i < thumbnails; i++) {
                check(loader.thumbnail(name(random.nextInt(data.entries))));
            }
            double one = thumbnails / seconds(t0);
            double oneCpu = thumbnails / ((processCpuNanos() - cpu0) / 1e9);

            List<String> keys = distinctRandomNames(random, thumbnails + 500);
            int warmUp = Math.min(500, keys.size() / 5);
            int measured = keys.size() - warmUp;
            try (ThumbnailCache cache = new ThumbnailCache(loader, ThumbnailCache.DEFAULT_BUDGET_BYTES, threads)) {
                awaitAll(keys.subList(0, warmUp).stream().map(cache::request).toList());
                long t1 = System.nanoTime();
                long cpu1 = processCpuNanos();
                awaitAll(keys.subList(warmUp, keys.size()).stream().map(cache::request).toList());
                double all = measured / seconds(t1);
                double allCpu = measured / ((processCpuNanos() - cpu1) / 1e9);
                LoadedImage sample = loader.thumbnail(keys.get(0));
                row("thumbnails/s, 1 thread (random entries; e.g. " + sample.sourceWidth() + "x" + sample.sourceHeight()
                        + " decoded to " + sample.width() + "x" + sample.height() + ")",
                        String.format(Locale.ROOT, "%.0f (%.0f per CPU-second of the process)", one, oneCpu), "");
                row("thumbnails/s, " + threads + " threads through ThumbnailCache (all misses)",
                        String.format(Locale.ROOT, "%.0f (%.0f per CPU-second of the process)", all, allCpu),
                        "≥ 400 on 2 cores");
            }
        }
    }

    /** CPU time of this whole process (all threads, GC included): a measure that other processes do not skew. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private void measureCacheBudget(Path zip) throws IOException {
        long budget = cacheBudgetMb << 20;
        try (ImageSources sources = ImageSources.open(List.of(zip), List.of());
             ThumbnailCache cache = new ThumbnailCache(new ImageLoader(sources, new ImageDecoder()), budget, threads)) {
            Random random = new Random(data.seed + 2);
            long t0 = System.nanoTime();
            // Scrolling a grid: a screenful of requests at a time, some of them revisits.
            for (int done = 0; done < cacheThumbnails; done += 256) {
                List<CompletableFuture<LoadedImage>> page = new ArrayList<>();
                for (int i = done; i < Math.min(cacheThumbnails, done + 256); i++) {
                    page.add(cache.request(name(random.nextInt(Math.min(data.entries, cacheThumbnails * 2)))));
                }
                awaitAll(page);
            }
            double s = seconds(t0);
            ThumbnailCache.Stats st = cache.stats();
            row("cache budget run: " + fmt(cacheThumbnails) + " requests into " + cacheBudgetMb + " MiB",
                    String.format(Locale.ROOT, "peak %.1f MiB of %d MiB (%.1f%%), %s held at the end, %s evictions, "
                                    + "%s hits, %s decodes, %.1f s", st.peakWeight() / 1048576.0, cacheBudgetMb,
                            100.0 * st.peakWeight() / budget, fmt(st.entries()), fmt(st.evictions()), fmt(st.hits()),
                            fmt(st.decodes()), s),
                    "peak ≤ budget");

            // Scrolling fast: most cells leave before their thumbnail was decoded.
            cache.invalidateAll();
            List<CompletableFuture<LoadedImage>> flung = new ArrayList<>();
            List<String> keys = distinctRandomNames(random, 2_000);
            for (String k : keys) {
                flung.add(cache.request(k));
            }
            for (int i = 0; i < flung.size(); i++) {
                if (i % 5 != 0) {
                    flung.get(i).cancel(false);
                }
            }
            for (int i = 0; i < flung.size(); i += 5) {
                flung.get(i).join();
            }
            awaitAll(List.of(cache.request(name(0)))); // a later request: the queue has drained
            ThumbnailCache.Stats after = cache.stats();
            row("fling: " + fmt(flung.size()) + " requests, " + fmt(flung.size() - (flung.size() + 4) / 5)
                            + " of them cancelled at once",
                    fmt(after.droppedBeforeStart() - st.droppedBeforeStart()) + " loads dropped before decoding, "
                            + fmt(after.decodes() - st.decodes()) + " decoded", "");
        }
    }

    private static void check(LoadedImage image) {
        if (image.status() != ImageStatus.OK) {
            throw new IllegalStateException("bench image failed: " + image);
        }
    }

    private static void awaitAll(List<CompletableFuture<LoadedImage>> futures) {
        for (CompletableFuture<LoadedImage> f : futures) {
            try {
                check(f.get(10, TimeUnit.MINUTES));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private List<String> distinctRandomNames(Random random, int n) {
        int[] picks = random.ints(0, data.entries).distinct().limit(Math.min(n, data.entries)).toArray();
        List<String> out = new ArrayList<>(picks.length);
        for (int p : picks) {
            out.add(name(p));
        }
        return out;
    }

    static String name(int i) {
        return String.format(Locale.ROOT, "GCC_train_%09d.jpg", i);
    }

    // ---------------------------------------------------------------- synthetic data

    private void prepare(Path zip, Path chat) throws IOException {
        if (!Files.exists(zip)) {
            long t0 = System.nanoTime();
            writeZip(zip);
            log.printf(Locale.ROOT, "bench: wrote %s in %.1f s%n", zip, seconds(t0));
        }
        if (!Files.exists(chat)) {
            writeChat(chat);
        }
    }

    private void writeZip(Path zip) throws IOException {
        Random random = new Random(data.seed);
        byte[][] variants = new byte[VARIANTS][];
        long[] crcs = new long[VARIANTS];
        for (int v = 0; v < VARIANTS; v++) {
            variants[v] = syntheticJpeg(random, data.entryBytes, data.pixels());
            CRC32 crc = new CRC32();
            crc.update(variants[v]);
            crcs[v] = crc.getValue();
        }
        Path tmp = zip.resolveSibling(zip.getFileName() + ".part");
        long time = 1_500_000_000_000L;
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20);
             ZipOutputStream out = new ZipOutputStream(os)) {
            for (int i = 0; i < data.entries; i++) {
                int v = random.nextInt(VARIANTS);
                ZipEntry e = new ZipEntry(name(i));
                e.setMethod(ZipEntry.STORED);
                e.setSize(variants[v].length);
                e.setCompressedSize(variants[v].length);
                e.setCrc(crcs[v]);
                e.setTime(time);
                out.putNextEntry(e);
                out.write(variants[v]);
                out.closeEntry();
                if (i % 50_000 == 0) {
                    log.printf(Locale.ROOT, "\rbench: writing %s: %d%%", zip.getFileName(), 100L * i / data.entries);
                    log.flush();
                }
            }
        }
        log.println();
        Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING);
    }

    private void writeChat(Path chat) throws IOException {
        Random random = new Random(data.seed);
        Path tmp = chat.resolveSibling(chat.getFileName() + ".part");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write('[');
            for (int i = 0; i < data.entries; i++) {
                String id = String.format(Locale.ROOT, "GCC_train_%09d", i);
                StringBuilder caption = new StringBuilder();
                for (int k = 6 + random.nextInt(10); k > 0; k--) {
                    caption.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                }
                caption.append('.');
                w.write(i == 0 ? "" : ",");
                w.write("{\"id\":\"" + id + "\",\"image\":\"" + id + ".jpg\",\"conversations\":[{\"from\":\"human\","
                        + "\"value\":\"" + PROMPTS[random.nextInt(PROMPTS.length)] + "\"},{\"from\":\"gpt\",\"value\":\""
                        + caption + "\"}]}");
            }
            w.write(']');
        }
        Files.move(tmp, chat, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * A JPEG of exactly {@code target} bytes: a photo-like picture (gradient, shapes, grain) of about
     * {@code pixelCount} pixels, encoded at the best quality that fits (shrunk when even a low quality does not),
     * then padded with comment segments.
     */
    static byte[] syntheticJpeg(Random random, int target, int pixelCount) throws IOException {
        double[] aspects = {4.0 / 3, 3.0 / 4, 1.0, 16.0 / 9, 3.0 / 2};
        double aspect = aspects[random.nextInt(aspects.length)];
        double pixels = Math.max(64, pixelCount);
        for (double scale = 1.0; scale > 0.01; scale *= 0.8) {
            int w = Math.max(8, (int) Math.sqrt(pixels * scale * aspect));
            int h = Math.max(8, (int) (pixels * scale / w));
            BufferedImage img = picture(random, w, h);
            for (float q = 0.9f; q >= 0.3f; q -= 0.05f) {
                byte[] jpeg = Jpeg.encode(img, q);
                if (jpeg.length <= target - 4) {
                    return pad(jpeg, target);
                }
            }
        }
        throw new IllegalArgumentException("cannot make a JPEG as small as " + target + " bytes");
    }

    private static BufferedImage picture(Random random, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt(0xFFFFFF)), w, h, new Color(random.nextInt(0xFFFFFF))));
        g.fillRect(0, 0, w, h);
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(random.nextInt(0xFFFFFF) | (80 + random.nextInt(175)) << 24, true));
            int x = random.nextInt(w);
            int y = random.nextInt(h);
            int rw = 5 + random.nextInt(Math.max(1, w / 3));
            int rh = 5 + random.nextInt(Math.max(1, h / 3));
            if (random.nextBoolean()) {
                g.fillOval(x - rw / 2, y - rh / 2, rw, rh);
            } else {
                g.fillRect(x - rw / 2, y - rh / 2, rw, rh);
            }
        }
        g.dispose();
        byte[] data = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < data.length; i++) {
            int v = (data[i] & 0xFF) + (int) (random.nextGaussian() * 10);
            data[i] = (byte) Math.max(0, Math.min(255, v));
        }
        return img;
    }

    /** Inserts COM segments right after SOI so that the file is exactly {@code target} bytes. */
    private static byte[] pad(byte[] jpeg, int target) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(target);
        out.write(jpeg, 0, 2);
        int missing = target - jpeg.length;
        while (missing > 0) {
            int segment = Math.min(missing, 65_537); // FF FE + length (2) + up to 65,533 bytes
            if (missing - segment > 0 && missing - segment < 4) {
                segment -= 4; // leave room for one more minimal segment
            }
            int length = segment - 2;
            out.write(0xFF);
            out.write(0xFE);
            out.write(length >> 8);
            out.write(length & 0xFF);
            for (int i = 0; i < length - 2; i++) {
                out.write(' ');
            }
            missing -= segment;
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    // ---------------------------------------------------------------- helpers

    static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String fmt(long n) {
        return ImagesCommand.fmt(n);
    }
}
