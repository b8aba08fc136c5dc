package org.llavainspector.core.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llavainspector.core.image.ImageSources;
import org.llavainspector.core.util.TaskMonitor;

class ImagePathRewriteTest {
    @TempDir
    Path dir;

    @Test
    void prefixes() {
        ImagePathRewrite add = ImagePathRewrite.addPrefix("coco/train2017/");
        assertEquals("coco/train2017/000000033471.jpg", add.apply("000000033471.jpg"));
        assertEquals("coco/train2017/x.jpg", add.apply("coco/train2017/x.jpg"), "already there: left alone");
        ImagePathRewrite strip = ImagePathRewrite.stripPrefix("coco/train2017/");
        assertEquals("x.jpg", strip.apply("coco/train2017/x.jpg"));
        assertEquals("gqa/images/x.jpg", strip.apply("gqa/images/x.jpg"));
        ImagePathRewrite replace = ImagePathRewrite.replacePrefix("train2014/", "train2017/");
        assertEquals("train2017/a.jpg", replace.apply("train2014/a.jpg"));
        assertEquals("val2014/a.jpg", replace.apply("val2014/a.jpg"));
    }

    @Test
    void extensions() {
        ImagePathRewrite png = ImagePathRewrite.extension(".png");
        assertEquals("a/b.png", png.apply("a/b.jpg"));
        assertEquals("a.b/c.png", png.apply("a.b/c"), "a dot in a folder name is no extension");
        assertEquals("a/.hidden.png", png.apply("a/.hidden"));
        assertEquals("a/b", ImagePathRewrite.extension("").apply("a/b.jpeg"));
        assertEquals("x.jpg", ImagePathRewrite.extension("jpg").apply("x.JPG"));
        assertThrows(IllegalArgumentException.class, () -> ImagePathRewrite.extension("tar.gz"));
    }

    @Test
    void regexWithGroups() {
        // COCO 2014 names to 2017 names: COCO_train2014_000000033471.jpg -> train2017/000000033471.jpg
        ImagePathRewrite r = ImagePathRewrite.regex("^(?:.*/)?COCO_train2014_(\\d{12})\\.jpg$", "train2017/$1.jpg");
        assertEquals("train2017/000000033471.jpg", r.apply("COCO_train2014_000000033471.jpg"));
        assertEquals("train2017/000000033471.jpg", r.apply("coco/COCO_train2014_000000033471.jpg"));
        assertEquals("other.jpg", r.apply("other.jpg"));
        ImagePathRewrite named = ImagePathRewrite.regex("(?<n>\\d+)", "<${n}>");
        assertEquals("a<1>b<22>", named.apply("a1b22"), "every match is replaced");
        assertEquals("cost$1.jpg", ImagePathRewrite.regex("x", "\\$1").apply("costx.jpg"));
    }

    @Test
    void badRegexAndReplacementsAreRefusedUpFront() {
        assertThrows(IllegalArgumentException.class, () -> ImagePathRewrite.regex("(", "x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ImagePathRewrite.regex("(a)", "$2"));
        assertTrue(e.getMessage().contains("group 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ImagePathRewrite.regex("a", "x$"));
        assertThrows(IllegalArgumentException.class, () -> ImagePathRewrite.regex("a", "${nope}"));
        assertThrows(IllegalArgumentException.class, () -> ImagePathRewrite.regex("", "x"));
        assertThrows(IllegalArgumentException.class, () -> ImagePathRewrite.addPrefix(""));
    }

    @Test
    void listsAreRewrittenElementWise() {
        ImagePathRewrite add = ImagePathRewrite.addPrefix("p/");
        assertEquals(List.of("p/a.jpg", "p/b.jpg"), add.apply(List.of("a.jpg", "p/b.jpg")));
        List<String> same = List.of("p/a.jpg");
        assertSame(same, add.apply(same));
    }

    @Test
    void previewCountsWhatResolvesBeforeAndAfterAndChangesNothing() throws Exception {
        Path images = Files.createDirectories(dir.resolve("images/coco"));
        Files.write(images.resolve("a.jpg"), new byte[] {1});
        Files.write(images.resolve("b.jpg"), new byte[] {1});
        Session session = new Session(List.of());
        session.bind(new FakeRecords().with(0, 0, "a.jpg").with(0, 1, "b.jpg", "c.jpg").with(0, 2, "coco/a.jpg")
                .with(0, 3));
        List<SampleKey> targets = List.of(new SampleKey(0, 0), new SampleKey(0, 1), new SampleKey(0, 2),
                new SampleKey(0, 3));
        ImagePathRewrite add = ImagePathRewrite.addPrefix("coco/");
        try (ImageSources sources = ImageSources.open(List.of(dir.resolve("images")), List.of())) {
            ImagePathRewrite.Preview p = add.preview(session, targets, sources, 10, TaskMonitor.NONE);
            assertEquals(4, p.samples());
            assertEquals(2, p.changedSamples());
            assertEquals(4, p.images());
            assertEquals(3, p.changedImages());
            assertEquals(1, p.resolvedBefore());
            assertEquals(3, p.resolvedAfter());
            assertEquals(2, p.rows().size());
            assertEquals(List.of("coco/b.jpg", "coco/c.jpg"), p.rows().get(1).after());
            assertEquals("r1", p.rows().get(1).id());
        }
        assertEquals(-1, add.preview(session, targets, null, 1, TaskMonitor.NONE).resolvedAfter());
        assertTrue(session.states().isEmpty());
    }

    @Test
    void theRewriteIsOneUndoableStepThatStartsFromEditedImages() {
        Session session = new Session(List.of());
        session.bind(new FakeRecords().with(0, 0, "a.jpg").with(0, 1, "b1.jpg", "b2.jpg").with(0, 2, "x/c.jpg"));
        UndoStack undo = new UndoStack(session);
        SampleKey a = new SampleKey(0, 0);
        SampleKey b = new SampleKey(0, 1);
        SampleKey c = new SampleKey(0, 2);
        undo.perform(Edit.setImage(session, a, List.of("edited.jpg")));
        undo.perform(ImagePathRewrite.addPrefix("x/").edit(session, List.of(a, b, c)));
        assertEquals(List.of("x/edited.jpg"), session.images(a));
        assertEquals(List.of("x/b1.jpg", "x/b2.jpg"), session.images(b));
        assertTrue(session.state(c).isEmpty());
        undo.perform(ImagePathRewrite.stripPrefix("x/").edit(session, List.of(b)));
        assertTrue(session.state(b).isEmpty(), "back to the source paths: no edit left");
        undo.undo();
        undo.undo();
        assertEquals(List.of("edited.jpg"), session.images(a));
        assertEquals(List.of("b1.jpg", "b2.jpg"), session.images(b));
        assertTrue(undo.undoLabel().orElseThrow().startsWith("Edit image"));
    }
}
