package org.llavainspector.ui.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.llavainspector.core.dataset.Dataset;
import org.llavainspector.core.dataset.DemoDataset;
import org.llavainspector.core.dataset.SampleRecord;
import org.llavainspector.core.dataset.Turn;
import org.llavainspector.core.image.ImageDecoder;
import org.llavainspector.core.image.ImageLimits;
import org.llavainspector.core.image.ImageLoader;
import org.llavainspector.core.image.ImageSources;
import org.llavainspector.ui.detail.ImageProvider;
import org.llavainspector.ui.detail.SampleDetail;
import org.llavainspector.ui.theme.Theme;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The sample card rendered for demo samples: the PNG's size, a real picture on the left, text on the right. */
@ExtendWith(ApplicationExtension.class)
class SampleCardTest {
    /** Named colours of the themes (theme-light.css, theme-dark.css). */
    private static final int LIGHT_TEXT = 0x1f2430;
    private static final int LIGHT_BG = 0xf6f7f9;
    private static final int DARK_TEXT = 0xe6e8ec;
    private static final int DARK_BG = 0x16181d;

    private static Dataset demo;
    private static ImageSources sources;
    private static ExecutorService executor;
    private static ImageProvider images;

    @TempDir
    Path temp;

    @BeforeAll
    static void open() throws Exception {
        demo = Dataset.open(DemoDataset.file(), org.llavainspector.core.util.TaskMonitor.NONE);
        sources = ImageSources.open(List.of(DemoDataset.folder().resolve("images.zip")), List.of());
        executor = Executors.newFixedThreadPool(2);
        images = ImageProvider.over(new ImageLoader(sources, new ImageDecoder(ImageLimits.DEFAULTS)), executor);
    }

    @AfterAll
    static void close() throws Exception {
        executor.shutdownNow();
        sources.close();
        demo.close();
    }

    private static SampleDetail sample(int record) throws Exception {
        SampleRecord r = demo.record(record);
        return new SampleDetail(record, DemoDataset.file(), record, r.id(), r.images(), r.turns(), Map.of(), Map.of(),
                List.of(), r.sourceText());
    }

    @Test
    void theCatsCardIsAFullHdPngWithThePhotoLeftAndTextRight() throws Exception {
        SampleDetail cats = sample(25); // 000000039769, the two cats, 8 turns
        assertEquals("coco/train2017/000000039769.jpg", cats.images().get(0));
        Path png = temp.resolve(SampleCardExport.fileName(cats));
        assertEquals("000000039769.png", png.getFileName().toString());
        Path written = SampleCardExport.export(cats, 0, images, Theme.LIGHT, png, executor).get(30, TimeUnit.SECONDS);
        assertEquals(png, written);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(SampleCard.WIDTH, image.getWidth());
        assertEquals(SampleCard.HEIGHT, image.getHeight());
        try (var files = Files.list(temp)) {
            assertEquals(List.of(png), files.toList()); // no temporary file left beside it
        }

        Layout layout = layout(cats, Theme.LIGHT);
        // the photo: many distinct colours, and the pink of the couch
        assertTrue(distinctColours(image, layout.image) > 5000, "the image area looks blank");
        assertTrue(count(image, layout.image, 0xd0307a, 90) > 10_000, "no pink couch in the image area");
        // the conversation: pixels of the text colour on the light background
        assertTrue(count(image, layout.text, LIGHT_TEXT, 40) > 3000, "no text-coloured pixels in the conversation");
        assertTrue(count(image, layout.text, LIGHT_BG, 6) > 10_000, "the conversation is not on the light background");
    }

    @Test
    void theDarkThemeGivesADarkCardWithLightText() throws Exception {
        SampleDetail dog = sample(0);
        Path png = temp.resolve("dog.png");
        SampleCardExport.export(dog, 0, images, Theme.DARK, png, executor).get(30, TimeUnit.SECONDS);
        BufferedImage image = ImageIO.read(png.toFile());
        Layout layout = layout(dog, Theme.DARK);
        assertTrue(distinctColours(image, layout.image) > 5000, "the image area looks blank");
        assertTrue(count(image, layout.text, DARK_TEXT, 40) > 3000, "no light text in the conversation");
        assertTrue(count(image, layout.text, DARK_BG, 6) > 10_000, "the conversation is not on the dark background");
        assertEquals(0, count(image, layout.text, LIGHT_BG, 6));
    }

    @Test
    void aMissingImageGetsAPlaceholderAndATextOnlyRecordNoImageArea() throws Exception {
        SampleDetail missing = sample(3); // 000000033471.jpg is left out of images.zip on purpose
        SampleCard card = WaitForAsyncUtils.asyncFx(() -> SampleCard.build(SampleCardExport.content(missing,
                images.full(missing.images().get(0)).get()), Theme.LIGHT)).get();
        Label placeholder = (Label) card.lookup("#card-image-placeholder");
        assertNotNull(placeholder);
        assertTrue(placeholder.getText().contains("missing-image"), placeholder.getText());
        assertNull(card.lookup("#card-image"));
        Path png = temp.resolve("missing.png");
        SampleCardExport.export(missing, 0, images, Theme.LIGHT, png, executor).get(30, TimeUnit.SECONDS);
        Layout layout = layout(missing, Theme.LIGHT);
        // the surface colour of the placeholder, not a photo (the light theme's surface is white)
        double area = layout.image.getWidth() * layout.image.getHeight();
        assertTrue(count(ImageIO.read(png.toFile()), layout.image, 0xffffff, 3) > 0.9 * area, "not a placeholder");

        SampleDetail textOnly = sample(28); // i6IyJda_0, no image
        SampleCard text = WaitForAsyncUtils.asyncFx(() -> SampleCard.build(SampleCardExport.content(textOnly, null),
                Theme.LIGHT)).get();
        assertNull(text.imageArea());
        assertEquals(2, text.shownTurns());
        assertFalse(text.isCut());
        assertTrue(WaitForAsyncUtils.asyncFx(() -> text.conversation().getWidth()).get() > SampleCard.WIDTH * 0.8);
    }

    @Test
    void aLongConversationIsCutToTheCardWithAnEllipsisAndACount() throws Exception {
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            turns.add(new Turn(i % 2 == 0 ? "human" : "gpt", (i == 0 ? "<image>\n" : "")
                    + "Turn " + i + ": " + "a rather long sentence about the picture, ".repeat(12)));
        }
        SampleCard card = WaitForAsyncUtils.asyncFx(() -> SampleCard.build(new SampleCard.Content("long", "test",
                turns, true, null, ""), Theme.LIGHT)).get();
        assertTrue(card.isCut());
        int shown = card.shownTurns();
        assertTrue(shown >= 2 && shown < 30, "shown " + shown);
        Label more = (Label) card.lookup("#card-more");
        assertEquals("… " + (30 - shown) + " more turns not shown", more.getText());
        WaitForAsyncUtils.asyncFx(() -> {
            for (Region turn : card.turnNodes()) {
                Bounds b = turn.localToScene(turn.getLayoutBounds());
                assertTrue(b.getMaxY() <= SampleCard.HEIGHT, "a turn runs off the card: " + b);
            }
            Bounds m = more.localToScene(more.getLayoutBounds());
            assertTrue(m.getMaxY() <= SampleCard.HEIGHT, "the count runs off the card: " + m);
            return null;
        }).get();
        assertEquals("a b…", SampleCard.cutAt("a b c", 3));
        assertEquals("abcdefghij klmnopqrstu…", SampleCard.cutAt("abcdefghij klmnopqrstuvwxyz", 22));
    }

    /** Where the image area and the conversation are on the card (scene = PNG coordinates). */
    private record Layout(Bounds image, Bounds text) {
    }

    private static Layout layout(SampleDetail sample, Theme theme) throws Exception {
        var loaded = images.full(sample.images().get(0)).get();
        return WaitForAsyncUtils.asyncFx(() -> {
            SampleCard card = SampleCard.build(SampleCardExport.content(sample, loaded), theme);
            Region image = card.imageArea();
            Region text = card.conversation();
            return new Layout(image.localToScene(image.getLayoutBounds()), text.localToScene(text.getLayoutBounds()));
        }).get();
    }

    private static int distinctColours(BufferedImage image, Bounds area) {
        Set<Integer> colours = new HashSet<>();
        forEach(image, area, rgb -> colours.add(rgb));
        return colours.size();
    }

    private static int count(BufferedImage image, Bounds area, int colour, int tolerance) {
        int[] n = {0};
        forEach(image, area, rgb -> {
            int dr = Math.abs((rgb >> 16 & 0xFF) - (colour >> 16 & 0xFF));
            int dg = Math.abs((rgb >> 8 & 0xFF) - (colour >> 8 & 0xFF));
            int db = Math.abs((rgb & 0xFF) - (colour & 0xFF));
            if (dr + dg + db <= tolerance) {
                n[0]++;
            }
        });
        return n[0];
    }

    private static void forEach(BufferedImage image, Bounds area, java.util.function.IntConsumer pixel) {
        int x0 = (int) Math.ceil(area.getMinX());
        int y0 = (int) Math.ceil(area.getMinY());
        int x1 = (int) Math.min(image.getWidth(), Math.floor(area.getMaxX()));
        int y1 = (int) Math.min(image.getHeight(), Math.floor(area.getMaxY()));
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                pixel.accept(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
    }
}
