package org.llavainspector.ui.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.llavainspector.ui.AppContext;
import org.llavainspector.ui.main.MainViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The list over more samples than its table holds at a time (1,200 samples, a window of 60 rows that moves within 10
 * rows of its edges, where the app's is 5,000 and 500): keys, jumps, the scroll bar and the wheel reach every
 * sample, the scroll bar stands for all of them, and moving the window loses neither the rows on screen nor the
 * selection.
 */
@ExtendWith(ApplicationExtension.class)
class TableBrowseViewTest {
    private static final int SAMPLES = 1_200;
    private AppContext context;
    private MainViewModel model;
    private TableBrowseView list;

    @Start
    void start(Stage stage) throws Exception {
        Path file = BrowseTestFiles.samples(SAMPLES, "twelve-hundred.json");
        context = new AppContext(Files.createTempDirectory("sessions"));
        model = new MainViewModel(context);
        list = new TableBrowseView(model, 60, 10);
        BrowseTestFiles.showAndOpen(stage, list, 700, 400, model, file);
    }

    @AfterEach
    void close() throws Exception {
        BrowseTestFiles.close(context);
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return BrowseTestFiles.fx(read);
    }

    private TableView<Integer> table() {
        return list.table();
    }

    private void awaitAllSamples() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.collection().isComplete()
                && fx(() -> model.visibleSamples().size()) == SAMPLES);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits for the samples, makes the one at {@code position} current and gives the table the focus. */
    private void focusTableAt(FxRobot robot, int position) throws Exception {
        awaitAllSamples();
        robot.interact(() -> model.currentPositionProperty().set(position));
        assertCurrentShown(position);
        robot.interact(() -> table().requestFocus());
    }

    /** The current sample is selected in the table and on screen. */
    private void assertCurrentShown(int position) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(position, (int) fx(() -> model.currentPositionProperty().get()));
        assertEquals(fx(() -> model.visibleSamples().get(position)), fx(() -> table().getSelectionModel().getSelectedItem()),
                "the current sample's row is selected");
        int first = fx(list::firstShown);
        int last = fx(list::lastShown);
        assertTrue(first <= position && position <= last, position + " on screen: rows " + first + " to " + last);
    }

    @Test
    void keysAndJumpsReachEverySampleWhileTheTableHoldsSixtyRows(FxRobot robot) throws Exception {
        awaitAllSamples();
        robot.interact(() -> model.currentPositionProperty().set(0));
        assertCurrentShown(0);
        assertEquals(60, (int) fx(() -> table().getItems().size()), "a window of the samples");

        robot.interact(() -> model.currentPositionProperty().set(SAMPLES - 1)); // as End in the main window does
        assertCurrentShown(SAMPLES - 1);
        assertEquals(SAMPLES - 1, (int) fx(list::lastShown), "the last row is at the bottom");

        robot.interact(() -> table().requestFocus());
        robot.type(KeyCode.HOME);
        assertCurrentShown(0);
        robot.type(KeyCode.END);
        assertCurrentShown(SAMPLES - 1);
        robot.type(KeyCode.HOME);
        // the arrow keys go on past the window's first 60 rows: it moves along
        robot.type(KeyCode.DOWN, 75);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> model.currentPositionProperty().get()) == 75);
        assertCurrentShown(75);
        robot.type(KeyCode.UP, 30);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> model.currentPositionProperty().get()) == 45);
        assertCurrentShown(45);
        assertEquals("s45", model.idOf(fx(() -> table().getSelectionModel().getSelectedItem())));
    }

    @Test
    void theScrollBarStandsForAllSamplesAndTheWheelScrollsPastTheWindow(FxRobot robot) throws Exception {
        awaitAllSamples();
        ScrollBar bar = robot.lookup("#browse-scroll").queryAs(ScrollBar.class);
        int rows = fx(() -> list.lastShown() - list.firstShown() + 1);
        assertEquals(SAMPLES - rows, fx(bar::getMax), 1.0, "the bar covers all the samples");
        assertEquals((double) rows / SAMPLES, fx(() -> bar.getVisibleAmount() / bar.getMax()), 0.01,
                "its thumb is as long, of the track, as the rows on screen are of all the samples");

        robot.interact(() -> bar.setValue(250)); // a drag of the thumb
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(250, (int) fx(list::firstShown));
        assertTrue(fx(() -> table().getItems().contains(250) && !table().getItems().contains(0)),
                "the table holds the rows around it, not the first ones");

        robot.interact(() -> list.scrollTo(0));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node flow = robot.lookup("#browse-table .virtual-flow").query();
        for (int i = 0; i < 40; i++) { // the wheel, three rows a notch, well past the first window of 60 rows
            robot.interact(() -> javafx.event.Event.fireEvent(flow, BrowseTestFiles.wheelDown(3 * 26)));
        }
        WaitForAsyncUtils.waitForFxEvents();
        int top = fx(list::firstShown);
        assertTrue(top > 100, "scrolled on past the window's end: top row " + top);
        assertEquals(top, fx(bar::getValue), 1.0, "the bar follows the wheel");
    }

    @Test
    void rowsSelectedStayChosenWhenTheWindowMovesAway(FxRobot robot) throws Exception {
        focusTableAt(robot, 5);
        robot.press(KeyCode.SHIFT).type(KeyCode.DOWN, 3).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(5, 6, 7, 8), fx(() -> List.copyOf(model.selection())));

        robot.interact(() -> list.scrollTo(400)); // the window moves to hold rows 400 on
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(400, (int) fx(list::firstShown));
        assertEquals(List.of(5, 6, 7, 8), fx(() -> List.copyOf(model.selection())), "what the user chose is unchanged");
        robot.interact(() -> list.scrollTo(0)); // and back: they are selected in the table again
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(5, 6, 7, 8), fx(() -> List.copyOf(table().getSelectionModel().getSelectedItems())));
        robot.interact(() -> model.currentPositionProperty().set(20)); // J and the like choose one sample again
        assertCurrentShown(20);
        assertEquals(List.of(20), fx(() -> List.copyOf(model.selection())), "a mark now goes to the current sample only");
    }

    @Test
    void ctrlAChoosesEverySampleShownAndShiftEndAllFromTheCurrentOneOn(FxRobot robot) throws Exception {
        focusTableAt(robot, 450);
        robot.press(KeyCode.SHIFT).type(KeyCode.END).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(java.util.stream.IntStream.range(450, SAMPLES).boxed().toList(), fx(() -> List.copyOf(model.selection())));
        assertEquals(SAMPLES - 1, (int) fx(list::lastShown));

        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(SAMPLES, (int) fx(() -> model.selection().size()), "all of them, not the 60 rows the table holds");
        assertEquals(60, (int) fx(() -> table().getSelectionModel().getSelectedIndices().size()));
        robot.interact(() -> model.curation().mark(List.copyOf(model.selection()), org.llavainspector.core.curation.Mark.REJECT));
        assertEquals(String.format("%,d reject", SAMPLES), fx(() -> model.curation().summaryProperty().get()));
    }

    @Test
    void aFilterShowsItsSamplesFromTheTopWithTheFirstOneSelected(FxRobot robot) throws Exception {
        awaitAllSamples();
        int[] even = java.util.stream.IntStream.range(0, SAMPLES).filter(i -> i % 2 == 0).toArray();
        robot.interact(() -> model.currentPositionProperty().set(0));
        assertCurrentShown(0);
        robot.interact(() -> model.showOnly(even)); // the current position stays 0: the table is not told by it
        assertCurrentShown(0);
        robot.interact(() -> model.showOnly(null));
        robot.interact(() -> model.currentPositionProperty().set(400));
        assertCurrentShown(400);
        robot.interact(() -> model.showOnly(even));
        WaitForAsyncUtils.waitForFxEvents();
        assertCurrentShown(0);
        assertEquals(List.of(0, 2, 4), fx(() -> List.copyOf(table().getItems().subList(0, 3))));
        ScrollBar bar = robot.lookup("#browse-scroll").queryAs(ScrollBar.class);
        int rows = fx(() -> list.lastShown() - list.firstShown() + 1);
        assertEquals(even.length - rows, fx(bar::getMax), 1.0, "the bar stands for the samples shown");
        robot.interact(() -> model.currentPositionProperty().set(240)); // sample 480
        assertCurrentShown(240);
        assertEquals("s480", model.idOf(fx(() -> table().getSelectionModel().getSelectedItem())));
        assertTrue(fx(bar::isVisible));
        robot.interact(() -> model.showOnly(new int[] {3, 7, 11}));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!fx(bar::isVisible), "three samples are all on screen: no scroll bar");
    }

    /**
     * The software renderer (no GPU, as under Xvfb) draws a region with several fills or inset fills through a cached
     * image, stretched in nine slices, on every frame: the table's and its rows' backgrounds took 86 % of the render
     * thread in {@code bench ui}'s list scroll. One plain fill each is drawn directly.
     */
    @Test
    void theTableAndItsRowsHaveOnePlainBackgroundFill(FxRobot robot) throws Exception {
        awaitAllSamples();
        List<javafx.scene.layout.Region> regions = fx(() -> {
            List<javafx.scene.layout.Region> found = new java.util.ArrayList<>(List.of(table()));
            found.addAll(robot.lookup(".table-row-cell").queryAllAs(javafx.scene.layout.Region.class));
            return found;
        });
        assertTrue(regions.size() > 5, regions.size() + " regions");
        for (javafx.scene.layout.Region r : regions) {
            javafx.scene.layout.Background b = fx(r::getBackground);
            assertTrue(b != null && b.getFills().size() == 1 && b.getFills().get(0).getInsets().equals(javafx.geometry.Insets.EMPTY)
                    && b.getFills().get(0).getRadii().isUniform() && b.getFills().get(0).getRadii().getTopLeftHorizontalRadius() == 0,
                    r.getStyleClass() + ": " + (b == null ? null : b.getFills().stream().map(f -> f.getFill() + " " + f.getInsets() + " " + f.getRadii()).toList()));
        }
    }

    /** The table's row that shows the sample at {@code position} (of all shown; the samples are not filtered here). */
    private javafx.scene.control.TableRow<?> rowShowing(FxRobot robot, int position) throws Exception {
        return fx(() -> robot.lookup(".table-row-cell").queryAllAs(javafx.scene.control.TableRow.class).stream()
                .filter(r -> r.isVisible() && Integer.valueOf(position).equals(r.getItem())).findFirst().orElseThrow());
    }

    @Test
    void aShiftClickChoosesTheSamplesFromTheCurrentOneEvenWhenTheWindowMovedBetween(FxRobot robot) throws Exception {
        awaitAllSamples();
        robot.interact(() -> list.scrollTo(0));
        robot.clickOn(rowShowing(robot, 5));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> model.currentPositionProperty().get()) == 5);
        robot.interact(() -> list.scrollTo(400)); // as a drag of the scroll bar: the table's window moves
        WaitForAsyncUtils.waitForFxEvents();
        robot.press(KeyCode.SHIFT).clickOn(rowShowing(robot, 405)).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(java.util.stream.IntStream.rangeClosed(5, 405).boxed().toList(), fx(() -> List.copyOf(model.selection())));
        assertEquals(5, (int) fx(() -> model.currentPositionProperty().get()), "the current sample stays the anchor");
    }

    @Test
    void shiftWithPageDownChoosesOnPastTheWindowAndShiftUpTakesBack(FxRobot robot) throws Exception {
        focusTableAt(robot, 5);
        robot.press(KeyCode.SHIFT).type(KeyCode.PAGE_DOWN, 8).release(KeyCode.SHIFT); // well past 60 rows
        WaitForAsyncUtils.waitForFxEvents();
        List<Integer> chosen = fx(() -> List.copyOf(model.selection()));
        int last = chosen.get(chosen.size() - 1);
        assertTrue(last > 70, "chose up to " + last);
        assertEquals(java.util.stream.IntStream.rangeClosed(5, last).boxed().toList(), chosen);
        assertTrue(fx(list::firstShown) <= last && last <= fx(list::lastShown), "the last row chosen is on screen");
        robot.press(KeyCode.SHIFT).type(KeyCode.UP, 2).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(java.util.stream.IntStream.rangeClosed(5, last - 2).boxed().toList(), fx(() -> List.copyOf(model.selection())));
        assertEquals(5, (int) fx(() -> model.currentPositionProperty().get()));
    }
}
