package org.llavainspector.ui.prompts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.llavainspector.TestFiles;
import org.llavainspector.core.image.ImageDecoder;
import org.llavainspector.core.image.ImageFinder;
import org.llavainspector.core.image.ImageLimits;
import org.llavainspector.core.image.ImageLoader;
import org.llavainspector.core.image.ImageSources;
import org.llavainspector.core.image.LoadedImage;
import org.llavainspector.core.prompts.PromptBox;
import org.llavainspector.core.prompts.PromptSet;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The captions-and-boxes view: boxes over the real demo images, or on a blank canvas when the image is not open. */
@ExtendWith(ApplicationExtension.class)
class CaptionBoxesViewTest {
    private static final Path PROMPTS = Path.of("samples", "prompts");
    private static final String THEME = "/org/llavainspector/ui/detail/test-theme.css";

    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "caps-test");
        t.setDaemon(true);
        return t;
    });
    private ImageSources sources;
    private CaptionBoxesView.Images images;
    private CaptionBoxesView view;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        sources = ImageSources.open(List.of(Path.of("samples", "images.zip")), List.of());
        ImageLoader loader = new ImageLoader(sources, new ImageDecoder(ImageLimits.DEFAULTS));
        ImageFinder finder = new ImageFinder(sources);
        images = new CaptionBoxesView.Images() {
            @Override
            public java.util.Optional<String> find(String image) {
                return finder.find(image);
            }

            @Override
            public CompletableFuture<LoadedImage> load(String path) {
                return CompletableFuture.supplyAsync(() -> loader.full(path), executor);
            }
        };
        view = new CaptionBoxesView(images, executor);
        Scene scene = new Scene(view, 1000, 760);
        scene.getStylesheets().add(getClass().getResource(THEME).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        org.testfx.api.FxToolkit.cleanupStages();
        executor.shutdownNow();
        sources.close();
    }

    @Test
    void drawsTheDemoBoxesOverTheRealImages(FxRobot robot) throws Exception {
        robot.interact(() -> view.open(PROMPTS.resolve("caps_boxes_demo.jsonl")));
        waitFor(() -> view.boxPane().showsImage());
        assertEquals("", view.note());
        PromptBoxPane pane = view.boxPane();
        assertEquals(List.of("cat", "cat", "remote", "remote", "couch"),
                pane.drawnBoxes().stream().map(PromptBox::label).toList());

        // chelsea (451 x 300, found under its bare name at the root of images.zip): its cat box spans the full
        // height and 0.87 of the width, so the rectangle has the image's aspect ratio, not the blank canvas's 4:3
        robot.interact(() -> view.select(2));
        waitFor(() -> pane.showsImage() && pane.drawnBoxCount() == 1 && view.note().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        Rectangle2D cat = pane.drawnRectangles().get(0);
        assertEquals(451.0 / 300.0, cat.getWidth() / 0.87 / cat.getHeight(), 0.02);

        // the dog is found by its path as written
        robot.interact(() -> view.select(1));
        waitFor(() -> pane.showsImage() && pane.drawnBoxCount() == 2 && view.note().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        Rectangle2D dog = pane.drawnRectangles().get(0);
        // [0.245, 0.156, 0.88, 0.85] of a 375 x 500 picture
        assertEquals((0.88 - 0.245) * 375 / ((0.85 - 0.156) * 500), dog.getWidth() / dog.getHeight(), 0.02);
    }

    @Test
    void realEntriesWhoseImagesAreNotOpenGetABlankCanvasAndANote(FxRobot robot) throws Exception {
        robot.interact(() -> view.open(TestFiles.realdata("caps_boxes_coco2014_val_80.jsonl")));
        waitFor(() -> view.note().startsWith(CaptionBoxesView.NOT_FOUND) && view.boxPane().drawnBoxCount() == 10
                && view.boxPane().drawnRectangles().get(0).getHeight() > 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.boxPane().showsImage());
        assertEquals(10, view.boxPane().drawnBoxCount());
        assertEquals(new PromptBox("donut", 0.37, 0.584, 0.504, 0.709), view.boxPane().drawnBoxes().get(0));
        Rectangle2D donut = view.boxPane().drawnRectangles().get(0);
        // on the 4:3 canvas
        assertEquals((0.504 - 0.37) * 4 / ((0.709 - 0.584) * 3), donut.getWidth() / donut.getHeight(), 0.03);
    }

    @Test
    void thePromptBrowserWindowHasACaptionsTabOnTheShippedDemoFile(FxRobot robot) throws Exception {
        AtomicReference<Stage> opened = new AtomicReference<>();
        PromptSet set = PromptSet.load(PROMPTS);
        robot.interact(() -> opened.set(PromptBrowserWindow.showLoaded(stage, PROMPTS, set, null, images, executor)));
        Stage browser = opened.get();
        assertNotNull(browser.getScene().lookup("#prompt-tree"));
        robot.clickOn("Captions & boxes");
        waitFor(() -> browser.getScene().lookup("#caps-box-canvas") instanceof PromptBoxPane p && p.showsImage());
        PromptBoxPane pane = (PromptBoxPane) browser.getScene().lookup("#caps-box-canvas");
        assertEquals(5, pane.drawnBoxCount());
        assertTrue(((javafx.scene.control.Label) browser.getScene().lookup("#caps-file")).getText()
                .startsWith("caps_boxes_demo.jsonl · 3 entries"));
        robot.interact(browser::close);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }
}
