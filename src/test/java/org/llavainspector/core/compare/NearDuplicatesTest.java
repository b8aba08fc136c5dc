package org.llavainspector.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llavainspector.core.compare.DuplicateGroups.Group;
import org.llavainspector.core.compare.DuplicateGroups.Kind;
import org.llavainspector.core.dataset.DatasetIndex;
import org.llavainspector.core.dataset.DemoDataset;
import org.llavainspector.core.image.ImageDecoder;
import org.llavainspector.core.image.ImageLoader;
import org.llavainspector.core.image.ImageSources;
import org.llavainspector.core.image.ImageStatus;
import org.llavainspector.core.util.CancellableMonitor;
import org.llavainspector.core.util.TaskMonitor;

/** Near-duplicate images of the demo dataset, the hash pass's counts, and the hash cache. */
class NearDuplicatesTest {
    /** Distinct first images of demo.json: 23, one of which (000000033471.jpg) is in no source. */
    private static final int DISTINCT_FIRST_IMAGES = 23;

    private static DatasetIndex demo;

    @TempDir
    Path dir;

    @BeforeAll
    static void index() throws Exception {
        demo = DatasetIndex.build(DemoDataset.file(), TaskMonitor.NONE);
    }

    private static NearDuplicates.Result find(Path source, ImageHashCache cache) throws IOException {
        try (ImageSources sources = ImageSources.open(List.of(source), List.of())) {
            return NearDuplicates.find(demo, new ImageLoader(sources, new ImageDecoder()), cache,
                    NearDuplicates.DEFAULT_DISTANCE, 2, TaskMonitor.NONE);
        }
    }

    private static List<String> groupImages(NearDuplicates.Result result, Group g) {
        return result.imagesOf(g).stream().map(NearDuplicates.ImageDistance::path).toList();
    }

    @Test
    void theDemoCopiesUnderOtherNamesAreNearDuplicates() throws IOException {
        NearDuplicates.Result result = find(DemoDataset.folder().resolve("images.zip"), null);

        assertEquals(DISTINCT_FIRST_IMAGES, result.hashes().paths().size());
        assertEquals(DISTINCT_FIRST_IMAGES - 1, result.hashes().hashedCount());
        assertEquals(Map.of(ImageStatus.MISSING, 1), result.hashes().problems());
        assertEquals(8, result.groups().size(), result.groups().toString());
        assertTrue(result.groups().stream().allMatch(g -> g.kind() == Kind.NEAR_IMAGE));

        // the largest: three records of 000000319154.jpg, its copy under coco/ and the multi-image record
        Group largest = result.groups().get(0);
        assertEquals("000000319154.jpg", largest.key());
        assertEquals(List.of("000000319154.jpg", "coco/train2017/000000319154.jpg"), groupImages(result, largest));
        assertEquals("[0, 1, 2, 26, 29]", Arrays.toString(largest.records()));
        assertTrue(result.imagesOf(largest).stream().allMatch(i -> i.distance() == 0), "byte-identical: distance 0");

        Group copies = result.groups().stream().filter(g -> g.key().equals("000000900006.jpg")).findFirst()
                .orElseThrow();
        assertEquals(List.of("000000900006.jpg", "00900/009000017.jpg"), groupImages(result, copies));
        assertEquals(demo.recordsWithImage("000000900006.jpg")[0], copies.records()[0]);
    }

    @Test
    void missingAndCorruptImagesAreCountedNotHashed() throws IOException {
        Path folder = extractDemoZip(dir.resolve("images"));
        Files.write(folder.resolve("000000900006.jpg"), "not a jpeg".getBytes());
        Files.write(folder.resolve("000000900007.jpg"), Arrays.copyOf(Files.readAllBytes(folder.resolve(
                "000000900007.jpg")), 2000));

        NearDuplicates.Result result = find(folder, null);

        assertEquals(Map.of(ImageStatus.MISSING, 1, ImageStatus.CORRUPT, 2), result.hashes().problems());
        assertEquals(DISTINCT_FIRST_IMAGES - 3, result.hashes().hashedCount());
        assertEquals(6, result.groups().size(), "the two broken images leave their copies alone");
        assertFalse(result.groups().stream().anyMatch(g -> g.key().equals("000000900006.jpg")));
    }

    @Test
    void aSecondRunDecodesNothingAndAChangedSourceIsHashedAgain() throws IOException {
        Path zip = Files.copy(DemoDataset.folder().resolve("images.zip"), dir.resolve("images.zip"));
        Path cacheFile = dir.resolve("demo.json" + ImageHashCache.SUFFIX);

        ImageHashCache cache = ImageHashCache.load(cacheFile);
        assertEquals(0, cache.size(), "no file yet: an empty cache");
        NearDuplicates.Result first = find(zip, cache);
        assertEquals(DISTINCT_FIRST_IMAGES - 1, first.hashes().decoded());
        assertEquals(0, first.hashes().fromCache());
        assertTrue(cache.isChanged());
        cache.save(cacheFile);

        ImageHashCache reread = ImageHashCache.load(cacheFile);
        assertEquals(DISTINCT_FIRST_IMAGES - 1, reread.size());
        NearDuplicates.Result second = find(zip, reread);
        assertEquals(0, second.hashes().decoded(), "every hash comes from the cache");
        assertEquals(DISTINCT_FIRST_IMAGES - 1, second.hashes().fromCache());
        assertArrayEquals(first.hashes().hashes(), second.hashes().hashes());
        assertEquals(first.groups().size(), second.groups().size());
        assertFalse(reread.isChanged());

        // the zip is rewritten (here: only its time changes): every image is decoded again
        Files.setLastModifiedTime(zip, FileTime.fromMillis(Files.getLastModifiedTime(zip).toMillis() - 60_000));
        NearDuplicates.Result third = find(zip, reread);
        assertEquals(DISTINCT_FIRST_IMAGES - 1, third.hashes().decoded());
        assertArrayEquals(first.hashes().hashes(), third.hashes().hashes());
    }

    @Test
    void inAFolderOnlyTheReplacedFileIsHashedAgain() throws IOException {
        Path folder = extractDemoZip(dir.resolve("images"));
        ImageHashCache cache = new ImageHashCache();
        find(folder, cache);
        Path cacheFile = dir.resolve("x" + ImageHashCache.SUFFIX);
        cache.save(cacheFile);

        // 000000900006.jpg becomes a copy of another picture
        Files.copy(folder.resolve("000000900001.jpg"), folder.resolve("000000900006.jpg"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        NearDuplicates.Result after = find(folder, ImageHashCache.load(cacheFile));

        assertEquals(1, after.hashes().decoded());
        Group moved = after.groups().stream().filter(g -> g.key().equals("000000900001.jpg")).findFirst().orElseThrow();
        assertTrue(after.imagesOf(moved).stream().anyMatch(i -> i.path().equals("000000900006.jpg")),
                after.imagesOf(moved).toString());
    }

    @Test
    void aDamagedCacheFileIsAOneLineErrorNamingIt() throws IOException {
        Path bad = Files.write(dir.resolve("bad" + ImageHashCache.SUFFIX), new byte[] {1, 2, 3});
        IOException e = assertThrows(IOException.class, () -> ImageHashCache.load(bad));
        assertTrue(e.getMessage().startsWith(bad.toString()), e.getMessage());
        assertEquals(dir.resolve("demo.json" + ImageHashCache.SUFFIX),
                ImageHashCache.besideSession(dir.resolve("demo.json.llava-session.json")));
    }

    @Test
    void theHashPassCanBeCancelled() throws IOException {
        CancellableMonitor monitor = new CancellableMonitor();
        monitor.cancel();
        try (ImageSources sources = ImageSources.open(List.of(DemoDataset.folder().resolve("images.zip")), List.of())) {
            assertThrows(CancellationException.class, () -> NearDuplicates.find(demo,
                    new ImageLoader(sources, new ImageDecoder()), null, 6, 2, monitor));
        }
    }

    private static void assertArrayEquals(long[] a, long[] b) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(a, b);
    }

    private static Path extractDemoZip(Path folder) throws IOException {
        try (ZipFile zip = new ZipFile(DemoDataset.folder().resolve("images.zip").toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                if (e.isDirectory()) {
                    continue;
                }
                Path target = folder.resolve(e.getName());
                Files.createDirectories(target.getParent());
                try (InputStream in = zip.getInputStream(e)) {
                    Files.copy(in, target);
                }
            }
        }
        return folder;
    }
}
