package org.llavainspector.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.GridView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** With no argument the window opens the bundled demo dataset; keys move through the samples. */
@ExtendWith(ApplicationExtension.class)
class InspectorAppTest {
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        new InspectorApp().start(stage);
    }

    @Test
    void opensTheDemoDatasetByDefaultAndNavigatesWithKeys(FxRobot robot) throws Exception {
        // the window shows itself once its first sample is ready (MainWindow.showWhenReady): nothing to look up before
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, stage::isShowing);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#thumbnail-grid").tryQueryAs(GridView.class)
                .map(grid -> grid.getItems().size() == 30).orElse(false));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#detail-id").queryAs(Label.class).getText().contains("000000319154"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".turn-gpt").queryAll().size() == 4);
        // the status line follows the indexer at the next pulse
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#status").queryAs(Label.class).getText().startsWith("30 samples"));
        assertEquals("1 / 30", robot.lookup("#position").queryAs(Label.class).getText());
        // typed keys go to the focused window: wait for it, or they may be lost
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#thumbnail-grid").query().getScene().getWindow().isFocused());
        robot.type(KeyCode.J, 3);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#detail-id").queryAs(Label.class).getText().contains("000000033471"));
        assertEquals("4 / 30", robot.lookup("#position").queryAs(Label.class).getText());
        robot.type(KeyCode.K);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("3 / 30", robot.lookup("#position").queryAs(Label.class).getText());
    }
}
