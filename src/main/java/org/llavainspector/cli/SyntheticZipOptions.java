package org.llavainspector.cli;

import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The synthetic CC-3M-like image zip the image benchmarks share ({@code bench images}, {@code bench hashes}): where
 * it lives, its size and seed, and the names of its files, so that every benchmark finds the same zip.
 */
final class SyntheticZipOptions {
    @Option(names = "--dir", paramLabel = "DIR", description = "where the synthetic data lives (default: ${DEFAULT-VALUE})")
    Path dir = Path.of("bench-data");

    @Option(names = "--entries", description = "images in the zip (default: ${DEFAULT-VALUE}, as CC-3M)")
    int entries = BenchImagesCommand.CC3M_ENTRIES;

    @Option(names = "--entry-bytes", description = "bytes per JPEG (default: ${DEFAULT-VALUE}, about 8.2 GB in all)")
    int entryBytes = 13_800;

    @Option(names = "--pixels", description = "pixels per image (default: about one per bit of --entry-bytes)")
    int pixels;

    @Option(names = "--seed", description = "seed of the generated data and the random picks (default: ${DEFAULT-VALUE})")
    long seed = 42;

    /** Pixels per image: as given, else one per bit of an entry. */
    int pixels() {
        return pixels > 0 ? pixels : entryBytes * 8;
    }

    /** The zip of these options. */
    Path zip() {
        return dir.resolve(String.format(Locale.ROOT, "cc3m-synthetic-%d-%dB-%dpx-seed%d.zip", entries, entryBytes,
                pixels(), seed));
    }

    /** The chat-style dataset whose records name the zip's images. */
    Path chat() {
        return dir.resolve(String.format(Locale.ROOT, "chat-synthetic-%d-seed%d.json", entries, seed));
    }
}
