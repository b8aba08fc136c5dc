package org.llavainspector.ui.browse;

import javafx.application.Platform;
import javafx.scene.layout.StackPane;
import org.llavainspector.ui.main.MainViewModel;

/** The virtualized thumbnail grid over the samples shown; the current sample is highlighted and kept in view. */
public final class GridBrowseView extends StackPane {
    static final double THUMBNAIL_SIDE = 150;

    private final SampleGridView grid;
    private final MainViewModel model;

    public GridBrowseView(MainViewModel model) {
        this.model = model;
        setId("browse-grid");
        grid = new SampleGridView(model.visibleSamples());
        grid.setId("thumbnail-grid");
        grid.setCellWidth(THUMBNAIL_SIDE + 16);
        grid.setCellHeight(THUMBNAIL_SIDE + 36);
        grid.setHorizontalCellSpacing(6);
        grid.setVerticalCellSpacing(6);
        grid.setCellFactory(g -> new CurrentAwareCell(model));
        // every row of the grid has the same height: telling the flow so spares it measuring rows, which with
        // hundreds of thousands of them (and more arriving while a file is indexed) stalls the FX thread
        grid.skinProperty().addListener((obs, old, skin) -> Platform.runLater(this::fixRowHeight));
        grid.cellHeightProperty().addListener((obs, old, h) -> fixRowHeight());
        grid.verticalCellSpacingProperty().addListener((obs, old, h) -> fixRowHeight());
        getChildren().add(grid);
        model.currentPositionProperty().addListener((obs, old, pos) -> Platform.runLater(this::refreshSelection));
        // a curation edit: the cells show the marks and tags again
        model.curation().versionProperty().addListener((obs, old, v) -> eachCell(CurrentAwareCell::refreshBadge));
        // new image sources: the cells ask for their thumbnails again (new cells would each need their skins and CSS
        // made again, in the frame where a file opened with File > Open is being indexed)
        model.imageGenerationProperty().addListener((obs, old, gen) -> eachCell(CurrentAwareCell::reloadThumbnail));
    }

    /** Does {@code action} to every cell the grid has made (all of them {@link CurrentAwareCell}s), shown or not. */
    private void eachCell(java.util.function.Consumer<CurrentAwareCell> action) {
        grid.lookupAll(".thumbnail-cell").forEach(node -> {
            if (node instanceof CurrentAwareCell cell) {
                action.accept(cell);
            }
        });
    }

    /** Gives the grid's flow the height of a row (a cell and its spacing above and below). */
    private void fixRowHeight() {
        if (grid.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow) {
            flow.setFixedCellSize(grid.getCellHeight() + 2 * grid.getVerticalCellSpacing());
        }
    }

    private void refreshSelection() {
        ensureVisible(model.currentPositionProperty().get());
        eachCell(CurrentAwareCell::markCurrent);
    }

    /** Scrolls the grid so that the row of position {@code pos} is visible. */
    private void ensureVisible(int pos) {
        if (pos < 0 || !(grid.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow)) {
            return;
        }
        javafx.scene.control.skin.VirtualFlow<?> flow = (javafx.scene.control.skin.VirtualFlow<?>) grid.lookup(".virtual-flow");
        double cellSpan = grid.getCellWidth() + 2 * grid.getHorizontalCellSpacing();
        int perRow = Math.max(1, (int) Math.floor((flow.getWidth() - 20) / cellSpan));
        int row = pos / perRow;
        javafx.scene.control.IndexedCell<?> first = flow.getFirstVisibleCell();
        javafx.scene.control.IndexedCell<?> last = flow.getLastVisibleCell();
        if (first == null || last == null || row <= first.getIndex() || row >= last.getIndex()) {
            flow.scrollTo(row);
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
