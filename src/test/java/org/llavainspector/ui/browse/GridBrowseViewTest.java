package org.llavainspector.ui.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ScrollBar;
import javafx.stage.Stage;
import org.controlsfx.control.GridCell;
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
 * The grid over more samples than it holds at a time (1,200 samples, a window of 64 (60 in rows of five) that moves within 2 rows of its
 * edges, where the app's is 18,000 and 100 rows): the current sample is shown wherever it is, the scroll bar and the
 * wheel reach every row, a resize that changes the samples per row keeps the top sample on screen, and every cell
 * shows the sample of its place in the whole list (the window starts at the first sample of a row).
 */
@ExtendWith(ApplicationExtension.class)
class GridBrowseViewTest {
    private static final int SAMPLES = 1_200;
    private AppContext context;
    private MainViewModel model;
    private GridBrowseView view;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path file = BrowseTestFiles.samples(SAMPLES, "twelve-hundred.json");
        context = new AppContext(Files.createTempDirectory("sessions"));
        model = new MainViewModel(context);
        view = new GridBrowseView(model, 64, 2); // 60 in rows of five, 63 in rows of three
        BrowseTestFiles.showAndOpen(stage, view, 1000, 700, model, file); // five thumbnails a row, three rows on screen
    }

    @AfterEach
    void close() throws Exception {
        BrowseTestFiles.close(context);
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return BrowseTestFiles.fx(read);
    }

    private void awaitAllSamples() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.collection().isComplete()
                && fx(() -> model.visibleSamples().size()) == SAMPLES && view.firstRowShown() >= 0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The grid's cells on screen that show a sample. */
    private List<GridCell<Integer>> cellsShown(FxRobot robot) throws Exception {
        return fx(() -> robot.lookup(".thumbnail-cell").queryAllAs(GridCell.class).stream()
                .filter(c -> c.isVisible() && c.getParent() != null && c.getParent().isVisible() && !c.isEmpty()
                        && c.getItem() != null && c.getIndex() >= 0 && c.localToScene(c.getBoundsInLocal()).getMinY() >= 0
                        && c.localToScene(c.getBoundsInLocal()).getMaxY() <= c.getScene().getHeight())
                .map(c -> (GridCell<Integer>) c).toList());
    }

    /**
     * Every cell on screen shows the sample at its place in the whole list: the window's first sample plus the cell's
     * index in it (the samples are not filtered here, so a sample's number is its position), in the column of that
     * place. And the window starts at the first sample of a row.
     */
    private void assertCellsInPlace(FxRobot robot) throws Exception {
        int perRow = fx(view::perRow);
        List<Integer> items = fx(() -> List.copyOf(view.grid().getItems()));
        assertEquals(0, items.get(0) % perRow, "the window starts a row: " + items.get(0) + ", " + perRow + " a row");
        List<GridCell<Integer>> shown = cellsShown(robot);
        assertTrue(shown.size() >= perRow, shown.size() + " cells on screen");
        for (GridCell<Integer> c : shown) {
            int index = fx(c::getIndex);
            assertEquals(items.get(0) + index, (int) fx(c::getItem), "the cell at " + index + " of the window");
        }
    }

    /** The current sample's cell is on screen and marked current, and no other is. */
    private void assertCurrentShown(FxRobot robot, int sample) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        try { // the grid scrolls at the next pulse
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> currentShown(robot).equals(List.of(sample)));
        } catch (java.util.concurrent.TimeoutException e) {
            // told below
        }
        assertEquals(List.of(sample), currentShown(robot), "the current sample on screen, rows " + fx(view::firstRowShown)
                + " to " + fx(view::lastRowShown));
    }

    /** The samples of the cells on screen that are marked current. */
    private List<Integer> currentShown(FxRobot robot) throws Exception {
        List<GridCell<Integer>> shown = cellsShown(robot);
        return fx(() -> shown.stream()
                .filter(c -> c.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("current")))
                .map(GridCell::getItem).toList());
    }

    @Test
    void theCurrentSampleIsShownWhereverItIsWhileTheGridHoldsSixtySamples(FxRobot robot) throws Exception {
        awaitAllSamples();
        assertEquals(5, (int) fx(view::perRow));
        assertEquals(60, (int) fx(() -> view.grid().getItems().size()), "a window of the samples");
        robot.interact(() -> model.currentPositionProperty().set(0));
        assertCurrentShown(robot, 0);
        robot.interact(() -> model.currentPositionProperty().set(SAMPLES - 1)); // as End does
        assertCurrentShown(robot, SAMPLES - 1);
        assertEquals(SAMPLES / 5 - 1, (int) fx(view::lastRowShown), "the last row is at the bottom");
        assertCellsInPlace(robot);
        robot.interact(() -> model.currentPositionProperty().set(613));
        assertCurrentShown(robot, 613);
        assertCellsInPlace(robot);
        // J after J, across the window's edges: the current sample never leaves the screen
        for (int pos = 0; pos < 150; pos += 3) {
            int p = pos;
            robot.interact(() -> model.currentPositionProperty().set(p));
            assertCurrentShown(robot, p);
        }
        assertCellsInPlace(robot);
    }

    @Test
    void theScrollBarStandsForAllRowsAndTheWheelScrollsPastTheWindow(FxRobot robot) throws Exception {
        awaitAllSamples();
        ScrollBar bar = robot.lookup("#grid-scroll").queryAs(ScrollBar.class);
        int rows = fx(() -> view.lastRowShown() - view.firstRowShown() + 1);
        assertEquals(240, (int) fx(view::rowCount));
        assertTrue(fx(bar::getMax) >= 240 - rows && fx(bar::getMax) <= 240 - rows + 1, "the bar covers all the rows: " + fx(bar::getMax));
        assertEquals(0, robot.lookup("#thumbnail-grid .virtual-flow > .scroll-bar:vertical").queryAs(ScrollBar.class)
                .getWidth(), "the grid's own bar takes no room");

        robot.interact(() -> bar.setValue(100)); // a drag of the thumb
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(100, (int) fx(view::firstRowShown));
        assertTrue(fx(() -> view.grid().getItems().contains(500) && !view.grid().getItems().contains(0)),
                "the grid holds the rows around it, not the first ones");
        assertCellsInPlace(robot);

        robot.interact(() -> view.scrollToRow(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, (int) fx(view::firstRowShown));
        javafx.scene.Node flow = robot.lookup("#thumbnail-grid .virtual-flow").query();
        for (int i = 0; i < 40; i++) { // the wheel, a row a notch, well past the first window of 12 rows
            robot.interact(() -> javafx.event.Event.fireEvent(flow, BrowseTestFiles.wheelDown(198)));
        }
        WaitForAsyncUtils.waitForFxEvents();
        int top = fx(view::firstRowShown);
        assertTrue(top > 24, "scrolled on past the window's end: top row " + top);
        assertEquals(top, fx(bar::getValue), 1.0, "the bar follows the wheel");
        assertCellsInPlace(robot);
    }

    @Test
    void aResizeThatChangesTheSamplesPerRowKeepsTheTopSampleOnScreen(FxRobot robot) throws Exception {
        awaitAllSamples();
        robot.interact(() -> view.scrollToRow(80));
        WaitForAsyncUtils.waitForFxEvents();
        int top = 80 * 5;
        robot.interact(() -> stage.setWidth(700)); // three a row
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(view::perRow) != 5);
        WaitForAsyncUtils.waitForFxEvents();
        int perRow = fx(view::perRow);
        assertNotEquals(5, perRow);
        int row = top / perRow;
        assertTrue(fx(view::firstRowShown) <= row && row <= fx(view::lastRowShown),
                "sample " + top + " (row " + row + ") on screen: rows " + fx(view::firstRowShown) + " to " + fx(view::lastRowShown));
        assertCellsInPlace(robot);
        assertEquals((SAMPLES + perRow - 1) / perRow, (int) fx(view::rowCount));
    }

    @Test
    void aFilterShowsItsFirstSampleAtTheTop(FxRobot robot) throws Exception {
        awaitAllSamples();
        robot.interact(() -> model.currentPositionProperty().set(900));
        assertCurrentShown(robot, 900);
        int[] odd = java.util.stream.IntStream.range(0, SAMPLES).filter(i -> i % 2 == 1).toArray();
        robot.interact(() -> model.showOnly(odd));
        WaitForAsyncUtils.waitForFxEvents();
        assertCurrentShown(robot, 1);
        assertEquals(0, (int) fx(view::firstRowShown));
        assertEquals(List.of(1, 3, 5), fx(() -> List.copyOf(view.grid().getItems().subList(0, 3))));
        robot.interact(() -> model.showOnly(new int[] {3, 7, 11}));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!fx(() -> robot.lookup("#grid-scroll").queryAs(ScrollBar.class).isVisible()),
                "three samples are all on screen: no scroll bar");
    }

    /**
     * A cell given another sample (as the grid's rows are, at every step of a scroll) changes only its own content:
     * its row is not asked for a layout, which would have the flow work out the CSS of the whole row again.
     */
    @Test
    void aCellShowingAnotherSampleAsksNoLayoutOfItsRow(FxRobot robot) throws Exception {
        awaitAllSamples();
        GridCell<Integer> cell = cellsShown(robot).get(0);
        String[] captions = new String[2];
        boolean rowAsked = fx(() -> {
            javafx.scene.Parent row = cell.getParent();
            int index = cell.getIndex();
            captions[0] = ((javafx.scene.control.Labeled) cell.lookup(".thumbnail-caption")).getText();
            cell.updateIndex(index + 7); // another sample of the window
            captions[1] = ((javafx.scene.control.Labeled) cell.lookup(".thumbnail-caption")).getText();
            boolean asked = row.isNeedsLayout();
            cell.updateIndex(index);
            return asked;
        });
        assertNotEquals(captions[0], captions[1], "the cell shows another sample");
        assertTrue(!rowAsked, "the row was asked for a layout");
    }

    /**
     * Each cell's rounded card is a node of its own that JavaFX keeps as an image, and the cell paints nothing
     * itself: drawn as the cell's background and border, the card's rounded shapes were made again on every frame of
     * a scroll (with the software renderer, most of the painting). In either theme, current or not, the card shows.
     */
    @Test
    void everyCellPaintsItsCardFromAnImageInBothThemes(FxRobot robot) throws Exception {
        awaitAllSamples();
        robot.interact(() -> model.currentPositionProperty().set(2));
        for (String theme : List.of("theme-light.css", "theme-dark.css")) {
            robot.interact(() -> stage.getScene().getStylesheets().set(0,
                    MainViewModel.class.getResource("/org/llavainspector/ui/" + theme).toExternalForm()));
            WaitForAsyncUtils.waitForFxEvents();
            List<GridCell<Integer>> shown = cellsShown(robot);
            List<String> wrong = fx(() -> shown.stream().map(c -> {
                String which = c.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("current"))
                        ? "the current cell" : "cell " + c.getItem();
                javafx.scene.layout.Region card = (javafx.scene.layout.Region) c.lookup(".thumbnail-card");
                if (!paintsNothing(c)) {
                    return which + " paints a background or border itself";
                }
                if (card == null || !card.isCache() || paintsNothing(card)
                        || card.getWidth() != c.getWidth() || card.getHeight() != c.getHeight()) {
                    return which + ": no cached card the size of the cell: " + card;
                }
                return null;
            }).filter(java.util.Objects::nonNull).toList());
            assertEquals(List.of(), wrong, theme);
            assertEquals(1, currentShown(robot).size(), "one cell is current (" + theme + ")");
        }
        List<GridCell<Integer>> shown = cellsShown(robot);
        javafx.scene.paint.Paint[] cards = fx(() -> shown.stream()
                .map(c -> ((javafx.scene.layout.Region) c.lookup(".thumbnail-card")).getBorder().getStrokes().get(0).getTopStroke())
                .distinct().toArray(javafx.scene.paint.Paint[]::new));
        assertEquals(2, cards.length, "the current card's border differs from the others'");
    }

    private static boolean paintsNothing(javafx.scene.layout.Region r) {
        return (r.getBackground() == null || r.getBackground().isEmpty()) && (r.getBorder() == null || r.getBorder().isEmpty());
    }
}
