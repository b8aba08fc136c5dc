package org.llavainspector.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipImageSourceTest {
    @TempDir
    Path dir;

    @Test
    void findsRootAndSubFolderEntriesButNotDirectories() throws IOException {
        Map<String, byte[]> entries = TestImages.mixedEntries();
        try (ZipImageSource zip = ZipImageSource.open(TestImages.zip(dir.resolve("images.zip"), entries, true))) {
            assertTrue(zip.contains("GCC_train_000000001.jpg"));
            assertTrue(zip.contains("00000/000000001.jpg"));
            assertFalse(zip.contains("00000"));
            assertFalse(zip.contains("00000/"));
            assertFalse(zip.contains("GCC_train_000000003.jpg"));
            assertFalse(zip.contains(""));
            assertEquals(entries.get("GCC_train_000000002.jpg").length, zip.size("GCC_train_000000002.jpg"));
            assertEquals(0, zip.size("empty.jpg"));
            assertEquals(-1, zip.size("nope.jpg"));
            assertArrayEquals(entries.get("00001/000010001.png"), zip.read("00001/000010001.png", 1 << 20));
            assertEquals(entries.size() - 1, zip.entries().size());
            assertEquals("images.zip", zip.name());
        }
    }

    @Test
    void readsDeflatedEntriesToo() throws IOException {
        Map<String, byte[]> entries = TestImages.mixedEntries();
        try (ZipImageSource zip = ZipImageSource.open(TestImages.zip(dir.resolve("d.zip"), entries, false))) {
            assertArrayEquals(entries.get("GCC_train_000000001.jpg"), zip.read("GCC_train_000000001.jpg", 1 << 20));
        }
    }

    @Test
    void openingAMissingEntryThrowsNoSuchFile() throws IOException {
        try (ZipImageSource zip = ZipImageSource.open(
                TestImages.zip(dir.resolve("a.zip"), Map.of("a.jpg", new byte[] {1}), true))) {
            assertThrows(NoSuchFileException.class, () -> zip.open("b.jpg"));
        }
    }

    @Test
    void refusesEntriesAboveTheByteCap() throws IOException {
        try (ZipImageSource zip = ZipImageSource.open(
                TestImages.zip(dir.resolve("a.zip"), Map.of("a.jpg", TestImages.dogJpeg()), false))) {
            assertThrows(ImageSource.TooLargeException.class, () -> zip.read("a.jpg", 1000));
        }
    }

    @Test
    void eightThreadsReadTheSameZipConcurrently() throws Exception {
        Random random = new Random(7);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 64; i++) {
            byte[] data = new byte[1000 + random.nextInt(30_000)];
            random.nextBytes(data);
            entries.put("d" + (i % 4) + "/" + i + ".bin", data);
        }
        entries.put("real.jpg", TestImages.ironingJpeg());
        List<String> names = new ArrayList<>(entries.keySet());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (ZipImageSource zip = ZipImageSource.open(TestImages.zip(dir.resolve("c.zip"), entries, true))) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int seed = t;
                results.add(pool.submit(() -> {
                    start.await();
                    Random order = new Random(seed);
                    int checked = 0;
                    for (int round = 0; round < 20; round++) {
                        String name = names.get(order.nextInt(names.size()));
                        assertArrayEquals(entries.get(name), zip.read(name, 1 << 20), name);
                        checked++;
                    }
                    return checked;
                }));
            }
            start.countDown();
            for (Future<Integer> r : results) {
                assertEquals(20, r.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void opensAZip64ArchiveWithMoreThan65535Entries() throws IOException {
        Path file = dir.resolve("many.zip");
        int count = 70_000;
        CRC32 crc = new CRC32();
        crc.update(new byte[] {'x'});
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             ZipOutputStream zip = new ZipOutputStream(os)) {
            for (int i = 0; i < count; i++) {
                ZipEntry e = new ZipEntry(String.format("GCC_train_%09d.jpg", i));
                e.setMethod(ZipEntry.STORED);
                e.setSize(1);
                e.setCrc(crc.getValue());
                zip.putNextEntry(e);
                zip.write('x');
            }
        }
        assertTrue(hasZip64EndRecord(file), "the writer should have needed ZIP64");

        try (ZipImageSource zip = ZipImageSource.open(file)) {
            assertEquals(count, zip.entryCount());
            assertTrue(zip.contains("GCC_train_000069999.jpg"));
            assertTrue(zip.contains("GCC_train_000000000.jpg"));
            assertFalse(zip.contains("GCC_train_000070000.jpg"));
            assertArrayEquals(new byte[] {'x'}, zip.read("GCC_train_000065536.jpg", 10));
        }
    }

    /** True when the file ends with a ZIP64 end-of-central-directory locator (signature PK\6\7). */
    private static boolean hasZip64EndRecord(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        ByteBuffer tail = ByteBuffer.wrap(all, all.length - 22 - 20, 4).order(ByteOrder.LITTLE_ENDIAN);
        return tail.getInt() == 0x07064b50;
    }

    @Test
    void aFileThatIsNoZipIsRefused() throws IOException {
        Path notZip = Files.writeString(dir.resolve("chat.json"), "[]");
        IOException e = assertThrows(IOException.class, () -> ImageSources.openSource(notZip));
        assertTrue(e.getMessage().contains("neither a folder nor a zip"), e.getMessage());
    }
}
