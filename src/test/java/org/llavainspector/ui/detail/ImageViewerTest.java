package org.llavainspector.ui.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The viewer on its own: a damaged picture is shown with a warning, a missing one as a placeholder. */
@ExtendWith(ApplicationExtension.class)
class ImageViewerTest {
    private ImageViewer viewer;

    @Start
    void start(Stage stage) {
        viewer = new ImageViewer();
        Scene scene = new Scene(viewer, 400, 300);
        scene.getStylesheets().addAll(ImageViewerTest.class.getResource("test-theme.css").toExternalForm(),
                DetailView.class.getResource("detail.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void aDamagedPictureIsShownUnderAWarning(FxRobot robot) {
        robot.interact(() -> {
            viewer.stateProperty().set(ImageState.CORRUPT);
            viewer.messageProperty().set("truncated image");
            viewer.imageProperty().set(new WritableImage(200, 100));
        });
        Label warning = robot.lookup("#image-warning").queryAs(Label.class);
        assertTrue(warning.isVisible());
        assertEquals("Corrupt image: truncated image", warning.getText());
        assertFalse(robot.lookup("#image-placeholder").query().isVisible());
        assertTrue(robot.lookup("#image-toolbar").query().isVisible());
    }

    @Test
    void aGoodPictureHasNoWarningAndAMissingOneAPlaceholder(FxRobot robot) {
        robot.interact(() -> {
            viewer.stateProperty().set(ImageState.OK);
            viewer.imageProperty().set(new WritableImage(200, 100));
        });
        assertFalse(robot.lookup("#image-warning").query().isVisible());
        assertTrue(viewer.isFitting());
        assertEquals(Math.min(viewer.getWidth() / 200, viewer.getHeight() / 100), viewer.getScale(), 0.2,
                "fitted to the area, less its padding");

        robot.interact(() -> {
            viewer.imageProperty().set(null);
            viewer.stateProperty().set(ImageState.MISSING);
        });
        assertFalse(robot.lookup("#image-warning").query().isVisible());
        assertTrue(robot.lookup("#image-placeholder").query().isVisible());
        assertEquals(java.util.Set.of("state-missing"), stateShown(robot));
        robot.interact(() -> viewer.stateProperty().set(ImageState.CORRUPT));
        assertEquals(java.util.Set.of("state-corrupt"), stateShown(robot), "one state at a time");
    }

    /** The placeholder's state pseudo-classes (CSS can style each state; tests read them). */
    private static java.util.Set<String> stateShown(FxRobot robot) {
        return robot.lookup("#image-placeholder").query().getPseudoClassStates().stream()
                .map(javafx.css.PseudoClass::getPseudoClassName).filter(n -> n.startsWith("state-"))
                .collect(java.util.stream.Collectors.toSet());
    }
}
