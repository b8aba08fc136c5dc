package org.llavainspector.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.llavainspector.core.curation.Mark;
import org.llavainspector.core.dataset.Json;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Curation as a user does it, on a copy of the demo dataset: mark with keys, undo, edit an image path in the
 * dialog, export the kept samples and read the written file; then a new window on the same files (as after a
 * crash) finds the marks again.
 */
@ExtendWith(ApplicationExtension.class)
class CurationWindowTest {
    private Path dir;
    private Path sessions;
    private Path data;
    private AppContext context;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("curation");
        sessions = Files.createDirectories(dir.resolve("sessions"));
        Path demo = org.llavainspector.core.dataset.DemoDataset.folder();
        data = Files.copy(demo.resolve("demo.json"), dir.resolve("demo.json"));
        Files.copy(demo.resolve("images.zip"), dir.resolve("images.zip"));
        Files.copy(demo.resolve("metadata.json"), dir.resolve("metadata.json"));
        openWindow(stage);
    }

    private void openWindow(Stage stage) {
        context = new AppContext(sessions);
        window = new MainWindow(stage, context, null);
        stage.show();
        window.model().open(List.of(data), List.of(), List.of());
        window.view().requestFocus();
    }

    /** Saves the session, closes the window and opens a new one on the same file (as after a restart). */
    private void reopenWindow(FxRobot robot) throws Exception {
        window.model().curation().flush();
        robot.interact(() -> window.model().curation().close());
        FxToolkit.cleanupStages();
        context.close();
        Stage stage = FxToolkit.registerPrimaryStage();
        robot.interact(() -> openWindow(stage));
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        WaitForAsyncUtils.waitForFxEvents();
        context.close();
    }

    private void waitForSample(FxRobot robot, String id) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.detail().getSample() != null
                && id.equals(window.detail().getSample().id())
                && window.model().curation().session() != null); // the session is read in the background
    }

    private Mark markOf(int g) {
        return window.model().curation().stateOf(g).mark();
    }

    /**
     * An image source the user added (not beside the dataset) is remembered by the session, which is read in the
     * background: a new window on the same file opens that source again by itself.
     */
    @Test
    void theSessionRemembersAnAddedImageSource(FxRobot robot) throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path zip = Files.copy(dir.resolve("images.zip"), elsewhere.resolve("photos.zip"));
        robot.interact(() -> window.model().open(List.of(), List.of(zip), List.of()));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.model().curation().session() != null
                && window.model().curation().session().imageSources().contains(zip.toString()));
        reopenWindow(robot);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> window.model().imageSourcesProperty().get().contains("photos.zip"));
    }

    @Test
    void aMarkPressedWhileTheSessionIsReadIsNotDroppedSilently(FxRobot robot) throws Exception {
        waitForSample(robot, "000000319154");
        // both background threads busy: the session of the files opened next cannot be read until they are free
        java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch busy = new java.util.concurrent.CountDownLatch(2);
        for (int i = 0; i < 2; i++) {
            context.background().execute(() -> {
                busy.countDown();
                try {
                    gate.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        assertTrue(busy.await(10, TimeUnit.SECONDS));
        Path second = Files.copy(data, dir.resolve("second.json"));
        robot.interact(() -> window.model().open(List.of(second), List.of(), List.of()));
        assertTrue(window.model().curation().isAttaching());
        robot.type(KeyCode.Y);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(markOf(0));
        String said = WaitForAsyncUtils.asyncFx(() -> robot.lookup("#notifications")
                .queryAs(org.controlsfx.control.NotificationPane.class).getText()).get(5, TimeUnit.SECONDS);
        assertTrue(said.contains("still being read"), said);

        gate.countDown();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.model().curation().session() != null);
        assertFalse(window.model().curation().isAttaching());
        robot.type(KeyCode.Y);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Mark.KEEP, markOf(0));
    }

    /** The text of the mark badge on the grid cell of sample {@code g}, or null when it shows none. */
    private static String badgeInGrid(FxRobot robot, int g) throws Exception {
        return GridCells.read(robot, g, c -> GridCells.visible(c, ".mark-badge").map(n -> ((Label) n).getText()).orElse(null),
                () -> {
                    throw new AssertionError("no grid cell shows sample " + g);
                });
    }

    @Test
    void markUndoEditExportAndRestore(FxRobot robot) throws Exception {
        waitForSample(robot, "000000319154");
        robot.type(KeyCode.Y);                      // keep sample 0
        robot.type(KeyCode.J).type(KeyCode.N);      // reject sample 1
        robot.type(KeyCode.J).type(KeyCode.Y);      // keep sample 2 ...
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL); // ... no: undo it
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Mark.KEEP, markOf(0));
        assertEquals(Mark.REJECT, markOf(1));
        assertNull(markOf(2), "undone");
        assertEquals("1 keep, 1 reject", robot.lookup("#curation-summary").queryAs(Label.class).getText());
        // the grid shows the marks on the thumbnails: a badge, made for the first marked sample a cell shows
        assertEquals("keep", badgeInGrid(robot, 0));
        assertEquals("reject", badgeInGrid(robot, 1));
        assertNull(badgeInGrid(robot, 2), "undone: no badge");

        // the missing image of sample 3 gets a path that exists in the zip
        robot.type(KeyCode.J);
        waitForSample(robot, "000000033471");
        robot.type(KeyCode.E);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#edit-path-0").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#edit-path-0").queryAs(TextField.class).setText("000000900002.jpg"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> robot.lookup("#edit-path-check-0").queryAs(Label.class).getText().contains("resolves"));
        robot.clickOn("OK");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> List.of("000000900002.jpg").equals(window.detail().getSample().images()));
        robot.type(KeyCode.Y);
        assertEquals(Mark.KEEP, markOf(3));

        // export the kept samples
        robot.press(KeyCode.CONTROL).type(KeyCode.E).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#export-what").tryQuery().isPresent());
        Path out = dir.resolve("kept.json");
        robot.interact(() -> {
            robot.lookup("#export-what").queryAs(javafx.scene.control.ChoiceBox.class).getSelectionModel().select(3);
            robot.lookup("#export-out").queryAs(TextField.class).setText(out.toString());
        });
        robot.clickOn("#export-run");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#export-message").queryAs(Label.class).getText().startsWith("wrote 2 records"));
        JsonNode written = Json.MAPPER.readTree(out.toFile());
        assertEquals(2, written.size());
        assertEquals("000000319154", written.get(0).get("id").asText());
        assertEquals("000000900002.jpg", written.get(1).get("image").asText(), "the edited path is exported");
        String source = Files.readString(data);
        String firstRecord = new String(window.model().collection().datasets().get(0).index().readBytes(0),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(source.contains(firstRecord) && Files.readString(out).contains(firstRecord),
                "an unedited record is written with its exact source text");
        robot.interact(() -> robot.lookup("#export-run").query().getScene().getWindow().hide());
        robot.interact(() -> {
            robot.lookup("#filter-field").queryAs(TextField.class).setText("mark:keep");
            robot.lookup("#filter-field").queryAs(TextField.class).fireEvent(new javafx.event.ActionEvent());
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.model().visibleSamples().size() == 2);

        // the session reaches its sidecar; a new window on the same file restores it
        reopenWindow(robot);
        waitForSample(robot, "000000319154");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> markOf(0) == Mark.KEEP);
        assertEquals(Mark.REJECT, markOf(1));
        assertEquals(List.of("000000900002.jpg"), window.model().curation().imagesOf(3));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.model().visibleSamples().size() == 2);
        assertEquals("mark:keep", robot.lookup("#filter-field").queryAs(TextField.class).getText(), "the filter is restored");
        assertTrue(Files.readString(data).equals(Files.readString(
                org.llavainspector.core.dataset.DemoDataset.folder().resolve("demo.json"))), "the source is untouched");
    }

    @Test
    void markTagFilterFindsWhatWasMarked(FxRobot robot) throws Exception {
        waitForSample(robot, "000000319154");
        robot.type(KeyCode.F);
        robot.interact(() -> window.model().curation().addTag(List.of(0, 5), "cats"));
        robot.interact(() -> robot.lookup("#filter-field").queryAs(TextField.class).setText("mark:flag OR tag:cats"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.model().visibleSamples().equals(List.of(0, 5)));
    }

    @Test
    void bulkRewriteShowsAPreviewAndIsOneUndoableStep(FxRobot robot) throws Exception {
        waitForSample(robot, "000000319154");
        robot.interact(() -> robot.lookup("#filter-field").queryAs(TextField.class).setText("image:GCC_train"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.model().visibleSamples().size() == 5);
        robot.press(KeyCode.CONTROL).type(KeyCode.R).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#rewrite-kind").tryQuery().isPresent());
        robot.interact(() -> robot.lookup("#rewrite-first").queryAs(TextField.class).setText("cc3m/"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#rewrite-counts").queryAs(Label.class).getText().startsWith("5 of 5 samples change"));
        String counts = robot.lookup("#rewrite-counts").queryAs(Label.class).getText();
        assertTrue(counts.endsWith("5 → 0"), "every image resolves before, none after: " + counts);
        assertEquals(5, robot.lookup("#rewrite-preview").queryAs(javafx.scene.control.TableView.class).getItems().size());
        robot.clickOn("#rewrite-apply");
        WaitForAsyncUtils.waitForFxEvents();
        int g = window.model().visibleSamples().get(0);
        assertTrue(window.model().curation().imagesOf(g).get(0).startsWith("cc3m/GCC_train_"));
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        for (int s : window.model().visibleSamples()) {
            assertTrue(window.model().curation().imagesOf(s).get(0).startsWith("GCC_train_"), "one undo restores all five");
        }
    }
}
