package org.llavainspector.ui.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.llavainspector.core.dataset.Turn;
import org.llavainspector.core.image.ImageFormat;
import org.llavainspector.core.image.ImageStatus;
import org.llavainspector.core.image.LoadedImage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The view-model on its own, with a provider whose requests the test completes by hand. */
@ExtendWith(ApplicationExtension.class)
class DetailViewModelTest {
    /** A request the test completes; a cancel is only noted, so that a late answer can still arrive. */
    static final class Request extends CompletableFuture<LoadedImage> {
        final String path;
        volatile boolean cancelAsked;

        Request(String path) {
            this.path = path;
        }

        @Override
        public boolean cancel(boolean mayInterrupt) {
            cancelAsked = true;
            return false;
        }
    }

    private final List<Request> requests = new ArrayList<>();
    private DetailViewModel model;

    @Start
    void start(Stage stage) {
        model = new DetailViewModel(path -> {
            Request r = new Request(path);
            requests.add(r);
            return r;
        });
        stage.setScene(new Scene(new Pane(), 10, 10));
        stage.show();
    }

    private static SampleDetail sample(String id, List<String> images) {
        return new SampleDetail(0, Path.of("data.json"), 7, id, images,
                List.of(new Turn("human", "<image>\nWhat is it?"), new Turn("gpt", "A cat.")),
                Map.of(), Map.of(), List.of(), "{}");
    }

    private static LoadedImage pixels(String path, int... argb) {
        return LoadedImage.decoded(path, ImageStatus.OK, "", ImageFormat.PNG, argb.length, 1, argb.length, 1, argb);
    }

    private void completeOnTestThread(Request r, LoadedImage image) {
        r.complete(image);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aLateAnswerForASampleLeftBehindIsCancelledAndIgnored(FxRobot robot) {
        robot.interact(() -> model.show(sample("a", List.of("a.png"))));
        robot.interact(() -> model.show(sample("b", List.of("b.png"))));
        assertEquals(2, requests.size());
        Request stale = requests.get(0);
        Request current = requests.get(1);
        assertTrue(stale.cancelAsked, "the request of the sample left behind is cancelled");
        assertFalse(current.cancelAsked);

        completeOnTestThread(stale, pixels("a.png", 0xFFFF0000));
        assertEquals(ImageState.LOADING, model.getImageState(), "the late answer must not be shown");
        assertNull(model.getImage());
        assertEquals("b.png", model.imagePathProperty().get());

        completeOnTestThread(current, pixels("b.png", 0xFF00FF00, 0xFF0000FF));
        assertEquals(ImageState.OK, model.getImageState());
        assertEquals(2, model.getImage().getWidth());
    }

    @Test
    void pixelsArriveUnchangedAndTheTitleNamesTheSample(FxRobot robot) {
        robot.interact(() -> model.show(sample("cat-1", List.of("cat.png"))));
        assertEquals("cat-1 — data.json · record 7", model.titleProperty().get());
        assertEquals(ImageState.LOADING, model.getImageState());
        int[] argb = {0xFF102030, 0x80FFFFFF, 0xFF000000};
        completeOnTestThread(requests.get(0), pixels("cat.png", argb));
        Image image = model.getImage();
        assertNotNull(image);
        for (int x = 0; x < argb.length; x++) {
            assertEquals(argb[x], image.getPixelReader().getArgb(x, 0), "pixel " + x);
        }
        assertEquals("3 × 1 · PNG", model.imageInfoProperty().get());
    }

    @Test
    void aFailureIsShownWithItsReasonAndNoPicture(FxRobot robot) {
        robot.interact(() -> model.show(sample("x", List.of("gone.jpg"))));
        completeOnTestThread(requests.get(0),
                LoadedImage.failure("gone.jpg", ImageStatus.MISSING, "not found in any image source", ImageFormat.UNKNOWN));
        assertEquals(ImageState.MISSING, model.getImageState());
        assertEquals("not found in any image source", model.imageMessageProperty().get());
        assertNull(model.getImage());

        robot.interact(() -> model.show(sample("y", List.of("boom.jpg"))));
        requests.get(1).completeExceptionally(new IOException("disk on fire"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(ImageState.FAILED, model.getImageState());
        assertEquals("disk on fire", model.imageMessageProperty().get());
    }

    @Test
    void imagesOfAMultiImageSampleAreSelectedAndKept(FxRobot robot) {
        robot.interact(() -> model.show(sample("m", List.of("one.png", "two.png"))));
        assertEquals(0, model.getSelectedImage());
        completeOnTestThread(requests.get(0), pixels("one.png", 1, 2, 3));

        robot.interact(() -> model.selectImage(1));
        assertEquals(1, model.getSelectedImage());
        assertEquals("two.png", requests.get(1).path);
        completeOnTestThread(requests.get(1), pixels("two.png", 1));
        assertEquals(1, model.getImage().getWidth());

        robot.interact(() -> model.selectImage(0));
        assertEquals(2, requests.size(), "an image already decoded for this sample is not loaded again");
        assertEquals(3, model.getImage().getWidth());

        robot.interact(() -> model.selectImage(5));
        assertEquals(0, model.getSelectedImage(), "an index out of range is ignored");
    }

    @Test
    void aTextOnlySampleAsksForNoImageAndNullClears(FxRobot robot) {
        robot.interact(() -> model.show(sample("t", List.of())));
        assertTrue(requests.isEmpty());
        assertEquals(ImageState.TEXT_ONLY, model.getImageState());
        assertEquals(-1, model.getSelectedImage());

        robot.interact(() -> model.show(null));
        assertEquals(ImageState.NONE, model.getImageState());
        assertNull(model.getSample());
        assertEquals("", model.titleProperty().get());
    }
}
