package org.llavainspector.ui.duplicates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.llavainspector.core.compare.DuplicateGroups.Group;
import org.llavainspector.core.compare.DuplicateGroups.Kind;
import org.llavainspector.core.compare.ImageHashCache;
import org.llavainspector.core.curation.Mark;
import org.llavainspector.core.dataset.DemoDataset;
import org.llavainspector.ui.AppContext;
import org.llavainspector.ui.MainWindow;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Insight ▸ Duplicates on a copy of the demo: the near-duplicate images are found, "Keep this, reject the rest" on a
 * card marks the group in the main window's session as one step that Ctrl+Z there undoes, and "Show in browser"
 * filters the main browser to the group.
 */
@ExtendWith(ApplicationExtension.class)
class DuplicatesWindowTest {
    private Path sessions;
    private AppContext context;
    private MainWindow window;
    private Stage mainStage;
    private Stage duplicates;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("duplicates");
        sessions = Files.createDirectories(dir.resolve("sessions"));
        Path demo = DemoDataset.folder();
        Path data = Files.copy(demo.resolve("demo.json"), dir.resolve("demo.json"));
        Files.copy(demo.resolve("images.zip"), dir.resolve("images.zip"));
        context = new AppContext(sessions);
        window = new MainWindow(stage, context, null);
        mainStage = stage;
        stage.show();
        window.model().open(List.of(data), List.of(), List.of());
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        WaitForAsyncUtils.waitForFxEvents();
        context.close();
    }

    private Mark markOf(int g) {
        return window.model().curation().stateOf(g).mark();
    }

    private String label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void keepOneOfANearDuplicateGroupUndoAndShowInBrowser(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.model().indexingCompleteProperty().get()
                && window.model().curation().session() != null
                && window.model().imageSourcesProperty().get().contains("images.zip"));
        robot.interact(() -> window.model().curation().mark(List.of(12), Mark.FLAG));
        robot.interact(() -> duplicates = DuplicatesWindow.show(mainStage, window.model()));
        assertNotNull(duplicates);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> label(robot, "#duplicates-message").contains("22 images hashed (22 decoded"));
        assertTrue(label(robot, "#duplicates-message").contains("1 missing"), label(robot, "#duplicates-message"));
        assertEquals("same first image (4)", robot.lookup("#kind-image").queryAs(javafx.scene.control.ToggleButton.class).getText());
        assertEquals("near-duplicate image (8)", robot.lookup("#kind-near-image").queryAs(javafx.scene.control.ToggleButton.class).getText());
        try (var files = Files.list(sessions)) {
            assertEquals(1, files.filter(f -> f.getFileName().toString().endsWith(ImageHashCache.SUFFIX)).count(),
                    "the hashes are kept beside the session");
        }

        robot.clickOn("#kind-near-image");
        @SuppressWarnings("unchecked")
        ListView<Group> groups = robot.lookup("#duplicates-groups").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> groups.getItems().size() == 8);
        Group copies = groups.getItems().stream().filter(g -> g.key().equals("000000900006.jpg")).findFirst()
                .orElseThrow();
        assertEquals(Kind.NEAR_IMAGE, copies.kind());
        robot.interact(() -> groups.getSelectionModel().select(copies));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#card-22").tryQuery().isPresent());
        assertEquals("flag", label(robot, "#mark-12"));
        assertEquals("no mark", label(robot, "#mark-22"));
        assertTrue(robot.lookup("#card-22").queryAs(javafx.scene.layout.VBox.class).getChildren().stream()
                .anyMatch(n -> n instanceof Label l && l.getText().equals("00900/009000017.jpg · 0 bits")));

        robot.clickOn("#keep-only-22");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Mark.KEEP, markOf(22));
        assertEquals(Mark.REJECT, markOf(12));
        assertEquals("keep", label(robot, "#mark-22"));
        assertEquals("reject", label(robot, "#mark-12"));

        // one Ctrl+Z in the main window undoes both marks
        robot.interact(() -> {
            mainStage.toFront();
            mainStage.requestFocus();
            window.view().requestFocus();
        });
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(markOf(22));
        assertEquals(Mark.FLAG, markOf(12));
        assertEquals("flag", label(robot, "#mark-12"));
        assertTrue(window.model().curation().canRedoProperty().get());

        robot.interact(() -> duplicates.toFront());
        robot.clickOn("#show-in-browser");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(12, 22), List.copyOf(window.model().visibleSamples()));
    }

    @Test
    void keepFirstInAllGroupsOfAKindIsOneStep(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.model().indexingCompleteProperty().get()
                && window.model().curation().session() != null);
        robot.interact(() -> duplicates = DuplicatesWindow.show(mainStage, window.model()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> !robot.lookup("#duplicates-cancel").queryButton().isVisible());
        // same first image: 000000319154.jpg (#0 #1 #2 #29), #4 #5, #6 #7, #8 #9
        robot.clickOn("#keep-first-all");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("OK").tryQuery().isPresent());
        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();
        for (int kept : new int[] {0, 4, 6, 8}) {
            assertEquals(Mark.KEEP, markOf(kept), "sample " + kept);
        }
        for (int rejected : new int[] {1, 2, 29, 5, 7, 9}) {
            assertEquals(Mark.REJECT, markOf(rejected), "sample " + rejected);
        }
        assertNull(markOf(3));
        robot.interact(() -> window.model().curation().undo());
        for (int g : new int[] {0, 1, 2, 29, 4, 5, 6, 7, 8, 9}) {
            assertNull(markOf(g), "undone: sample " + g);
        }
    }

    @Test
    void aFinishedOrCancelledSearchCanBeRunAgain(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.model().indexingCompleteProperty().get()
                && window.model().curation().session() != null);
        robot.interact(() -> duplicates = DuplicatesWindow.show(mainStage, window.model()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup("#duplicates-again").queryButton().isVisible());
        String before = robot.lookup("#kind-near-image").queryAs(javafx.scene.control.ToggleButton.class).getText();
        assertTrue(before.matches(".*\\(\\d+\\)"), before);
        robot.clickOn("#duplicates-again");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup("#duplicates-again").queryButton().isVisible()
                        && robot.lookup("#kind-near-image").queryAs(javafx.scene.control.ToggleButton.class).getText()
                                .matches(".*\\(\\d+\\)"));
        assertEquals(before, robot.lookup("#kind-near-image").queryAs(javafx.scene.control.ToggleButton.class).getText());
    }
}
