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
