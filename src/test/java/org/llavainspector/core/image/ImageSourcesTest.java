package org.llavainspector.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageSourcesTest {
    @TempDir
    Path dir;

    /** LLaVA-1.5 mix paths: COCO from a zip of train2017 (files at its root), VG and GQA from folders. */
    @Test
    void resolvesLlava15PathsThroughPrefixRules() throws IOException {
        Path coco = TestImages.zip(dir.resolve("train2017.zip"),
                Map.of("000000033471.jpg", TestImages.ironingJpeg()), true);
        Path vg = Files.createDirectories(dir.resolve("visual_genome"));
        Files.createDirectories(vg.resolve("VG_100K_2"));
        Files.write(vg.resolve("VG_100K_2/2.jpg"), TestImages.dogJpeg());
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(data.resolve("gqa/images"));
        Files.write(data.resolve("gqa/images/n1.jpg"), TestImages.dogJpeg());

        try (ImageSources sources = ImageSources.open(List.of(data),
                List.of("coco/train2017/=" + coco, "vg=" + vg))) {
            ImageSources.Resolved c = sources.resolve("coco/train2017/000000033471.jpg").orElseThrow();
            assertEquals("000000033471.jpg", c.path());
            assertEquals("train2017.zip", c.source().name());
            assertEquals("VG_100K_2/2.jpg", sources.resolve("vg/VG_100K_2/2.jpg").orElseThrow().path());
            ImageSources.Resolved g = sources.resolve("gqa/images/n1.jpg").orElseThrow();
            assertEquals("gqa/images/n1.jpg", g.path(), "no rule matches: tried as-is in the plain source");
            assertTrue(sources.resolve("ocr_vqa/images/1.jpg").isEmpty());
            assertTrue(sources.resolve("coco/train2017/000000000001.jpg").isEmpty());
        }
    }

    @Test
    void aPathTheRuleCannotFindFallsThroughToThePlainSources() throws IOException {
        Path emptyZip = TestImages.zip(dir.resolve("other.zip"), Map.of("x.jpg", new byte[] {1}), true);
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(data.resolve("coco/train2017"));
        Files.write(data.resolve("coco/train2017/a.jpg"), TestImages.dogJpeg());

        try (ImageSources sources = ImageSources.open(List.of(data), List.of("coco/train2017/=" + emptyZip))) {
            ImageSources.Resolved r = sources.resolve("coco/train2017/a.jpg").orElseThrow();
            assertEquals("data", r.source().name());
            assertEquals("coco/train2017/a.jpg", r.path());
        }
    }

    @Test
    void plainSourcesAreTriedInOrder() throws IOException {
        Map<String, byte[]> one = new LinkedHashMap<>();
        one.put("GCC_train_000000001.jpg", TestImages.ironingJpeg());
        Path first = TestImages.zip(dir.resolve("images.zip"), one, true);
        Path second = TestImages.zip(dir.resolve("more.zip"), Map.of(
                "GCC_train_000000001.jpg", TestImages.dogJpeg(), "GCC_train_000000002.jpg", TestImages.dogJpeg()), true);

        try (ImageSources sources = ImageSources.open(List.of(first, second), List.of())) {
            assertEquals("images.zip", sources.resolve("GCC_train_000000001.jpg").orElseThrow().source().name());
            assertEquals("more.zip", sources.resolve("GCC_train_000000002.jpg").orElseThrow().source().name());
            assertEquals("images.zip", sources.resolve("./GCC_train_000000001.jpg").orElseThrow().source().name());
        }
    }

    @Test
    void aSourceNamedTwiceIsOpenedOnce() throws IOException {
        Path zip = TestImages.zip(dir.resolve("images.zip"), Map.of("a.jpg", new byte[] {1}), true);

        try (ImageSources sources = ImageSources.open(List.of(zip, zip), List.of("llava/images/=" + zip))) {
            assertEquals(1, sources.sources().size());
            assertSame(sources.sources().get(0), sources.rules().get(0).source());
            assertEquals("llava/images/", sources.rules().get(0).prefix());
            assertEquals("a.jpg", sources.resolve("llava/images/a.jpg").orElseThrow().path());
        }
    }

    @Test
    void badRulesAndMissingSourcesGiveOneLineMessages() throws IOException {
        Path zip = TestImages.zip(dir.resolve("images.zip"), Map.of("a.jpg", new byte[] {1}), true);

        IOException bad = assertThrows(IOException.class, () -> ImageSources.open(List.of(), List.of("coco")));
        assertTrue(bad.getMessage().contains("PREFIX=SOURCE"), bad.getMessage());
        IOException missing = assertThrows(IOException.class,
                () -> ImageSources.open(List.of(zip, dir.resolve("nope.zip")), List.of()));
        assertTrue(missing.getMessage().contains("nope.zip"), missing.getMessage());
    }

    @Test
    void proposesZipsAndImageFoldersBesideTheDataset() throws IOException {
        Path data = Files.createDirectories(dir.resolve("playground/data"));
        Path dataset = Files.writeString(data.resolve("llava_v1_5_mix665k.json"), "[]");
        TestImages.zip(data.resolve("extra.zip"), Map.of("a.jpg", new byte[] {1}), true);
        TestImages.zip(data.resolve("images.zip"), Map.of("a.jpg", new byte[] {1}), true);
        Files.createDirectories(data.resolve("coco/train2017"));
        Files.write(data.resolve("coco/train2017/000000033471.jpg"), new byte[] {1});
        Files.createDirectories(data.resolve("images"));
        Files.write(data.resolve("images/GCC_train_000000001.jpg"), new byte[] {1});
        Files.createDirectories(data.resolve("notes"));
        Files.writeString(data.resolve("notes/readme.txt"), "no images here");

        List<Path> proposed = ImageSources.proposeSourcesBeside(dataset);

        Path d = data.toAbsolutePath().normalize();
        assertEquals(List.of(d.resolve("images.zip"), d.resolve("extra.zip"), d, d.resolve("coco"), d.resolve("images")),
                proposed);
    }

    @Test
    void proposesNothingBesideALoneDataset() throws IOException {
        Path dataset = Files.writeString(dir.resolve("chat.json"), "[]");
        assertEquals(List.of(), ImageSources.proposeSourcesBeside(dataset));
    }
}
