package org.llavainspector.ui.prompts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeCell;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.llavainspector.core.prompts.PromptBox;
import org.llavainspector.core.prompts.PromptExample;
import org.llavainspector.core.prompts.PromptSet;
import org.llavainspector.core.prompts.PromptTask;
import org.llavainspector.core.prompts.PromptTurn;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The prompt browser on the real samples/prompts files. */
@ExtendWith(ApplicationExtension.class)
class PromptBrowserViewTest {
    private static final Path PROMPTS = Path.of("samples", "prompts");
    private static final String THEME = "/org/llavainspector/ui/detail/test-theme.css";

    private PromptBrowserView view;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        view = new PromptBrowserView(PromptSet.load(PROMPTS));
        Scene scene = new Scene(view, 1200, 800);
        scene.getStylesheets().add(getClass().getResource(THEME).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void selectingATaskShowsItsSystemMessage(FxRobot robot) {
        robot.clickOn(cell(robot, "conversation (2)"));
        WaitForAsyncUtils.waitForFxEvents();
        TextArea system = robot.lookup("#prompt-system").queryAs(TextArea.class);
        assertTrue(system.isVisible() && system.getParent().isVisible());
        assertTrue(system.getText().startsWith("You are an AI visual assistant, and you are seeing a single image."));
        assertTrue(view.selectedProperty().get() instanceof PromptTask);
        assertFalse(visibleInTree(robot.lookup("#prompt-caps").query()), "the example pane is hidden");
        assertFalse(visibleInTree(robot.lookup("#prompt-conversation").query()));
    }

    @Test
    void clickingAConversationExampleShowsAlternatingTurns(FxRobot robot) {
        robot.clickOn(cell(robot, "000  ·  0 boxes  ·  8 turns"));
        WaitForAsyncUtils.waitForFxEvents();
        VBox conv = robot.lookup("#prompt-conversation").queryAs(VBox.class);
        assertTrue(conv.isVisible());
        assertEquals(8, conv.getChildren().size());
        for (int i = 0; i < 8; i++) {
            HBox row = (HBox) conv.getChildren().get(i);
            Node bubble = row.getChildren().get(0);
            assertTrue(bubble.getStyleClass().contains(i % 2 == 0 ? "human" : "gpt"), "turn " + i);
        }
        assertTrue(robot.lookup("#prompt-conversation .prompt-turn-text").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals("What color is the fire hydrant in the image?")));
        assertEquals(PromptTurn.Role.ANSWER, ((PromptTurn) conv.getChildren().get(1).getUserData()).role());
        assertTrue(robot.lookup("#prompt-caps").queryAs(TextArea.class).getText()
                .startsWith("There is a movie theater that displays the show times above the doors."));
        assertEquals(0, view.boxPane().drawnBoxCount());
    }

    @Test
    void aComplexExampleDrawsItsBoxesOnThePlaceholder(FxRobot robot) {
        robot.interact(() -> assertTrue(view.select("complex_reasoning", "000")));
        WaitForAsyncUtils.waitForFxEvents();
        PromptBoxPane pane = robot.lookup("#prompt-box-canvas").queryAs(PromptBoxPane.class);
        assertEquals(12, pane.drawnBoxCount());
        assertEquals(12, robot.lookup("#prompt-box-canvas .prompt-box-rect").queryAll().size());
        assertEquals(new PromptBox("tie", 0.574, 0.298, 0.752, 0.704), pane.drawnBoxes().get(0));
        assertFalse(pane.showsImage());
        assertEquals(12, robot.lookup("#prompt-boxes").queryAs(TableView.class).getItems().size());

        // the placeholder is 4:3 and the boxes sit at their normalized positions inside it
        Node placeholder = robot.lookup("#prompt-box-canvas .prompt-placeholder").query();
        double pw = placeholder.getLayoutBounds().getWidth();
        double ph = placeholder.getLayoutBounds().getHeight();
        assertTrue(pw > 50, "placeholder width " + pw);
        assertEquals(4.0 / 3.0, pw / ph, 0.01);
        Rectangle2D person = pane.drawnRectangles().get(5); // person: [0.0, 0.24, 0.214, 1.0]
        assertEquals(placeholder.getLayoutX(), person.getMinX(), 0.5);
        assertEquals(placeholder.getLayoutY() + 0.24 * ph, person.getMinY(), 0.5);
        assertEquals(0.214 * pw, person.getWidth(), 0.5);
        assertEquals(0.76 * ph, person.getHeight(), 0.5);

        VBox conv = robot.lookup("#prompt-conversation").queryAs(VBox.class);
        assertEquals(2, conv.getChildren().size());

        robot.interact(() -> view.select("detail_description", "000"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(12, pane.drawnBoxCount());
        assertEquals(1, conv.getChildren().size());
        assertTrue(conv.getChildren().get(0).lookup(".prompt-turn").getStyleClass().contains("gpt"));
    }

    @Test
    void anImageFromTheProviderIsDrawnUnderTheBoxes(FxRobot robot) {
        AtomicReference<String> asked = new AtomicReference<>();
        robot.interact(() -> {
            view.setImageProvider(key -> {
                asked.set(key);
                return new WritableImage(640, 480);
            });
            view.select("complex_reasoning", "002");
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("complex_reasoning/002", asked.get());
        assertTrue(view.boxPane().showsImage());
        assertEquals(List.of(new PromptBox("fire hydrant", 0.326, 0.612, 0.426, 0.72)), view.boxPane().drawnBoxes());
    }

    @Test
    void theWindowOpensStyledLikeItsOwnerAndReportsLoadErrors(FxRobot robot) {
        AtomicReference<Stage> opened = new AtomicReference<>();
        robot.interact(() -> opened.set(PromptBrowserWindow.show(stage, PROMPTS)));
        WaitForAsyncUtils.waitForFxEvents();
        Stage browser = opened.get();
        assertNotNull(browser);
        assertTrue(browser.isShowing());
        List<String> sheets = browser.getScene().getStylesheets();
        assertTrue(sheets.get(0).endsWith("test-theme.css"), sheets.toString());
        assertTrue(sheets.contains(PromptBrowserView.stylesheet()));
        assertNotNull(browser.getScene().lookup("#prompt-tree"));
        robot.interact(browser::close);

        AtomicReference<Stage> failed = new AtomicReference<>();
        robot.interact(() -> failed.set(PromptBrowserWindow.show(stage, PROMPTS.resolve("missing"))));
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(failed.get());
        DialogPane dialog = Window.getWindows().stream().filter(Window::isShowing)
                .map(w -> w.getScene().lookup("#prompt-load-error")).filter(n -> n != null)
                .map(DialogPane.class::cast).findFirst().orElseThrow();
        assertTrue(dialog.getContentText().endsWith("missing: prompts folder not found"), dialog.getContentText());
        assertFalse(dialog.getContentText().contains("\n"));
        robot.interact(() -> dialog.getScene().getWindow().hide());
    }

    private static boolean visibleInTree(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static Node cell(FxRobot robot, String text) {
        return robot.lookup("#prompt-tree .tree-cell").queryAll().stream()
                .filter(n -> n instanceof TreeCell<?> c && text.equals(c.getText()))
                .findFirst().orElseThrow(() -> new AssertionError("no tree cell '" + text + "'"));
    }
}
