package org.llavainspector.ui.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.controlsfx.control.GridCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The grid takes appended samples without rebuilding its rows, and must still show exactly the list: the partly
 * filled last row gets the new samples, new rows appear, and any other change (a filter) is shown in full.
 */
@ExtendWith(ApplicationExtension.class)
class SampleGridViewTest {
    private final ObservableList<Integer> items = FXCollections.observableArrayList(0, 1, 2, 3, 4);
    private SampleGridView grid;

    @Start
    void start(Stage stage) {
        grid = new SampleGridView(items);
        grid.setCellWidth(50);
        grid.setCellHeight(30);
        grid.setHorizontalCellSpacing(0);
        grid.setVerticalCellSpacing(0);
        grid.setCellFactory(g -> new GridCell<>() {
            @Override
            protected void updateItem(Integer item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : "s" + item);
                getStyleClass().add("test-cell");
            }
        });
        stage.setScene(new Scene(grid, 170, 400)); // three cells a row, room for many rows
        stage.show();
    }

    /** What the visible cells show, by their index. */
    private Map<Integer, String> shown(FxRobot robot) {
        Map<Integer, String> cells = new TreeMap<>();
        robot.lookup(".test-cell").queryAllAs(GridCell.class).forEach(c -> {
            if (c.isVisible() && c.getParent() != null && c.getParent().isVisible() && !c.isEmpty() && c.getIndex() >= 0
                    && c.getIndex() < items.size()) {
                cells.put(c.getIndex(), ((Labeled) c).getText());
            }
        });
        return cells;
    }

    private Map<Integer, String> expected() {
        Map<Integer, String> m = new TreeMap<>();
        for (int i = 0; i < items.size(); i++) {
            m.put(i, "s" + items.get(i));
        }
        return m;
    }

    @Test
    void appendedSamplesFillTheLastRowAndNewRowsAndAFilterIsShownInFull(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> shown(robot).equals(expected()));
        robot.interact(() -> items.add(5)); // the row [3, 4] gets 5: the rows stay two
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(expected(), shown(robot));
        robot.interact(() -> items.addAll(6, 7)); // a new row holds them
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(expected(), shown(robot));
        robot.interact(() -> items.addAll(List.of(8, 9, 10, 11, 12, 13)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(expected(), shown(robot));
        robot.interact(() -> items.setAll(20, 21, 22, 23)); // a filter: not an append
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Map.of(0, "s20", 1, "s21", 2, "s22", 3, "s23"), shown(robot));
        robot.interact(() -> items.add(24));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(expected(), shown(robot));
    }

    @Test
    void theFirstSamplesAreShownARowAFrameUntilTheViewIsFullThenAllAtOnce(FxRobot robot) throws Exception {
        ObservableList<Integer> many = FXCollections.observableArrayList();
        SampleGridView[] empty = new SampleGridView[1];
        List<Integer> rowCounts = new java.util.concurrent.CopyOnWriteArrayList<>();
        javafx.animation.AnimationTimer frames = new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                if (empty[0].lookup(".virtual-flow") instanceof VirtualFlow<?> flow && flow.getCellCount() > 0) {
                    rowCounts.add(flow.getCellCount());
                }
            }
        };
        robot.interact(() -> {
            empty[0] = new SampleGridView(many);
            empty[0].setCellWidth(50);
            empty[0].setCellHeight(30);
            empty[0].setHorizontalCellSpacing(0);
            empty[0].setVerticalCellSpacing(0);
            Stage stage = new Stage();
            stage.setScene(new Scene(empty[0], 170, 400)); // three cells a row, 13 rows in view
            stage.show();
            frames.start(); // before the grid's own timer: it sees each frame's rows before they grow
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> java.util.stream.IntStream.range(0, 300).forEach(many::add)); // one batch: 100 rows
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !rowCounts.isEmpty()
                && rowCounts.get(rowCounts.size() - 1) == 100);
        robot.interact(frames::stop);
        List<Integer> seen = List.copyOf(rowCounts);
        assertEquals(1, seen.get(0), "the first frame shows one row: " + seen);
        for (int i = 1; i < seen.size(); i++) {
            int grew = seen.get(i) - seen.get(i - 1);
            // a row a frame until the view's 13 rows (and one more) are there; then every row of the list at once
            org.junit.jupiter.api.Assertions.assertTrue(grew == 0 || grew == 1 || seen.get(i - 1) >= 13 && seen.get(i) == 100,
                    "rows per frame: " + seen);
        }
        org.junit.jupiter.api.Assertions.assertTrue(seen.contains(5), "grew a row at a time: " + seen);
        robot.interact(() -> many.addAll(300, 301, 302)); // later samples are not held back
        assertEquals(101, robot.lookup(".virtual-flow").queryAllAs(VirtualFlow.class).stream()
                .filter(f -> f.getScene() == empty[0].getScene()).findFirst().orElseThrow().getCellCount());
    }

    @Test
    void onlyAnAppendAtTheEndCountsAsOne() {
        ObservableList<Integer> list = FXCollections.observableArrayList(1, 2, 3);
        int[] seen = new int[1];
        list.addListener((ListChangeListener<Integer>) c -> seen[0] = SampleGridView.appendedFrom(c));
        list.addAll(4, 5);
        assertEquals(3, seen[0]);
        list.add(0, 9);
        assertEquals(-1, seen[0], "an insert before the end");
        list.remove(0);
        assertEquals(-1, seen[0], "a removal");
        list.setAll(7, 8);
        assertEquals(-1, seen[0], "a replacement");
        list.set(1, 6);
        assertEquals(-1, seen[0], "a set");
    }
}
