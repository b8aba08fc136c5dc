package org.llavainspector.ui;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.scene.Node;
import org.controlsfx.control.GridCell;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Reads the thumbnail grid's cells as a test sees them, on the FX thread. */
final class GridCells {
    private GridCells() {
    }

    /**
     * What {@code read} finds in the grid cell that shows sample {@code g}; {@code noCell} answers when no cell shows
     * it (yet).
     */
    static <T> T read(FxRobot robot, int g, Function<GridCell<?>, T> read, Supplier<T> noCell) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            for (Node cell : robot.lookup(".thumbnail-cell").queryAll()) {
                if (cell instanceof GridCell<?> c && Integer.valueOf(g).equals(c.getItem())) {
                    return read.apply(c);
                }
            }
            return noCell.get();
        }).get(5, TimeUnit.SECONDS);
    }

    /** The captions the grid's cells show, sorted; cells the flow laid aside and emptied cells show none. */
    static java.util.List<String> captions(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(".thumbnail-cell").queryAll().stream()
                .filter(n -> n instanceof GridCell<?> c && c.getParent() != null && c.getParent().isVisible()
                        && c.lookup(".thumbnail-caption") != null && c.lookup(".thumbnail-caption").getParent().isVisible())
                .map(n -> ((javafx.scene.control.Labeled) n.lookup(".thumbnail-caption")).getText()).sorted().toList())
                .get(5, TimeUnit.SECONDS);
    }

    /** The first visible node matching {@code selector} inside {@code cell}. */
    static Optional<Node> visible(GridCell<?> cell, String selector) {
        return cell.lookupAll(selector).stream().filter(Node::isVisible).findFirst();
    }
}
