package org.llavainspector.ui.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The presentation view: buttons and keys go to the navigator, and the type is large. */
@ExtendWith(ApplicationExtension.class)
class PresentationViewTest {
    private static DemoSamples demo;

    private final List<String> calls = new ArrayList<>();
    private DetailViewModel model;

    @BeforeAll
    static void openDemo() throws Exception {
        demo = new DemoSamples();
    }

    @AfterAll
    static void closeDemo() throws Exception {
        demo.close();
    }

    @Start
    void start(Stage stage) {
        model = new DetailViewModel(path -> new CompletableFuture<>());
        PresentationView view = new PresentationView(model, new PresentationView.Navigator() {
            @Override
            public void previous() {
                calls.add("previous");
            }

            @Override
            public void next() {
                calls.add("next");
            }

            @Override
            public void random() {
                calls.add("random");
            }

            @Override
            public void exit() {
                calls.add("exit");
            }
        });
        Scene scene = new Scene(view, 1200, 720);
        scene.getStylesheets().add(PresentationViewTest.class.getResource("test-theme.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void theButtonsCallTheNavigator(FxRobot robot) {
        robot.clickOn("#present-next");
        robot.clickOn("#present-prev");
        robot.clickOn("#present-random");
        robot.clickOn("#present-exit");
        assertEquals(List.of("next", "previous", "random", "exit"), calls);
    }

    @Test
    void keysNavigateAndEscapeExits(FxRobot robot) {
        robot.clickOn("#present-title");
        robot.type(KeyCode.RIGHT);
        robot.type(KeyCode.LEFT);
        robot.type(KeyCode.R);
        robot.type(KeyCode.ESCAPE);
        assertEquals(List.of("next", "previous", "random", "exit"), calls);
    }

    @Test
    void oneSampleInTypeAboutTwiceAsLarge(FxRobot robot) {
        SampleDetail detail = demo.detail(15);
        robot.interact(() -> model.show(detail));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("000000900009", robot.lookup("#present-title").queryAs(Label.class).getText());
        assertEquals(detail.turns().size(), robot.lookup(".turn").queryAll().size());
        Text run = robot.lookup(".turn-text-run").queryAs(Text.class);
        double normal = Font.getDefault().getSize();
        assertTrue(run.getFont().getSize() >= 1.8 * normal,
                "presentation text " + run.getFont().getSize() + " vs normal " + normal);
        assertTrue(robot.lookup("#presentation-view").query().getStyleClass().contains("presentation"));
    }

    @Test
    void aTextOnlySamplesConversationTakesTheWholeWidth(FxRobot robot) {
        javafx.scene.control.SplitPane split = robot.lookup("#present-split").queryAs(javafx.scene.control.SplitPane.class);
        robot.interact(() -> model.show(demo.detail(28))); // the demo's text-only ShareGPT record
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, split.getItems().size(), "only the conversation");
        assertTrue(split.getItems().get(0) instanceof ConversationView);
        robot.interact(() -> model.show(demo.detail(15)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, split.getItems().size(), "the image is back beside it");
        assertEquals(0.55, split.getDividerPositions()[0], 0.01);
    }
}
