package org.llavainspector.ui.browse;

import impl.org.controlsfx.skin.GridViewSkin;
import java.util.List;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.BorderPane;
import org.llavainspector.ui.main.MainViewModel;

/**
 * The virtualized thumbnail grid over the samples shown; the current sample is highlighted and kept in view.
 *
 * <p>As in the list ({@link TableBrowseView}), the grid holds a {@link SampleWindow} of the samples, a whole number
 * of rows long and starting at the first sample of a row; the scroll bar beside it stands for all of them. JavaFX's
 * flow goes over every row before the one it shows on each layout, even with a fixed row height: 66,000 rows deep
 * (595,375 samples, nine a row) that took a third of the FX thread while the grid was scrolled. Scrolling near an edge
 * of the window, or going to a sample outside it, moves the window; a resize that changes the samples per row aligns
 * it again around the row at the top.
 */
public final class GridBrowseView extends BorderPane {
    static final double THUMBNAIL_SIDE = 150;
    /** Samples the grid holds at a time (2,000 rows of nine). */
    static final int WINDOW_SAMPLES = 18_000;
    /** The window moves when the rows on screen come this near one of its edges (and there are samples beyond). */
    static final int WINDOW_MARGIN_ROWS = 100;

    private final SampleGridView grid;
    private final MainViewModel model;
    private final SampleWindow window;
    private final WindowScrollBar bar = new WindowScrollBar("grid-scroll", this::scrollToRow);
    private final int margin;
    private VirtualFlow<?> flow;
    /** The samples in a row, as the grid's skin lays them out; the window is aligned to it. */
    private int perRow = 1;
    /** Set while this view moves the window and scrolls the grid to match: the flow's moves meanwhile are its own. */
    private boolean moving;
    /** The cells the grid has made (weakly: a cell it lets go of is not kept), shown or not. */
    private final java.util.Set<CurrentAwareCell> cells = java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());

    public GridBrowseView(MainViewModel model) {
        this(model, WINDOW_SAMPLES, WINDOW_MARGIN_ROWS);
    }

    /** With a window of {@code windowSamples} that moves within {@code marginRows} rows of its edges (tests). */
    GridBrowseView(MainViewModel model, int windowSamples, int marginRows) {
        this.model = model;
        this.margin = marginRows;
        this.window = new SampleWindow(model.visibleSamples(), windowSamples);
        setId("browse-grid");
        grid = new SampleGridView(window);
        grid.setId("thumbnail-grid");
        grid.getStyleClass().add("thumbnail-grid");
        grid.setCellWidth(THUMBNAIL_SIDE + 16);
        grid.setCellHeight(THUMBNAIL_SIDE + 36);
        grid.setHorizontalCellSpacing(6);
        grid.setVerticalCellSpacing(6);
        grid.setCellFactory(g -> {
            CurrentAwareCell cell = new CurrentAwareCell(model);
            cells.add(cell);
            return cell;
        });
        setCenter(grid);
        setRight(bar.node());
        // every row of the grid has the same height: telling the flow so spares it measuring rows, which with
        // thousands of them (and more arriving while a file is indexed) stalls the FX thread
        grid.skinProperty().addListener((obs, old, skin) -> Platform.runLater(this::skinReady));
        grid.cellHeightProperty().addListener((obs, old, h) -> fixRowHeight());
        grid.verticalCellSpacingProperty().addListener((obs, old, h) -> fixRowHeight());
        grid.widthProperty().addListener((obs, old, w) -> realign());
        model.currentPositionProperty().addListener((obs, old, pos) -> Platform.runLater(this::refreshSelection));
        // only the browser in use is in the scene: the grid catches up with the current sample when it is shown
        sceneProperty().addListener((obs, old, scene) -> Platform.runLater(this::refreshSelection));
        model.visibleSamples().addListener((ListChangeListener<Integer>) c -> {
            updateBar();
            if (SampleGridView.appendedFrom(c) < 0) {
                Platform.runLater(this::refreshSelection); // a filter: the current sample is shown, wherever it is
            }
        });
        // a curation edit: the cells show the marks and tags again
        model.curation().versionProperty().addListener((obs, old, v) -> eachCell(CurrentAwareCell::refreshBadge));
        // new image sources: the cells ask for their thumbnails again (new cells would each need their skins and CSS
        // made again, in the frame where a file opened with File > Open is being indexed)
        model.imageGenerationProperty().addListener((obs, old, gen) -> eachCell(CurrentAwareCell::reloadThumbnail));
    }

    /** The grid (its items are a window of the samples shown, see the class comment). */
    SampleGridView grid() {
        return grid;
    }

    /** The grid's rows: all the samples shown, {@link #perRow()} a row. */
    public int rowCount() {
        return (window.total() + perRow - 1) / perRow;
    }

    /** The samples in a row. */
    public int perRow() {
        return perRow;
    }

    /** The row (of all the grid's rows) at the top of the grid, or -1 when there is none. */
    public int firstRowShown() {
        IndexedCell<?> first = flow == null ? null : flow.getFirstVisibleCell();
        return first == null ? -1 : baseRow() + first.getIndex();
    }

    /** The row (of all the grid's rows) at the bottom of the grid, maybe partly shown, or -1 when there is none. */
    public int lastRowShown() {
        IndexedCell<?> last = flow == null ? null : flow.getLastVisibleCell();
        return last == null ? -1 : baseRow() + last.getIndex();
    }

    /** Scrolls the grid so that row {@code row} (of all its rows) is at the top, or as near as the last rows allow. */
    public void scrollToRow(int row) {
        int rows = rowCount();
        if (rows == 0) {
            return;
        }
        int top = Math.max(0, Math.min(row, rows - 1));
        int onScreen = rowsOnScreen();
        moving = true;
        try {
            int bottom = Math.min(rows - 1, top + onScreen - 1);
            if (!window.holds(top * perRow) || !window.holds(bottom * perRow) || nearEdge(top, bottom)) {
                window.centreOn((top + onScreen / 2) * perRow);
            }
            if (flow != null) {
                flow.scrollToTop(top - baseRow());
            }
        } finally {
            moving = false;
        }
        follow(top);
    }

    /** The window's first row, of all the grid's rows. */
    private int baseRow() {
        return window.base() / perRow;
    }

    /** The skin made its flow: the row height is fixed, the window aligned to the rows, the flow followed. */
    private void skinReady() {
        if (grid.lookup(".virtual-flow") instanceof VirtualFlow<?> f && f != flow) {
            flow = f;
            flow.positionProperty().addListener((o, was, now) -> flowMoved());
            flow.heightProperty().addListener((o, was, now) -> updateBar());
        }
        fixRowHeight();
        realign();
        refreshSelection();
    }

    /** Gives the grid's flow the height of a row (a cell and its spacing above and below). */
    private void fixRowHeight() {
        if (flow != null) {
            flow.setFixedCellSize(rowHeight());
        }
    }

    private double rowHeight() {
        return grid.getCellHeight() + 2 * grid.getVerticalCellSpacing();
    }

    /**
     * The grid's width changed: when the samples a row changed with it, the window is aligned to the new rows and the
     * sample that was at the top left stays on screen.
     */
    private void realign() {
        int now = grid.getSkin() instanceof GridViewSkin<?> skin ? skin.computeMaxCellsInRow() : 1;
        if (now == perRow) {
            return;
        }
        int firstRow = firstRowShown();
        int topSample = firstRow < 0 ? 0 : firstRow * perRow;
        moving = true;
        try {
            perRow = now;
            window.alignTo(now, topSample);
        } finally {
            moving = false;
        }
        scrollToRow(topSample / now);
    }

    private void refreshSelection() {
        ensureVisible(model.currentPositionProperty().get());
        eachCell(CurrentAwareCell::markCurrent);
    }

    /** Scrolls the grid so that the row of position {@code pos} is on screen, at the top when it was not. */
    private void ensureVisible(int pos) {
        if (pos < 0 || pos >= window.total() || flow == null || getScene() == null) {
            return;
        }
        int row = pos / perRow;
        int first = firstRowShown();
        int last = lastRowShown();
        if (first < 0 || row <= first || row >= last) {
            scrollToRow(row);
        }
    }

    /**
     * Whether rows {@code first} to {@code last} (of all the grid's rows) come within the margin of an edge of the
     * window beyond which there are more samples: then the window is to move.
     */
    private boolean nearEdge(int first, int last) {
        // the window starts a row, and holds whole rows unless it ends where the samples do
        return window.nearEdge(first * perRow, last * perRow, margin * perRow);
    }

    /** The grid scrolled (wheel, a drag): the bar follows, and near an edge of the window the window moves. */
    private void flowMoved() {
        if (flow == null || window.size() == 0 || moving) {
            return;
        }
        int onScreen = rowsOnScreen();
        int windowRows = (window.size() + perRow - 1) / perRow;
        // the flow's position runs from 0 (first row at the top) to 1 (last row at the bottom); rows have one height
        double offset = flow.getPosition() * Math.max(0, windowRows * rowHeight() - flow.getHeight());
        int top = baseRow() + (int) Math.floor(offset / rowHeight() + 1e-6);
        follow(top);
        if (nearEdge(top, top + onScreen - 1)) {
            bar.moveWindowLater(this::firstRowShown); // see WindowScrollBar
        }
    }

    private void follow(int top) {
        bar.follow(top, rowsOnScreen(), rowCount());
    }

    private void updateBar() {
        bar.update(rowsOnScreen(), rowCount());
    }

    /** How many whole rows the grid shows at its height (at least one). */
    public int rowsOnScreen() {
        double height = flow != null ? flow.getHeight() : grid.getHeight();
        return Math.max(1, (int) (height / rowHeight()));
    }

    /**
     * Does {@code action} to every cell the grid has made and still holds (in its scene), shown or not. Not a lookup
     * of the scene graph: this runs on every J.
     */
    private void eachCell(java.util.function.Consumer<CurrentAwareCell> action) {
        for (CurrentAwareCell cell : List.copyOf(cells)) {
            if (cell.getScene() != null) {
                action.accept(cell);
            }
        }
    }

    /** A thumbnail cell that shows whether it holds the current sample. */
    private static final class CurrentAwareCell extends ThumbnailCell {
        private final MainViewModel model;

        CurrentAwareCell(MainViewModel model) {
            super(model, THUMBNAIL_SIDE);
            this.model = model;
        }

        @Override
        protected void updateItem(Integer g, boolean empty) {
            super.updateItem(g, empty);
            if (!empty) {
                markCurrent(); // an emptied cell is refilled at once (see ThumbnailCell): its state stays until then
            }
        }

        void markCurrent() {
            int pos = model.currentPositionProperty().get();
            Integer g = getItem();
            boolean current = g != null && pos >= 0 && pos < model.visibleSamples().size()
                    && model.visibleSamples().get(pos).equals(g);
            pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("current"), current);
        }
    }
}
