package org.llavainspector.ui.browse;

import impl.org.controlsfx.skin.GridRowSkin;
import impl.org.controlsfx.skin.GridViewSkin;
import javafx.animation.AnimationTimer;
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
 *
 * <p>The first time the grid gets samples it shows them a row per frame until its view is full, rather than making
 * every visible cell in one frame (see {@code AppendingSkin.rowLimit}).
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

    /** ControlsFX's skin, except for appends and the first fill (see the class comment). */
    private static final class AppendingSkin extends GridViewSkin<Integer> {
        /** Null while the super constructor runs (it calls {@link #updateItemCount} once). */
        private final SampleGridView grid;
        /**
         * How many rows the flow may have until the grid has first been filled: one more each frame, so that the first
         * cells are made, styled and painted a row at a time (in a cold JVM, or a new window whose CSS caches are
         * empty, the first row alone is a frame's worth of work). Unlimited once the rows reach the bottom of the view
         * or the end of the list. Zero while the super constructor runs.
         */
        private int rowLimit = 1;
        private final AnimationTimer growing = new AnimationTimer() {
            @Override
            public void handle(long now) {
                growByOneRow();
            }
        };

        AppendingSkin(SampleGridView grid) {
            super(grid);
            this.grid = grid;
            grid.takeAppendedFrom(); // a change made before there was a skin is not pending
            growing.start();
        }

        @Override
        public int getItemCount() {
            int rows = super.getItemCount();
            if (rowLimit == Integer.MAX_VALUE) {
                return rows;
            }
            if (rows > rowLimit && growing != null) {
                growing.start();
            }
            return Math.min(rows, rowLimit);
        }

        /** The rows the grid's view has room for (and one more), or 0 before it is laid out. */
        private int rowsFitting() {
            VirtualFlow<?> flow = getVirtualFlow();
            double rowHeight = getSkinnable().getCellHeight() + 2 * getSkinnable().getVerticalCellSpacing();
            return flow == null || rowHeight <= 0 ? 0 : (int) Math.ceil(flow.getHeight() / rowHeight) + 1;
        }

        private void growByOneRow() {
            int rows = super.getItemCount();
            if (rows == 0 || rowLimit == Integer.MAX_VALUE) {
                growing.stop(); // nothing to show yet (the first samples start it again), or done
                return;
            }
            int before = rowLimit;
            rowLimit = before + 1 >= Math.min(rows, rowsFitting()) ? Integer.MAX_VALUE : before + 1;
            if (rowLimit == Integer.MAX_VALUE) {
                growing.stop();
            }
            VirtualFlow<?> flow = getVirtualFlow();
            if (flow != null && flow.getCellCount() > 0) {
                showRowsFrom(before);
            } else {
                super.updateItemCount();
            }
        }

        @Override
        protected void updateItemCount() {
            int from = grid == null ? -1 : grid.takeAppendedFrom();
            VirtualFlow<?> flow = getVirtualFlow();
            if (from <= 0 || flow == null || flow.getCellCount() == 0) {
                super.updateItemCount();
                return;
            }
            showRowsFrom(from / Math.max(1, computeMaxCellsInRow()));
        }

        /** Grows the flow to the rows there are, and refreshes the rows from {@code firstChanged} on. */
        private void showRowsFrom(int firstChanged) {
            VirtualFlow<?> flow = getVirtualFlow();
            int rows = getItemCount();
            if (rows != flow.getCellCount()) {
                flow.setCellCount(rows);
            }
            // only the row that held the old last sample, and rows after it, show anything new; rows laid aside by
            // the flow count too, as it may bring one back without re-pointing it
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
