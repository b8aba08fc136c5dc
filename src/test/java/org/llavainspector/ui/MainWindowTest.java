package org.llavainspector.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import org.kordamp.ikonli.material2.Material2AL;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.llavainspector.TestFiles;
import org.llavainspector.core.dataset.DemoDataset;
import org.llavainspector.core.validate.Problem;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window on the demo dataset, driven as a user would: keys, jump, list mode, detail pane, presentation. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private AppContext context;
    private MainWindow window;

    @Start
    void start(Stage stage) throws java.io.IOException {
        context = new AppContext(java.nio.file.Files.createTempDirectory("sessions"));
        window = new MainWindow(stage, context, null);
        // TestFX hands every test the same stage: each starts at the window's own size, whatever the last one set
        stage.setWidth(1400);
        stage.setHeight(900);
        stage.show();
        window.model().open(List.of(DemoDataset.file()), List.of(), List.of());
        window.view().requestFocus();
    }

    @AfterEach
    void close() throws Exception {
        org.testfx.api.FxToolkit.cleanupStages();
        WaitForAsyncUtils.waitForFxEvents();
        context.close();
    }

    /** Where the node that {@code selector} finds in this test's window lies, in scene coordinates (FX thread). */
    private Bounds boundsInScene(String selector) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Node n = window.view().lookup(selector);
            return n.localToScene(n.getLayoutBounds());
        }).get(5, TimeUnit.SECONDS);
    }

    private void waitForSample(FxRobot robot, String id) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.detail().getSample() != null
                && id.equals(window.detail().getSample().id())
                && ((Label) window.view().lookup("#detail-id")).getText().equals(id)); // this test's window
    }

    /** Keys go to the view: it has the focus, in a window that has it (typed keys are otherwise lost). */
    private void focusView(FxRobot robot) throws Exception {
        robot.interact(() -> window.view().requestFocus());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.view().getScene().getWindow().isFocused()
                && window.view().getScene().getFocusOwner() == window.view());
    }

    /** Jumps to a sample number or id, waiting for the demo to be indexed that far (it may still be arriving). */
    private void jump(FxRobot robot, String target) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> window.model()
                .jumpTo(target)).get());
    }

    /** The placeholder icon shown on the grid cell of sample {@code g}, or null when it shows its thumbnail. */
    private static org.kordamp.ikonli.Ikon placeholderInGrid(FxRobot robot, int g) throws Exception {
        return GridCells.read(robot, g, c -> GridCells.visible(c, ".thumbnail-placeholder")
                        .map(n -> ((org.kordamp.ikonli.javafx.FontIcon) n).getIconCode()).orElse(null),
                () -> org.kordamp.ikonli.material2.Material2MZ.SEARCH); // no cell shows it (yet)
    }

    /** Gives this test's window a size (FX thread), as a user dragging its corner would. */
    private void resize(FxRobot robot, double width, double height) {
        robot.interact(() -> {
            Stage stage = (Stage) window.view().getScene().getWindow();
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The labelled nodes among {@code ids} that are narrower than their text needs (cut to "…"), described. */
    private List<String> cutLabels(List<String> ids) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            List<String> found = new java.util.ArrayList<>();
            for (String id : ids) {
                javafx.scene.control.Labeled l = (javafx.scene.control.Labeled) window.view().lookup(id);
                if (l.getWidth() < l.prefWidth(-1) - 0.5) {
                    found.add(id + " '" + l.getText() + "' " + l.getWidth() + " of " + l.prefWidth(-1));
                }
            }
            return found;
        }).get(5, TimeUnit.SECONDS);
    }

    @Test
    void theMissingImageShowsAPlaceholderAndAProblem(FxRobot robot) throws Exception {
        waitForSample(robot, "000000319154");
        focusView(robot);
        robot.type(KeyCode.J, 3);
        waitForSample(robot, "000000033471");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#image-placeholder").query().isVisible()
                && robot.lookup("#image-placeholder-title").queryAs(Label.class).getText().contains("missing"));
        List<Problem> problems = window.detail().getSample().problems();
        assertTrue(problems.stream().anyMatch(p -> p.kind().kind().equals("missing-image")), problems.toString());
        // its thumbnail in the grid: the broken-image icon, not a blank; a loaded neighbour shows no icon
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> placeholderInGrid(robot, 3) == Material2AL.BROKEN_IMAGE
                && placeholderInGrid(robot, 0) == null);
        robot.clickOn("#problems-badge"); // selects the problems tab
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(problems.size(), robot.lookup("#problems-list").queryAs(ListView.class).getItems().size());
    }

    @Test
    void aFolderDroppedAsAnImageSourceFillsInAMissingImageWhereItIsShown(FxRobot robot) throws Exception {
        waitForSample(robot, "000000319154");
        jump(robot, "3");
        waitForSample(robot, "000000033471");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> placeholderInGrid(robot, 3) == Material2AL.BROKEN_IMAGE
                && robot.lookup("#image-placeholder-title").queryAs(Label.class).getText().contains("missing"));
        Node cellBefore = GridCells.read(robot, 3, c -> (Node) c, () -> null);

        // the folder that has the missing image, dropped on the window (a folder becomes an image source)
        Path folder = java.nio.file.Files.createTempDirectory("found");
        java.nio.file.Files.copy(Path.of("src/test/resources/images/waterview.jpg"), folder.resolve("000000033471.jpg"));
        robot.interact(() -> window.model().open(List.of(), List.of(folder), List.of()));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> placeholderInGrid(robot, 3) == null);
        assertTrue(cellBefore == GridCells.read(robot, 3, c -> (Node) c, () -> null),
                "the grid's cell asked again for its thumbnail; it was not replaced by a new cell");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#image-placeholder").query().isVisible());
        assertEquals("000000033471", window.detail().getSample().id(), "the detail shows the same sample, now with its image");
    }

    @Test
    void fileOpenStartsInTheFolderOfTheFileOpenedLastButNotInTheDemos(FxRobot robot) throws Exception {
        waitForSample(robot, "000000319154");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !context.recentFiles().list().isEmpty()); // the demo
        assertEquals(java.util.Optional.empty(), window.model().folderToOpenFrom(), "not inside the app's demo folder");
        Path dir = java.nio.file.Files.createTempDirectory("datasets");
        Path mine = java.nio.file.Files.copy(TestFiles.realdata("llava_v1_5_mix665k_sample.json"), dir.resolve("mix.json"));
        robot.interact(() -> window.model().open(List.of(mine), List.of(), List.of()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.model().folderToOpenFrom().isPresent());
        assertEquals(dir.toAbsolutePath().normalize(), window.model().folderToOpenFrom().orElseThrow());
    }

    @Test
    void manyImageSourcesLeaveTheStatusBarsCountsWholeAndAreAllInItsTooltip(FxRobot robot) throws Exception {
        waitForSample(robot, "000000319154");
        // a dataset in a folder with eight sub-folders of its images: each becomes an image source, as does the folder
        Path dir = java.nio.file.Files.createTempDirectory("many-sources");
        StringBuilder records = new StringBuilder("[{\"id\": \"p\", \"image\": \"part0/x0.jpg\", \"conversations\": []}");
        for (int i = 0; i < 8; i++) {
            Path sub = java.nio.file.Files.createDirectories(dir.resolve("part" + i));
            java.nio.file.Files.copy(Path.of("src/test/resources/images/waterview.jpg"), sub.resolve("x" + i + ".jpg"));
            records.append(",\n{\"id\": \"").append(i).append("\", \"image\": \"x").append(i)
                    .append(".jpg\", \"conversations\": []}");
        }
        Path mine = TestFiles.write(dir, "mine.json", records.append("]").toString());
        resize(robot, 1024, 900);
        robot.interact(() -> window.model().open(List.of(mine), List.of(), List.of()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.model().imageSourcesProperty().get().contains("part"));
        WaitForAsyncUtils.waitForFxEvents();
        Label sources = robot.lookup("#image-sources").queryAs(Label.class);
        assertEquals("images: images.zip, " + dir.getFileName() + ", part0 + 7 more", sources.getText()); // the demo's zip first
        List<String> tooltip = List.of(sources.getTooltip().getText().split("\n"));
        assertEquals(10, tooltip.size(), tooltip.toString()); // the demo's zip, this folder and its eight
        assertTrue(tooltip.contains(dir.resolve("part7").toAbsolutePath().normalize().toString()), tooltip.toString());
        assertEquals(List.of(), cutLabels(List.of("#status", "#position", "#curation-summary", "#thumbnail-status")));
    }

    @Test
    void theStatusBarKeepsItsHeightWhateverItsTextsAre(FxRobot robot) throws Exception {
        // the mark counts are empty while a session is read (File > Open): the empty label drew below the bar, the
        // window's content stood out of the window, and JavaFX painted the whole window again (68-115 ms a time)
        waitForSample(robot, "000000319154");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup("#curation-summary").queryAs(Label.class).getText().isEmpty());
        Node bar = robot.lookup(".status-bar").query();
        double before = WaitForAsyncUtils.asyncFx(() -> bar.getLayoutBounds().getHeight()).get(5, TimeUnit.SECONDS);
        for (String text : List.of("", "3 keep · 1 reject · 2 tagged")) {
            robot.interact(() -> {
                Label marks = robot.lookup("#curation-summary").queryAs(Label.class);
                marks.textProperty().unbind();
                marks.setText(text);
            });
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(before, WaitForAsyncUtils.asyncFx(() -> bar.getLayoutBounds().getHeight()).get(5, TimeUnit.SECONDS),
                    "with the mark counts '" + text + "'");
            assertEquals(WaitForAsyncUtils.asyncFx(() -> window.view().getScene().getHeight()).get(5, TimeUnit.SECONDS),
                    WaitForAsyncUtils.asyncFx(() -> window.view().getBoundsInParent().getMaxY()).get(5, TimeUnit.SECONDS),
                    0.01, "the window's content fits it");
        }
    }

    @Test
    void inAWideWindowTheDetailsTabsAllShowBesideTheImage(FxRobot robot) throws Exception {
        waitForSample(robot, "000000319154");
        resize(robot, 1600, 900); // the detail pane is wider than it is high: the image goes beside the tabs
        assertEquals(javafx.geometry.Orientation.HORIZONTAL,
                robot.lookup("#detail-split").queryAs(javafx.scene.control.SplitPane.class).getOrientation(), "side by side");
        Node overflow = robot.lookup("#detail-tabs .control-buttons-tab").query();
        assertFalse(WaitForAsyncUtils.asyncFx(overflow::isVisible).get(5, TimeUnit.SECONDS),
                "no tab is cut or hidden behind the overflow menu");
    }

    @Test
    void inANarrowWindowTheBrowserGivesWayAndTheSamplesIdStaysWhole(FxRobot robot) throws Exception {
        waitForSample(robot, "000000319154");
        resize(robot, 1024, 680);
        List<String> cut = new java.util.ArrayList<>(cutLabels(List.of("#detail-id", "#problems-badge")));
        cut.addAll(WaitForAsyncUtils.asyncFx(() -> {
            List<String> found = new java.util.ArrayList<>();
            javafx.scene.layout.Region detail = (javafx.scene.layout.Region) window.view().lookup("#detail-header").getParent();
            while (!(detail.getParent() instanceof javafx.scene.control.SplitPane) && detail.getParent() != null) {
                detail = (javafx.scene.layout.Region) detail.getParent();
            }
            if (detail.getWidth() < 439) {
                found.add("detail pane " + detail.getWidth() + " wide");
            }
            return found;
        }).get(5, TimeUnit.SECONDS));
        assertEquals(List.of(), cut);
    }

    @Test
    void theWindowsTitleNamesTheOpenFile(FxRobot robot) throws Exception {
        waitForSample(robot, "000000319154");
        assertEquals("demo.json — LLaVA Inspector", ((Stage) window.view().getScene().getWindow()).getTitle());
    }

    @Test
    void aTextOnlyRecordSaysSoAndShowsItsModelField(FxRobot robot) throws Exception {
        waitForSample(robot, "000000319154");
        jump(robot, "i6IyJda_0");
        waitForSample(robot, "i6IyJda_0");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#text-only-badge").tryQuery().isPresent()
                        && robot.lookup("#image-placeholder").tryQuery().isEmpty());
        assertTrue(robot.lookup(".image-chip").queryAll().isEmpty(), "no <image> chip in a text-only conversation");
        assertEquals("\"\"", window.detail().getSample().otherFields().get("model"));
        robot.interact(() -> robot.lookup("#detail-tabs").queryAs(TabPane.class).getSelectionModel().select(3));
        String raw = robot.lookup("#raw-json").queryAs(TextArea.class).getText();
        assertTrue(raw.startsWith("{") && raw.contains("\"model\": \"\""), raw);
    }

    @Test
    void theMultiImageRecordHasTwoChipsAndTheSystemTurnIsShownAsSystem(FxRobot robot) throws Exception {
        waitForSample(robot, "000000319154");
        jump(robot, "multi_000000319154_000000900011");
        waitForSample(robot, "multi_000000319154_000000900011");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".image-chip").queryAll().size() >= 2);
        jump(robot, "000000900009");
        waitForSample(robot, "000000900009");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".turn-system").queryAll().size() == 1);
    }

    @Test
    void cc3mMetadataIsJoinedAndShown(FxRobot robot) throws Exception {
        waitForSample(robot, "000000319154");
        jump(robot, "GCC_train_009000101");
        waitForSample(robot, "GCC_train_009000101");
        assertTrue(window.detail().getSample().metadata().containsKey("caption"));
        robot.interact(() -> robot.lookup("#detail-tabs").queryAs(TabPane.class).getSelectionModel().select(1));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#metadata-caption").tryQuery().isPresent());
    }

    @Test
    void listModeJumpAndShortcutOverlay(FxRobot robot) throws Exception {
        waitForSample(robot, "000000319154");
        focusView(robot);
        robot.type(KeyCode.J, 3); // moved in the grid, while the list is not in the scene
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.model().currentPositionProperty().get() == 3);
        robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.model().gridModeProperty().get());
        TableView<?> table = robot.lookup("#browse-table").queryAs(TableView.class);
        assertTrue(table.isVisible());
        assertEquals(30, table.getItems().size());
        assertEquals(3, table.getSelectionModel().getSelectedIndex(), "the list shows the sample chosen in the grid");
        robot.type(KeyCode.END);
        waitForSample(robot, "multi_000000319154_000000900011");
        assertEquals(29, table.getSelectionModel().getSelectedIndex(), "the list follows the current sample");
        robot.type(KeyCode.HOME);
        waitForSample(robot, "000000319154");
        robot.press(KeyCode.SHIFT).type(KeyCode.SLASH).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#shortcut-overlay").query().isVisible());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#shortcut-overlay").query().isVisible());
    }

    /** The list's marks column, as shown, for the samples {@code from} to {@code to} (empty text: no mark). */
    private static java.util.Map<Integer, String> marksShown(FxRobot robot, int from, int to) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            java.util.Map<Integer, String> shown = new java.util.TreeMap<>();
            robot.lookup(".table-cell").queryAllAs(javafx.scene.control.TableCell.class).forEach(c -> {
                if (c.getTableColumn() != null && "column-marks".equals(c.getTableColumn().getId()) && !c.isEmpty()
                        && c.getItem() instanceof Integer g && g >= from && g <= to && c.getTableRow() != null
                        && c.getTableRow().isVisible()) {
                    shown.put(g, c.getText() == null ? "" : c.getText());
                }
            });
            return shown;
        }).get(5, TimeUnit.SECONDS);
    }

    @Test
    void inTheGridDownGoesARowAndPageDownAScreenInTheListShiftDownChoosesWhereverTheFocusIs(FxRobot robot) throws Exception {
        waitForSample(robot, "000000319154");
        focusView(robot);
        org.llavainspector.ui.browse.GridBrowseView grid = robot.lookup("#browse-grid")
                .queryAs(org.llavainspector.ui.browse.GridBrowseView.class);
        int perRow = WaitForAsyncUtils.asyncFx(grid::perRow).get(5, TimeUnit.SECONDS);
        int rows = WaitForAsyncUtils.asyncFx(grid::rowsOnScreen).get(5, TimeUnit.SECONDS);
        assertTrue(perRow > 1, perRow + " a row");
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.model().currentPositionProperty().get() == perRow);
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.model().currentPositionProperty().get() == perRow + 1);
        robot.type(KeyCode.UP);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.model().currentPositionProperty().get() == 1);
        robot.type(KeyCode.PAGE_DOWN);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> window.model().currentPositionProperty().get() == Math.min(29, 1 + rows * perRow));

        // the list: Shift+Down chooses from the current sample on, though the keys went to the window, not the table
        robot.interact(() -> window.model().gridModeProperty().set(false));
        robot.interact(() -> window.model().currentPositionProperty().set(2));
        focusView(robot);
        robot.press(KeyCode.SHIFT).type(KeyCode.DOWN, 3).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(2, 3, 4, 5), List.copyOf(window.model().selection()));
        robot.type(KeyCode.N);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> "4 reject".equals(window.model().curation().summaryProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(java.util.Map.of(1, "", 2, "reject", 3, "reject", 4, "reject", 5, "reject", 6, ""), marksShown(robot, 1, 6),
                "the list's marks column shows the edit");
        robot.type(KeyCode.DOWN); // without Shift: the next sample, one again
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.model().currentPositionProperty().get() == 3);
    }

    @Test
    void theListCutsIdsAndPathsAtTheFrontAndNamesTheFileOnlyWhenThereAreSeveral(FxRobot robot) throws Exception {
        waitForSample(robot, "000000319154");
        robot.interact(() -> window.model().gridModeProperty().set(false));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup("#browse-table").queryAs(TableView.class);
        TableColumn<?, ?> file = table.getColumns().stream().filter(c -> "column-file".equals(c.getId())).findFirst().orElseThrow();
        assertFalse(file.isVisible(), "one file open: every row would say demo.json");
        javafx.scene.control.TableCell<?, ?> image = robot.lookup(".table-cell.cut-at-front")
                .match((javafx.scene.control.TableCell<?, ?> c) -> "coco/train2017/000000319154.jpg".equals(c.getText()))
                .query();
        assertEquals(javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS, image.getTextOverrun(),
                "a narrow image column keeps the file name, its end");
        Path mine = java.nio.file.Files.copy(TestFiles.realdata("llava_v1_5_mix665k_sample.json"),
                java.nio.file.Files.createTempDirectory("second").resolve("mix.json"));
        robot.interact(() -> window.model().open(List.of(mine), List.of(), List.of()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 32);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(file.isVisible(), "two files open: the list says which one each sample came from");
    }

    @Test
    void presentationModeFollowsNextAndExitsWithEscape(FxRobot robot) throws Exception {
        waitForSample(robot, "000000319154");
        focusView(robot);
        robot.type(KeyCode.P);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.presentationStage() != null
                && window.presentationStage().isShowing());
        robot.clickOn("#present-next");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.model().currentPositionProperty().get() == 1);
        robot.interact(() -> window.presentationStage().getScene().getRoot().requestFocus());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.presentationStage().isFocused());
        robot.type(KeyCode.J); // the main window's keys work here too
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.model().currentPositionProperty().get() == 2);
        robot.type(KeyCode.K);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.model().currentPositionProperty().get() == 1);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.presentationStage() == null);
    }

    @Test
    void aBrokenFileGivesANotificationNotAStackTrace(FxRobot robot) throws Exception {
        waitForSample(robot, "000000319154");
        Path broken = TestFiles.write(java.nio.file.Files.createTempDirectory("broken"), "broken.json", "[{\"id\": \"a\",");
        robot.interact(() -> window.model().open(List.of(broken), List.of(), List.of()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.view().lastNotification().contains("broken.json:1:"));
        assertTrue(window.view().lastNotification().contains("truncated"), window.view().lastNotification());
    }

    @Test
    void aNoteShowsBelowTheMenusAndGoesAwayWhileAnErrorStays(FxRobot robot) throws Exception {
        waitForSample(robot, "000000319154");
        robot.interact(() -> {
            window.view().setNoteDuration(javafx.util.Duration.millis(3000));
            window.view().notifyInfo("restored 1 keep from demo.json.llava-session.json");
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.view().lastNotification().startsWith("restored"));
        // once slid in, the bar covers neither the menus nor the filter: File ▸ Open stays in reach
        // (it slides in from behind the tool bar: wait for it to come to rest)
        Bounds tools = boundsInScene("#filter-field");
        assertTrue(boundsInScene("#menu-bar").getMaxY() <= tools.getMinY(), "the menus are above the filter");
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> boundsInScene(".notification-bar").getMinY() >= tools.getMaxY() - 0.5);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the bar lies over the tool bar (" + tools + "): " + boundsInScene(".notification-bar"));
        }
        assertTrue(boundsInScene(".notification-bar").getHeight() > 20, "the bar has come in whole");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.view().lastNotification().isEmpty());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> boundsInScene("#detail-id").getMinY() < tools.getMaxY() + 30);

        robot.interact(() -> window.view().notifyError("broken.json:3:7: unexpected end of input"));
        Thread.sleep(3500); // longer than a note stays
        WaitForAsyncUtils.waitForFxEvents();
        // an error stays, and it does not cover the sample's title: the browser and the detail move down meanwhile
        Bounds errorBar = boundsInScene(".notification-bar");
        assertTrue(errorBar.getHeight() > 20 && errorBar.getMinY() >= tools.getMaxY() - 0.5, errorBar.toString());
        assertTrue(boundsInScene("#detail-id").getMinY() >= errorBar.getMaxY() - 0.5,
                "#detail-id at " + boundsInScene("#detail-id") + ", the bar at " + errorBar);
        assertEquals("broken.json:3:7: unexpected end of input", window.view().lastNotification(),
                "an error stays until it is closed");
        focusView(robot);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.view().lastNotification().isEmpty());
    }

    @Test
    void bothThemesKeepTheToolBarTheFilterPromptAndTheListsSelectedRowReadable(FxRobot robot) throws Exception {
        waitForSample(robot, "000000319154");
        jump(robot, "3"); // (the demo may still be arriving)
        waitForSample(robot, "000000033471");
        for (org.llavainspector.ui.theme.Theme theme : org.llavainspector.ui.theme.Theme.values()) {
            robot.interact(() -> {
                theme.applyTo(window.view().getScene(), List.of());
                window.model().gridModeProperty().set(true);
            });
            WaitForAsyncUtils.waitForFxEvents();
            List<String> unreadable = new java.util.ArrayList<>(WaitForAsyncUtils.asyncFx(() -> {
                List<String> found = new java.util.ArrayList<>();
                javafx.css.PseudoClass current = javafx.css.PseudoClass.getPseudoClass("current");
                window.view().lookupAll(".thumbnail-cell").stream().filter(c -> c.getPseudoClassStates().contains(current))
                        .findFirst().ifPresentOrElse(cell -> check(found, "caption of the current grid cell",
                                ((Label) cell.lookup(".thumbnail-caption")).getTextFill(), fillOf(cell.lookup(".thumbnail-card"))),
                                () -> found.add("no current grid cell"));
                return found;
            }).get(5, TimeUnit.SECONDS));
            robot.interact(() -> {
                window.model().gridModeProperty().set(false);
                window.view().requestFocus(); // the list's selected row shows as in a list without the focus
            });
            WaitForAsyncUtils.waitForFxEvents();
            unreadable.addAll(WaitForAsyncUtils.asyncFx(() -> {
                List<String> found = new java.util.ArrayList<>();
                Node toolBar = window.view().lookup(".tool-bar");
                for (Node icon : toolBar.lookupAll(".ikonli-font-icon")) {
                    check(found, "tool bar icon", ((org.kordamp.ikonli.javafx.FontIcon) icon).getIconColor(), fillOf(toolBar));
                }
                checkButtonIcons(found, window.view());
                javafx.scene.control.TextField filter = (javafx.scene.control.TextField) window.view().lookup("#filter-field");
                filter.lookupAll(".text").stream().filter(t -> t instanceof javafx.scene.text.Text text
                        && filter.getPromptText().equals(text.getText())).findFirst()
                        .ifPresentOrElse(prompt -> check(found, "filter prompt", ((javafx.scene.text.Text) prompt).getFill(), fillOf(filter)),
                                () -> found.add("no prompt shown"));
                javafx.scene.control.TableRow<?> row = window.view().lookupAll(".table-row-cell").stream()
                        .map(n -> (javafx.scene.control.TableRow<?>) n).filter(r -> r.isSelected()).findFirst().orElse(null);
                if (row == null) {
                    found.add("no selected row");
                } else {
                    javafx.scene.control.Labeled cell = (javafx.scene.control.Labeled) row.lookup(".table-cell");
                    check(found, "selected row", cell.getTextFill(), fillOf(row));
                }
                return found;
            }).get(5, TimeUnit.SECONDS));
            assertEquals(List.of(), unreadable, theme + " theme");
        }
    }

    /** Adds the icons on the buttons under {@code root} that do not stand out from their button. */
    private static void checkButtonIcons(List<String> found, Node root) {
        for (Node icon : root.lookupAll(".ikonli-font-icon")) {
            Node button = icon.getParent();
            while (button != null && !(button instanceof javafx.scene.control.ButtonBase)) {
                button = button.getParent();
            }
            if (button != null && icon.isVisible() && colourOf(fillOf(button)).getOpacity() > 0.5) {
                check(found, "icon on " + button.getId() + " " + button.getStyleClass(),
                        ((org.kordamp.ikonli.javafx.FontIcon) icon).getIconColor(), fillOf(button));
            }
        }
    }

    /** The colour a region is painted in: its topmost background fill. */
    private static javafx.scene.paint.Paint fillOf(Node node) {
        List<javafx.scene.layout.BackgroundFill> fills = ((javafx.scene.layout.Region) node).getBackground().getFills();
        return fills.get(fills.size() - 1).getFill();
    }

    /** Adds what fails WCAG's contrast of 3:1 (large text) between a text colour and its background. */
    private static void check(List<String> found, String what, javafx.scene.paint.Paint text, javafx.scene.paint.Paint background) {
        double a = luminance(colourOf(text));
        double b = luminance(colourOf(background));
        double contrast = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        if (contrast < 3) {
            found.add(what + ": " + text + " on " + background + " (contrast " + String.format("%.1f", contrast) + ")");
        }
    }

    /** A colour, or a gradient's last colour (Modena's text fields end on their inner background). */
    private static javafx.scene.paint.Color colourOf(javafx.scene.paint.Paint paint) {
        if (paint instanceof javafx.scene.paint.LinearGradient g) {
            return g.getStops().get(g.getStops().size() - 1).getColor();
        }
        return (javafx.scene.paint.Color) paint;
    }

    private static double luminance(javafx.scene.paint.Color c) {
        java.util.function.DoubleUnaryOperator lin = v -> v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        return 0.2126 * lin.applyAsDouble(c.getRed()) + 0.7152 * lin.applyAsDouble(c.getGreen()) + 0.0722 * lin.applyAsDouble(c.getBlue());
    }

    @Test
    void theQueryHelpReadsAsTextWithItsTableOfTermsNotAsMarkdown(FxRobot robot) throws Exception {
        waitForSample(robot, "000000319154");
        robot.clickOn("#query-help");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#query-help-view").tryQuery().isPresent());
        List<String> code = WaitForAsyncUtils.asyncFx(() -> robot.lookup("#query-help-view").query()
                .lookupAll(".query-help-code").stream().map(n -> ((javafx.scene.text.Text) n).getText()).toList())
                .get(5, TimeUnit.SECONDS);
        String all = WaitForAsyncUtils.asyncFx(() -> robot.lookup("#query-help-view").query().lookupAll(".text").stream()
                .filter(n -> n instanceof javafx.scene.text.Text).map(n -> ((javafx.scene.text.Text) n).getText())
                .collect(java.util.stream.Collectors.joining())).get(5, TimeUnit.SECONDS);
        assertTrue(code.contains("turns>8") && code.contains("has:image") && code.contains("re:/\\bfrisbees?\\b/"), code.toString());
        assertFalse(all.contains("| ---") || all.contains("`") || all.contains("# Search"), "Markdown shown as such: " + all);
        int rows = WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.layout.GridPane table = (javafx.scene.layout.GridPane) robot.lookup(".query-help-table").query();
            return table.getChildren().stream().mapToInt(n -> javafx.scene.layout.GridPane.getRowIndex(n)).max().orElse(-1) + 1;
        }).get(5, TimeUnit.SECONDS);
        long terms = org.llavainspector.core.query.QueryHelp.markdown().lines().filter(l -> l.startsWith("| `")).count();
        assertEquals(terms + 1, rows, "a row for each term of the table, and its header");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#query-help-view").tryQuery().isEmpty());

        // in the dark theme the pop-over itself is dark too, not ControlsFX's white
        robot.interact(() -> org.llavainspector.ui.theme.Theme.DARK.applyTo(window.view().getScene(), List.of()));
        robot.clickOn("#query-help");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#query-help-view").tryQuery().isPresent());
        javafx.scene.paint.Paint frame = WaitForAsyncUtils.asyncFx(() -> ((javafx.scene.shape.Shape) robot
                .lookup("#query-help-view").query().getScene().getRoot().lookup(".border")).getFill()).get(5, TimeUnit.SECONDS);
        assertTrue(luminance(colourOf(frame)) < 0.1, "the pop-over's frame in the dark theme: " + frame);
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void theStatusBarCountsTheCachedThumbnailsAndTheirMemory(FxRobot robot) throws Exception {
        waitForSample(robot, "000000319154");
        // the demo's thumbnails weigh less than a MiB: the status shows a tenth of one, not a bare 0
        java.util.regex.Pattern status = java.util.regex.Pattern.compile("thumbnails: ([1-9]\\d*) cached, (\\d+)[.,](\\d) of (\\d+) MiB");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.matcher(
                robot.lookup("#thumbnail-status").queryAs(Label.class).getText()).matches());
        java.util.regex.Matcher m = status.matcher(robot.lookup("#thumbnail-status").queryAs(Label.class).getText());
        assertTrue(m.matches());
        assertTrue(Integer.parseInt(m.group(2)) > 0 || Integer.parseInt(m.group(3)) > 0, m.group());
        assertEquals(context.images().thumbnailStats().budget() >> 20, Long.parseLong(m.group(4)));
    }

    @Test
    void theFilterNarrowsTheSamplesWithALiveCountAndReportsBadQueries(FxRobot robot) throws Exception {
        waitForSample(robot, "000000319154");
        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        robot.write("dog -cat turns>=4").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#status").queryAs(Label.class).getText().contains("shown"));
        String count = robot.lookup("#match-count").queryAs(Label.class).getText();
        int shown = window.model().visibleSamples().size();
        assertTrue(shown > 0 && shown < 30, "some but not all samples: " + shown);
        assertEquals(shown + " match" + (shown == 1 ? "" : "es"), count);
        assertTrue(robot.lookup("#status").queryAs(Label.class).getText().contains("shown"), robot.lookup("#status").queryAs(Label.class).getText());
        for (int g : window.model().visibleSamples()) {
            assertTrue(window.model().collection().datasetOf(g).index().turnCount(window.model().collection().recordOf(g)) >= 4);
        }
        robot.interact(() -> robot.lookup("#filter-field").queryAs(javafx.scene.control.TextField.class).setText("has:no-image"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.model().visibleSamples().size() == 1);
        waitForSample(robot, "i6IyJda_0");
        // the grid's other cells are emptied and show nothing
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> GridCells.captions(robot).equals(List.of("i6IyJda_0")));
        robot.interact(() -> robot.lookup("#filter-field").queryAs(javafx.scene.control.TextField.class).setText("colour:red"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("#match-count").tryQueryAs(Label.class)
                        .map(l -> l.getText().startsWith("column 1")).orElse(false)); // looked up while the FX thread works
        robot.interact(() -> robot.lookup("#filter-field").queryAs(javafx.scene.control.TextField.class).setText(""));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.model().visibleSamples().size() == 30);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            List<String> captions = GridCells.captions(robot);
            return captions.size() >= 6 && captions.contains("000000319154");
        });
    }


    @Test
    void aFilterRunAgainWhenAnotherFileIsIndexedKeepsTheSampleInView(FxRobot robot) throws Exception {
        waitForSample(robot, "000000319154");
        robot.interact(() -> robot.lookup("#filter-field").queryAs(javafx.scene.control.TextField.class).setText("dog"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.model().visibleSamples().size() < 30
                && robot.lookup("#match-count").queryAs(Label.class).getText().endsWith("matches"));
        focusView(robot);
        robot.type(KeyCode.J).type(KeyCode.J);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.model().currentPositionProperty().get() == 2);
        int looking = WaitForAsyncUtils.asyncFx(() -> window.model().currentSample()).get(5, TimeUnit.SECONDS);
        int matchesBefore = window.model().visibleSamples().size();

        // File > Open adds a file: once it is indexed the filter runs again over both files
        Path mix = TestFiles.realdata("llava_v1_5_mix665k_sample.json");
        robot.interact(() -> window.model().open(List.of(mix), List.of(), List.of()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.model().collection().size() == 32
                && window.model().indexingCompleteProperty().get()
                && !robot.lookup("#match-count").queryAs(Label.class).getText().startsWith("searching"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.model().visibleSamples().size() >= matchesBefore);
        assertEquals(looking, (int) WaitForAsyncUtils.asyncFx(() -> window.model().currentSample()).get(5, TimeUnit.SECONDS),
                "the sample looked at stays current (it was the third match; the first is " + window.model().visibleSamples().get(0) + ")");
    }

    @Test
    void aFileOfOneSampleSaysOneSample(FxRobot robot) throws Exception {
        Path one = TestFiles.write(java.nio.file.Files.createTempDirectory("one"), "one.json",
                "[{\"id\": \"a\", \"conversations\": [{\"from\": \"human\", \"value\": \"hi\"}]}]");
        AppContext other = new AppContext(java.nio.file.Files.createTempDirectory("sessions"));
        try {
            MainWindow single = WaitForAsyncUtils.asyncFx(() -> {
                MainWindow w = new MainWindow(new Stage(), other, null);
                w.model().open(List.of(one), List.of(), List.of());
                return w;
            }).get(10, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> single.model().indexingCompleteProperty().get());
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("1 sample", single.model().statusProperty().get());
        } finally {
            other.close();
        }
    }

    @Test
    void aSecondFileJoinsTheCollectionAndEachSampleKnowsItsFile(FxRobot robot) throws Exception {
        waitForSample(robot, "000000319154");
        Path mix = TestFiles.realdata("llava_v1_5_mix665k_sample.json");
        robot.interact(() -> window.model().open(List.of(mix), List.of(), List.of()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.model().visibleSamples().size() == 32);
        assertEquals(mix, window.model().collection().datasetOf(31).file());
        assertEquals(1, window.model().collection().recordOf(31));
        jump(robot, "31");
        waitForSample(robot, "i6IyJda_0");
        assertTrue(robot.lookup("#detail-source").queryAs(Label.class).getText().contains("llava_v1_5_mix665k_sample.json"));
        assertEquals("demo.json, llava_v1_5_mix665k_sample.json — LLaVA Inspector",
                ((Stage) window.view().getScene().getWindow()).getTitle(), "the window's title names both files");
    }

    @Test
    void theFirstRunHintShowsOnceAndAboutOpens(FxRobot robot) throws Exception {
        waitForSample(robot, "000000319154");
        robot.interact(() -> {
            window.view().setNoteDuration(javafx.util.Duration.millis(200));
            window.showFirstRunHintOnce(context);
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.view().lastNotification().startsWith("Welcome"));
        Thread.sleep(800); // longer than a note stays: the hint is read at the user's pace
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.view().lastNotification().startsWith("Welcome"), window.view().lastNotification());
        assertTrue(context.preferences().firstRunDone());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> java.nio.file.Files.exists(context.preferences().file()));
        robot.interact(() -> robot.lookup("#menu-bar").queryAs(javafx.scene.control.MenuBar.class).getMenus().stream()
                .flatMap(m -> m.getItems().stream()).filter(i -> "About LLaVA Inspector".equals(i.getText()))
                .findFirst().orElseThrow().fire());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#about-text").tryQuery().isPresent());
        assertTrue(robot.lookup("#about-text").queryAs(TextArea.class).getText().contains("ATTRIBUTION.md"));
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void thePromptBrowserOpensOnTheShippedPrompts(FxRobot robot) throws Exception {
        waitForSample(robot, "000000319154");
        robot.interact(() -> robot.lookup("#menu-bar").queryAs(javafx.scene.control.MenuBar.class).getMenus().stream()
                .flatMap(m -> m.getItems().stream()).filter(i -> "GPT-4 prompt browser…".equals(i.getText()))
                .findFirst().orElseThrow().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#prompt-tree").tryQuery().isPresent());
        assertEquals(3, robot.lookup("#prompt-tree").queryAs(javafx.scene.control.TreeView.class).getRoot().getChildren().size());
    }

    @Test
    void clickingATurnsBarInTheStatisticsFiltersTheBrowser(FxRobot robot) throws Exception {
        waitForSample(robot, "000000319154");
        // in the dark theme (the statistics window takes the main window's): its buttons' icons must show
        robot.interact(() -> org.llavainspector.ui.theme.Theme.DARK.applyTo(window.view().getScene(), List.of()));
        robot.interact(() -> robot.lookup("#menu-bar").queryAs(javafx.scene.control.MenuBar.class).getMenus().stream()
                .flatMap(m -> m.getItems().stream()).filter(i -> "Statistics of the current file…".equals(i.getText()))
                .findFirst().orElseThrow().fire());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            if (robot.lookup("#chart-turns").tryQuery().isEmpty()) {
                return false;
            }
            @SuppressWarnings("unchecked")
            javafx.scene.chart.BarChart<String, Number> chart = robot.lookup("#chart-turns").queryAs(javafx.scene.chart.BarChart.class);
            return !chart.getData().isEmpty() && !chart.getData().get(0).getData().isEmpty()
                    && chart.getData().get(0).getData().stream().allMatch(d -> d.getNode() != null);
        });
        List<String> unreadable = WaitForAsyncUtils.asyncFx(() -> {
            List<String> found = new java.util.ArrayList<>();
            checkButtonIcons(found, robot.lookup("#chart-turns").query().getScene().getRoot());
            return found;
        }).get(5, TimeUnit.SECONDS);
        assertEquals(List.of(), unreadable, "the statistics window's buttons in the dark theme");
        @SuppressWarnings("unchecked")
        javafx.scene.chart.XYChart.Data<String, Number> eight = ((javafx.scene.chart.BarChart<String, Number>) robot
                .lookup("#chart-turns").queryAs(javafx.scene.chart.BarChart.class)).getData().get(0).getData().stream()
                .filter(d -> d.getXValue().equals("8")).findFirst().orElseThrow();
        robot.interact(() -> eight.getNode().fireEvent(new javafx.scene.input.MouseEvent(
                javafx.scene.input.MouseEvent.MOUSE_CLICKED, 0, 0, 0, 0, javafx.scene.input.MouseButton.PRIMARY, 1,
                false, false, false, false, true, false, false, true, false, false, null)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.model().visibleSamples().size()
                == eight.getYValue().intValue());
        assertEquals("turns=8", robot.lookup("#filter-field").queryAs(javafx.scene.control.TextField.class).getText());
    }
}
