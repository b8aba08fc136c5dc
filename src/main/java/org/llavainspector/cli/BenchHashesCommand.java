package org.llavainspector.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.llavainspector.bench.ResultTable;
import org.llavainspector.core.compare.ImageHashCache;
import org.llavainspector.core.compare.ImageHashes;
import org.llavainspector.core.compare.NearDuplicates;
import org.llavainspector.core.compare.NearHashGroups;
import org.llavainspector.core.image.DifferenceHash;
import org.llavainspector.core.image.ImageDecoder;
import org.llavainspector.core.image.ImageLoader;
import org.llavainspector.core.image.ImageSources;
import org.llavainspector.core.image.ImageStatus;
import org.llavainspector.core.image.LoadedImage;
import org.llavainspector.core.image.ThumbnailCache;
import org.llavainspector.core.util.TaskMonitor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Benchmark of near-duplicate detection on the synthetic CC-3M-like zip of {@code bench images}: perceptual hashes
 * per second against thumbnails per second, measured alternately in the same run on distinct random entries; the
 * cached second pass; grouping 595,375 hashes; and the size and speed of the hash cache. Prints a markdown table.
 */
@Command(name = "hashes", mixinStandardHelpOptions = true,
        description = {"Benchmark perceptual hashing (near-duplicate images) on the synthetic CC-3M-like zip of "
                + "'bench images' (generated once under --dir): hashes/s against thumbnails/s in the same run, "
                + "the cached second pass, grouping of --group-hashes hashes, the hash cache. Prints a markdown table."})
public final class BenchHashesCommand implements Callable<Integer> {
    @Mixin
    SyntheticZipOptions data = new SyntheticZipOptions();

    @Option(names = "--images", description = "distinct random images per measured run (default: ${DEFAULT-VALUE})")
    int images = 3_000;

    @Option(names = "--rounds", description = "alternating rounds of thumbnails and hashes (default: ${DEFAULT-VALUE})")
    int rounds = 3;

    @Option(names = "--threads", description = "decoding threads (default: the number of cores)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--group-hashes", description = "hashes in the grouping run (default: ${DEFAULT-VALUE})")
    int groupHashes = 595_375;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private ResultTable table;
    private PrintWriter log;

    @Override
    public Integer call() throws Exception {
        log = spec.commandLine().getErr();
        table = new ResultTable(log, "bench: ");
        if (images < 1 || rounds < 1 || threads < 1 || groupHashes < 2 || data.entries < images * (rounds * 2 + 1)) {
            throw new CliException("need --images, --rounds, --threads >= 1, --group-hashes >= 2 and "
                    + "--entries >= --images * (2 * --rounds + 1)");
        }
        BenchImagesCommand imageBench = new BenchImagesCommand();
        imageBench.data = data;
        Path zip = imageBench.syntheticZip(log);

        row("machine", Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + ", load average before the run " + String.format(Locale.ROOT, "%.2f", loadAverage()), "");
        row("synthetic zip", ImagesCommand.fmt(data.entries) + " stored JPEGs of " + ImagesCommand.fmt(data.entryBytes)
                + " B, "
                + String.format(Locale.ROOT, "%.2f GB", Files.size(zip) / 1e9), "");
        measureRates(zip);
        measureGrouping();
        measureCache();
        row("load average after the run", String.format(Locale.ROOT, "%.2f", loadAverage()), "");

        table.print(spec.commandLine().getOut());
        return 0;
    }

    /** Thumbnails and hashes, alternately, each run on its own distinct random entries (no run hits a warm page). */
    private void measureRates(Path zip) throws IOException {
        Random random = new Random(data.seed + 3);
        int[] picks = random.ints(0, data.entries).distinct().limit((long) images * (rounds * 2 + 1)).toArray();
        double[] thumbs = new double[rounds];
        double[] thumbsCpu = new double[rounds];
        double[] hashes = new double[rounds];
        double[] hashesCpu = new double[rounds];
        try (ImageSources sources = ImageSources.open(List.of(zip), List.of())) {
            ImageLoader loader = new ImageLoader(sources, new ImageDecoder());
            // warm-up of both paths (JIT, readers), on entries not measured afterwards
            List<String> warm = names(picks, 0);
            ImageHashes.compute(warm.subList(0, warm.size() / 2), loader, null, threads, TaskMonitor.NONE);
            thumbnails(loader, warm.subList(warm.size() / 2, warm.size()));
            LoadedImage example = loader.load(warm.get(0), DifferenceHash.DECODE_SIDE);
            LoadedImage thumbnail = loader.thumbnail(warm.get(0));
            for (int r = 0; r < rounds; r++) {
                List<String> forThumbs = names(picks, 1 + 2 * r);
                List<String> forHashes = names(picks, 2 + 2 * r);
                long t0 = System.nanoTime();
                long c0 = BenchImagesCommand.processCpuNanos();
                thumbnails(loader, forThumbs);
                thumbs[r] = images / BenchImagesCommand.seconds(t0);
                thumbsCpu[r] = images / ((BenchImagesCommand.processCpuNanos() - c0) / 1e9);
                t0 = System.nanoTime();
                c0 = BenchImagesCommand.processCpuNanos();
                ImageHashes.Result result = ImageHashes.compute(forHashes, loader, null, threads, TaskMonitor.NONE);
                hashes[r] = images / BenchImagesCommand.seconds(t0);
                hashesCpu[r] = images / ((BenchImagesCommand.processCpuNanos() - c0) / 1e9);
                if (result.hashedCount() != images || result.decoded() != images) {
                    throw new IllegalStateException("expected every image hashed: " + result.problems());
                }
                log.printf(Locale.ROOT, "bench: round %d: %.0f thumbnails/s, %.0f hashes/s%n", r + 1, thumbs[r],
                        hashes[r]);
            }
            String sizes = example.sourceWidth() + "x" + example.sourceHeight() + " decoded to " + example.width() + "x"
                    + example.height() + " for the hash, " + thumbnail.width() + "x" + thumbnail.height()
                    + " for the thumbnail";
            row("thumbnails/s, " + threads + " threads through ThumbnailCache (all misses; e.g. " + sizes + ")",
                    String.format(Locale.ROOT, "%.0f median of %d runs of %s (%.0f per CPU-second)", BenchImagesCommand.median(thumbs),
                            rounds, ImagesCommand.fmt(images), BenchImagesCommand.median(thumbsCpu)), "");
            // wall time swings with the other processes of a shared machine; CPU time per image does not
            double wall = BenchImagesCommand.median(hashes) / BenchImagesCommand.median(thumbs);
            double cpu = BenchImagesCommand.median(hashesCpu) / BenchImagesCommand.median(thumbsCpu);
            row("perceptual hashes/s, " + threads + " threads (ImageHashes: decode + dHash, no cache)",
                    String.format(Locale.ROOT, "%.0f median of %d runs of %s (%.0f per CPU-second)",
                            BenchImagesCommand.median(hashes), rounds, ImagesCommand.fmt(images),
                            BenchImagesCommand.median(hashesCpu)),
                    String.format(Locale.ROOT, "at the thumbnail rate: %.2f of it per CPU-second (%.2f by wall time)"
                            + " — %s", cpu, wall, cpu >= 0.9 ? "met" : "missed"));

            // the second pass over hashed images reads the cache only
            List<String> again = names(picks, 2);
            ImageHashCache cache = new ImageHashCache();
            ImageHashes.compute(again, loader, cache, threads, TaskMonitor.NONE);
            long t0 = System.nanoTime();
            ImageHashes.Result cached = ImageHashes.compute(again, loader, cache, threads, TaskMonitor.NONE);
            double s = BenchImagesCommand.seconds(t0);
            row("second pass over " + ImagesCommand.fmt(images) + " images with the cache",
                    String.format(Locale.ROOT, "%.3f s, %s decoded (%.0f images/s)", s,
                            ImagesCommand.fmt(cached.decoded()), images / s), "decodes nothing");
        }
    }

    private void thumbnails(ImageLoader loader, List<String> names) {
        try (ThumbnailCache cache = new ThumbnailCache(loader, ThumbnailCache.DEFAULT_BUDGET_BYTES, threads)) {
            List<CompletableFuture<LoadedImage>> futures = names.stream().map(cache::request).toList();
            for (CompletableFuture<LoadedImage> f : futures) {
                LoadedImage image = f.get(10, TimeUnit.MINUTES);
                if (image.status() != ImageStatus.OK) {
                    throw new IllegalStateException("bench image failed: " + image);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Random hashes with 1 % planted near copies (1 to 6 bits away), grouped at the default distance. */
    private void measureGrouping() {
        Random random = new Random(data.seed + 4);
        long[] hashes = new long[groupHashes];
        int planted = 0;
        for (int i = 0; i < groupHashes; i++) {
            if (i > 0 && random.nextInt(100) == 0) {
                long h = hashes[random.nextInt(i)];
                for (int b = 1 + random.nextInt(6); b > 0; b--) {
                    h ^= 1L << random.nextInt(64);
                }
                hashes[i] = h;
                planted++;
            } else {
                hashes[i] = random.nextLong();
            }
        }
        double[] s = new double[3];
        int groups = 0;
        for (int r = 0; r < s.length; r++) {
            long t0 = System.nanoTime();
            groups = NearHashGroups.find(hashes, NearDuplicates.DEFAULT_DISTANCE, TaskMonitor.NONE).size();
            s[r] = BenchImagesCommand.seconds(t0);
        }
        row("grouping " + ImagesCommand.fmt(groupHashes) + " random hashes with " + ImagesCommand.fmt(planted)
                        + " planted near copies, distance " + NearDuplicates.DEFAULT_DISTANCE,
                String.format(Locale.ROOT, "%.2f s median of 3, %s groups", BenchImagesCommand.median(s), ImagesCommand.fmt(groups)), "");
    }

    /** The cache of a CC-3M-sized dataset: written, read back, its size. */
    private void measureCache() throws IOException {
        ImageHashCache cache = new ImageHashCache();
        Random random = new Random(data.seed + 5);
        String source = "zip:" + data.dir.toAbsolutePath().resolve("cc3m.zip") + "|8300000000|1700000000000";
        for (int i = 0; i < groupHashes; i++) {
            cache.put(new ImageHashCache.Key(source, BenchImagesCommand.name(i), data.entryBytes, 0),
                    new ImageHashCache.Entry(ImageStatus.OK, random.nextLong()));
        }
        Path file = data.dir.resolve("bench" + ImageHashCache.SUFFIX);
        long t0 = System.nanoTime();
        long bytes = cache.save(file);
        double save = BenchImagesCommand.seconds(t0);
        t0 = System.nanoTime();
        int read = ImageHashCache.load(file).size();
        double load = BenchImagesCommand.seconds(t0);
        Files.delete(file);
        row("hash cache of " + ImagesCommand.fmt(read) + " images",
                String.format(Locale.ROOT, "%.1f MB, written in %.2f s, read in %.2f s", bytes / 1e6, save, load), "");
    }

    /** The {@code block}-th run's share of the random picks. */
    private List<String> names(int[] picks, int block) {
        return Arrays.stream(picks, block * images, (block + 1) * images).mapToObj(BenchImagesCommand::name).toList();
    }

    private void row(String measure, String result, String target) {
        table.row(measure, result, target);
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
