package org.llavainspector.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** With no argument the window opens the bundled demo dataset and shows the first conversation. */
@ExtendWith(ApplicationExtension.class)
class InspectorAppTest {
    @Start
    void start(Stage stage) throws Exception {
        new InspectorApp().start(stage);
    }

    @Test
    void opensTheDemoDatasetByDefault(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#sample-list").queryAs(ListView.class).getItems().size() == 30);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#conversation").queryAs(TextArea.class).getText().contains("[gpt]"));
        assertTrue(robot.lookup("#status").queryAs(Label.class).getText().contains("30 samples"));
        assertEquals(0, robot.lookup("#sample-list").queryAs(ListView.class).getSelectionModel().getSelectedIndex());
    }
}
