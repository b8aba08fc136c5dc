package org.llavainspector.ui.browse;

import impl.org.controlsfx.skin.GridRowSkin;
import impl.org.controlsfx.skin.GridViewSkin;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Skin;
import javafx.scene.control.skin.VirtualFlow;
import org.controlsfx.control.GridView;

/**
 * The thumbnail grid: a ControlsFX {@link GridView} that takes samples appended at the end (as the indexer delivers
 * them, every 100 ms while a file is read) without rebuilding its rows.
 *
 * <p>ControlsFX's skin answers any change of the row count by rebuilding every row, which re-points every cell; with
 * batches arriving ten times a second that cost a long frame each time. Here an append only grows the flow and
 * refreshes the rows from the one that held the old last sample on; every other change (a filter, a resize, a new
 * cell factory) still goes through ControlsFX's full update.
 */
final class SampleGridView extends GridView<Integer> {
    /** Where the change being handled appended samples, or -1 when it was anything else. */
    private int appendedFrom = -1;

    SampleGridView(ObservableList<Integer> items) {
        super(items);
        // added before the skin exists, so this listener sees each change before the skin's own
        items.addListener((ListChangeListener<Integer>) c -> appendedFrom = appendedFrom(c));
    }

    /** The index of the first sample a change appended at the end of the list, or -1 for any other change. */
    static int appendedFrom(ListChangeListener.Change<? extends Integer> c) {
        int from = -1;
        while (c.next()) {
            if (from >= 0 || c.wasPermutated() || c.wasUpdated() || c.wasRemoved() || !c.wasAdded()
                    || c.getTo() != c.getList().size()) {
                from = -1;
                break;
            }
            from = c.getFrom();
        }
        c.reset();
        return from;
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new AppendingSkin(this);
    }

    private int takeAppendedFrom() {
        int from = appendedFrom;
        appendedFrom = -1;
        return from;
    }

    /** ControlsFX's skin, except for appends (see the class comment). */
    private static final class AppendingSkin extends GridViewSkin<Integer> {
        /** Null while the super constructor runs (it calls {@link #updateItemCount} once). */
        private final SampleGridView grid;

        AppendingSkin(SampleGridView grid) {
            super(grid);
            this.grid = grid;
            grid.takeAppendedFrom(); // a change made before there was a skin is not pending
        }

        @Override
        protected void updateItemCount() {
            int from = grid == null ? -1 : grid.takeAppendedFrom();
            VirtualFlow<?> flow = getVirtualFlow();
            if (from <= 0 || flow == null || flow.getCellCount() == 0) {
                super.updateItemCount();
                return;
            }
            int rows = getItemCount();
            if (rows != flow.getCellCount()) {
                flow.setCellCount(rows);
            }
            // only the row that held the old last sample, and rows after it, show anything new; rows laid aside by
            // the flow count too, as it may bring one back without re-pointing it
            int firstChanged = from / Math.max(1, computeMaxCellsInRow());
            for (Node node : flow.lookupAll(".grid-row")) {
                if (node instanceof IndexedCell<?> row && row.getIndex() >= firstChanged
                        && row.getSkin() instanceof GridRowSkin<?> skin) {
                    skin.updateCells();
                }
            }
            getSkinnable().requestLayout();
        }
    }
}
