package org.llavainspector.ui.browse;

import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.GridCell;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.llavainspector.core.image.LoadedImage;
import org.llavainspector.ui.main.MainViewModel;

/**
 * One sample in the grid: its thumbnail (or a placeholder saying why there is none) and its id. The nodes are
 * built once; {@link #updateItem} re-points the cell and cancels the thumbnail load of the sample it left.
 */
class ThumbnailCell extends GridCell<Integer> {
    private final MainViewModel model;
    private final ImageView image = new ImageView();
    private final FontIcon placeholder = new FontIcon();
    private final Label caption = new Label();
    /** The mark and tags of a curated sample: made for the first one the cell shows (most samples have none). */
    private Label badge;
    private final StackPane frame = new StackPane(placeholder, image);
    /** The picture (or its placeholder) over the caption: the whole of the cell (see FillSkin). */
    private final VBox box = new VBox(4, frame, caption);
    /**
     * The cell's rounded card, behind the box: a node of its own, cached as an image, since it looks the same whatever
     * sample the cell shows. Drawn as a background and border of the cell, its rounded shapes were made again on
     * every frame of a scroll, which with the software renderer (no GPU) was more than half of the painting.
     */
    private final Region card = new Region();
    /** Why there is no thumbnail, or "loading ...": a tooltip made when the pointer first comes over the cell. */
    private javafx.scene.control.Tooltip why;
    private String reason = "";
    private CompletableFuture<LoadedImage> pending;
    private WritableImage canvas;
    private Integer shown;

    ThumbnailCell(MainViewModel model, double side) {
        this.model = model;
        getStyleClass().add("thumbnail-cell");
        frame.getStyleClass().add("thumbnail-frame");
        placeholder.getStyleClass().add("thumbnail-placeholder");
        caption.getStyleClass().add("thumbnail-caption");
        image.setFitWidth(side);
        image.setFitHeight(side);
        image.setPreserveRatio(true);
        frame.setPrefSize(side, side);
        frame.setMinSize(side, side);
        box.setAlignment(Pos.CENTER);
        caption.setMaxWidth(side);
        box.setManaged(false); // see FillSkin
        card.getStyleClass().add("thumbnail-card");
        card.setManaged(false);
        card.setCache(true);
        frame.setOnMouseEntered(e -> {
            if (why == null) {
                why = new javafx.scene.control.Tooltip(reason);
                javafx.scene.control.Tooltip.install(frame, why);
            }
        });
        setOnMouseClicked(e -> {
            Integer g = getItem();
            if (g != null) {
                model.currentPositionProperty().set(model.visibleSamples().indexOf(g));
            }
        });
    }

    @Override
    protected void updateItem(Integer g, boolean empty) {
        super.updateItem(g, empty);
        // ControlsFX's grid empties and refills its cells every time the flow lays out its rows (updateIndex(-1),
        // then the index again), and only a new sample counts: an emptied cell hides its nodes and keeps what it
        // showed. It does not ask for a layout, which would make the flow apply CSS to the whole row again each time
        // (every 100 ms while a file is indexed).
        if (empty || g == null) {
            box.setVisible(false);
            return;
        }
        if (!box.isVisible()) {
            box.setVisible(true);
        }
        if (g.equals(shown)) {
            return;
        }
        refreshBadge();
        shown = g;
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
        image.setImage(null);
        String id = model.idOf(g);
        caption.setText(id == null ? "#" + g : id);
        String path = model.firstImage(g);
        if (path == null) {
            showPlaceholder(Material2MZ.NOTES, "text-only sample");
            return;
        }
        showPlaceholder(Material2AL.IMAGE, "loading " + path);
        request(path);
    }

    /**
     * Asks again for the thumbnail of the sample shown, from the image sources there are now (they changed); the cell
     * keeps what it shows until the answer comes. Every cell that holds a sample asks, shown or not: a row the flow
     * hides for a moment is shown again without its cells being told.
     */
    void reloadThumbnail() {
        String path = shown == null || isEmpty() ? null : model.firstImage(shown);
        if (path != null) {
            request(path);
        }
    }

    private void request(String path) {
        if (pending != null) {
            pending.cancel(false);
        }
        CompletableFuture<LoadedImage> load = model.context().images().thumbnail(path);
        pending = load;
        load.thenAccept(loaded -> Platform.runLater(() -> {
            if (pending == load) {
                show(loaded);
            }
        }));
    }

    @Override
    protected javafx.scene.control.Skin<?> createDefaultSkin() {
        return new FillSkin(this);
    }

    /**
     * The cell's skin: its content fills it, laid out here. The content is unmanaged, which makes it a layout root: a
     * new caption or picture then asks for no layout of the grid's row. A row that needs one has the flow work out
     * the CSS of the whole row again each time it is given a new index (VirtualFlow.setCellIndex), which made the
     * JavaFX CSS code the hottest the JIT compiled in the first seconds of a scroll.
     */
    private static final class FillSkin extends javafx.scene.control.SkinBase<ThumbnailCell> {
        FillSkin(ThumbnailCell cell) {
            super(cell);
            getChildren().setAll(cell.card, cell.box);
        }

        @Override
        protected void layoutChildren(double x, double y, double w, double h) {
            ThumbnailCell cell = getSkinnable();
            cell.card.resizeRelocate(0, 0, cell.getWidth(), cell.getHeight());
            cell.box.resizeRelocate(x, y, w, h);
        }
    }

    @Override
    protected void layoutChildren() {
        if (isEmpty() && shown != null) { // still empty when laid out: the thumbnail being loaded is not wanted
            shown = null;
            if (pending != null) {
                pending.cancel(false);
                pending = null;
            }
        }
        super.layoutChildren();
    }

    /** Shows the sample's mark and tags (curation), re-read after every edit. */
    void refreshBadge() {
        Integer g = getItem();
        org.llavainspector.core.curation.SampleState state = g == null ? null : model.curation().stateOf(g);
        getStyleClass().removeAll("marked-keep", "marked-reject", "marked-flag");
        if (state == null || state.mark() == null && state.tags().isEmpty() && !state.isEdited()) {
            if (badge != null) {
                badge.setVisible(false);
            }
            return;
        }
        if (badge == null) {
            badge = new Label();
            badge.getStyleClass().add("mark-badge");
            StackPane.setAlignment(badge, Pos.TOP_RIGHT);
            frame.getChildren().add(badge);
        }
        if (state.mark() != null) {
            getStyleClass().add("marked-" + state.mark().label());
        }
        badge.setText(org.llavainspector.ui.curation.CurationViewModel.label(state));
        badge.setVisible(true);
    }

    private void show(LoadedImage loaded) {
        if (loaded.hasPixels()) {
            int w = loaded.width();
            int h = loaded.height();
            // each cell draws its thumbnails into one image of its own: scrolling through thousands of samples then
            // allocates no image (nor, with the software renderer, a texture) per thumbnail shown
            if (canvas == null || canvas.getWidth() < w || canvas.getHeight() < h) {
                canvas = new WritableImage(Math.max(w, (int) (canvas == null ? 0 : canvas.getWidth())),
                        Math.max(h, (int) (canvas == null ? 0 : canvas.getHeight())));
            }
            canvas.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), loaded.argb(), 0, w);
            image.setViewport(new Rectangle2D(0, 0, w, h));
            image.setImage(canvas);
            placeholder.setVisible(false);
        } else {
            showPlaceholder(Material2AL.BROKEN_IMAGE, loaded.status() + ": " + loaded.message());
            placeholder.getStyleClass().add("thumbnail-broken");
        }
    }

    /** The icon is given as a constant: a literal such as "mdal-image" is looked up by a scan of the whole pack. */
    private void showPlaceholder(Ikon icon, String reason) {
        placeholder.getStyleClass().remove("thumbnail-broken");
        if (placeholder.getIconCode() != icon) {
            placeholder.setIconCode(icon);
        }
        placeholder.setVisible(true);
        frame.setAccessibleText(reason);
        this.reason = reason;
        if (why != null) {
            why.setText(reason);
        }
    }
}
