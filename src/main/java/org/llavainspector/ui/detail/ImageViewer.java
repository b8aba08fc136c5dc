package org.llavainspector.ui.detail;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Shows one image fitted to its area, with zoom (Ctrl+wheel, pinch, the toolbar, {@code + - 1 F} keys) and panning
 * by dragging; when there is no picture, a placeholder with an icon and the reason.
 */
public final class ImageViewer extends StackPane {
    static final double MIN_SCALE = 0.02;
    static final double MAX_SCALE = 32;
    static final double ZOOM_STEP = 1.25;
    /** Above this scale pixels are shown as crisp squares, for looking at them one by one. */
    private static final double SMOOTH_UNTIL = 2;
    /** Scroll delta of one wheel notch. */
    private static final double WHEEL_NOTCH = 40;

    private final ObjectProperty<Image> image = new SimpleObjectProperty<>(this, "image");
    private final ObjectProperty<ImageState> state = new SimpleObjectProperty<>(this, "state", ImageState.NONE);
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final StringProperty path = new SimpleStringProperty(this, "path", "");
    private final StringProperty info = new SimpleStringProperty(this, "info", "");
    private final ReadOnlyDoubleWrapper scale = new ReadOnlyDoubleWrapper(this, "scale", 1);
    private final ReadOnlyBooleanWrapper fitting = new ReadOnlyBooleanWrapper(this, "fitting", true);

    private final ImageView view = new ImageView();
    private final Pane canvas = new Pane(view);
    private final FontIcon placeholderIcon = new FontIcon();
    private final ProgressIndicator spinner = new ProgressIndicator();
    /** The state the placeholder shows (its pseudo-class); null before the first. */
    private ImageState shownState;
    private final Label placeholderTitle = new Label();
    private final Label placeholderPath = new Label();
    private final Label placeholderMessage = new Label();
    private final VBox placeholder = new VBox(placeholderIcon, spinner, placeholderTitle, placeholderPath,
            placeholderMessage);
    private final Label warning = new Label();
    private final Label zoomLabel = new Label();
    private final Label infoLabel = new Label();
    private final HBox toolbar;

    private double offsetX;
    private double offsetY;
    private double dragStartX;
    private double dragStartY;
    private double dragOffsetX;
    private double dragOffsetY;

    public ImageViewer() {
        setId("image-viewer");
        getStyleClass().add("image-viewer");
        setFocusTraversable(true);
        setMinSize(0, 0);

        canvas.getStyleClass().add("image-canvas");
        canvas.setMinSize(0, 0);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(canvas.widthProperty());
        clip.heightProperty().bind(canvas.heightProperty());
        canvas.setClip(clip);
        view.setId("image-view");
        view.setManaged(false);
        view.imageProperty().bind(image);

        placeholder.setId("image-placeholder");
        placeholder.getStyleClass().add("image-placeholder");
        placeholder.setAlignment(Pos.CENTER);
        placeholder.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        placeholder.setMouseTransparent(true);
        placeholderIcon.getStyleClass().add("placeholder-icon");
        spinner.getStyleClass().add("placeholder-spinner");
        placeholderTitle.setId("image-placeholder-title");
        placeholderTitle.getStyleClass().add("placeholder-title");
        placeholderPath.setId("image-placeholder-path");
        placeholderPath.getStyleClass().add("placeholder-path");
        placeholderMessage.setId("image-placeholder-message");
        placeholderMessage.getStyleClass().add("placeholder-message");
        placeholderMessage.setWrapText(true);
        placeholderPath.textProperty().bind(path);
        placeholderMessage.textProperty().bind(message);

        warning.setId("image-warning");
        warning.getStyleClass().add("image-warning");
        warning.setGraphic(new FontIcon(Material2MZ.WARNING));
        warning.setWrapText(true);
        StackPane.setAlignment(warning, Pos.TOP_CENTER);

        toolbar = buildToolbar();
        StackPane.setAlignment(toolbar, Pos.BOTTOM_CENTER);

        getChildren().addAll(canvas, placeholder, warning, toolbar);

        image.addListener((obs, old, now) -> {
            fitting.set(true);
            relayout();
            refreshChrome();
        });
        state.addListener((obs, old, now) -> refreshChrome());
        message.addListener((obs, old, now) -> refreshChrome());
        canvas.widthProperty().addListener((obs, old, now) -> relayout());
        canvas.heightProperty().addListener((obs, old, now) -> relayout());
        scale.addListener((obs, old, now) -> zoomLabel.setText(Math.round(now.doubleValue() * 100) + "%"));
        zoomLabel.setText("100%");
        installMouse();
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        refreshChrome();
    }

    private HBox buildToolbar() {
        Button out = toolButton("zoom-out", Material2MZ.ZOOM_OUT, null, "Zoom out (−, Ctrl+wheel)");
        out.setOnAction(e -> zoomOut());
        Button in = toolButton("zoom-in", Material2MZ.ZOOM_IN, null, "Zoom in (+, Ctrl+wheel)");
        in.setOnAction(e -> zoomIn());
        Button actual = toolButton("zoom-actual", null, "1:1", "Actual pixels (1)");
        actual.setOnAction(e -> actualSize());
        Button fit = toolButton("zoom-fit", Material2AL.CROP_FREE, "Fit", "Fit to the area (F)");
        fit.setOnAction(e -> fit());
        zoomLabel.setId("zoom-label");
        zoomLabel.getStyleClass().add("zoom-label");
        infoLabel.setId("image-info");
        infoLabel.getStyleClass().add("image-info");
        infoLabel.textProperty().bind(info);
        infoLabel.managedProperty().bind(infoLabel.textProperty().isNotEmpty());
        infoLabel.visibleProperty().bind(infoLabel.managedProperty());
        HBox bar = new HBox(infoLabel, out, zoomLabel, in, actual, fit);
        bar.setId("image-toolbar");
        bar.getStyleClass().add("image-toolbar");
        bar.setAlignment(Pos.CENTER);
        bar.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        return bar;
    }

    private static Button toolButton(String id, Ikon icon, String text, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add("tool-button");
        if (icon != null) {
            b.setGraphic(new FontIcon(icon));
        }
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false); // keep the keys with the viewer
        return b;
    }

    private void installMouse() {
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            requestFocus();
            dragStartX = e.getX();
            dragStartY = e.getY();
            dragOffsetX = offsetX;
            dragOffsetY = offsetY;
        });
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (image.get() == null || !e.isPrimaryButtonDown()) {
                return;
            }
            canvas.setCursor(Cursor.CLOSED_HAND);
            offsetX = dragOffsetX + e.getX() - dragStartX;
            offsetY = dragOffsetY + e.getY() - dragStartY;
            place();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> canvas.setCursor(null));
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                if (isFitting()) {
                    zoomAt(1 / scale.get(), e.getX(), e.getY());
                } else {
                    fit();
                }
            }
        });
        canvas.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (image.get() == null) {
                return;
            }
            if (e.isControlDown() || e.isShortcutDown()) {
                zoomAt(Math.pow(ZOOM_STEP, e.getDeltaY() / WHEEL_NOTCH), e.getX(), e.getY());
            } else {
                offsetX += e.getDeltaX();
                offsetY += e.getDeltaY();
                place();
            }
            e.consume();
        });
        canvas.setOnZoom(e -> {
            zoomAt(e.getZoomFactor(), e.getX(), e.getY());
            e.consume();
        });
    }

    private void onKey(KeyEvent e) {
        switch (e.getCode()) {
            case PLUS, ADD, EQUALS -> zoomIn();
            case MINUS, SUBTRACT -> zoomOut();
            case DIGIT1, NUMPAD1, DIGIT0, NUMPAD0 -> actualSize();
            case F -> fit();
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** Zooms in one step around the centre of the area. */
    public void zoomIn() {
        zoomAt(ZOOM_STEP, canvas.getWidth() / 2, canvas.getHeight() / 2);
    }

    /** Zooms out one step around the centre of the area. */
    public void zoomOut() {
        zoomAt(1 / ZOOM_STEP, canvas.getWidth() / 2, canvas.getHeight() / 2);
    }

    /** Shows the image at its decoded size, one image pixel per screen pixel, keeping the centre in view. */
    public void actualSize() {
        zoomAt(1 / scale.get(), canvas.getWidth() / 2, canvas.getHeight() / 2);
    }

    /** Fits the whole image into the area, and keeps it fitted when the area is resized. */
    public void fit() {
        fitting.set(true);
        relayout();
    }

    /** Multiplies the scale by {@code factor}, keeping the image point under ({@code x}, {@code y}) in place. */
    private void zoomAt(double factor, double x, double y) {
        Image shown = image.get();
        if (shown == null || !Double.isFinite(factor) || factor <= 0) {
            return;
        }
        double before = scale.get();
        double after = clamp(before * factor, MIN_SCALE, MAX_SCALE);
        offsetX = x - (x - offsetX) * after / before;
        offsetY = y - (y - offsetY) * after / before;
        fitting.set(false);
        scale.set(after);
        place();
    }

    private void relayout() {
        Image shown = image.get();
        if (shown == null) {
            return;
        }
        if (isFitting()) {
            double w = canvas.getWidth();
            double h = canvas.getHeight();
            if (w > 0 && h > 0 && shown.getWidth() > 0 && shown.getHeight() > 0) {
                scale.set(clamp(Math.min(w / shown.getWidth(), h / shown.getHeight()), MIN_SCALE, MAX_SCALE));
            }
        }
        place();
    }

    /** Sizes the image view to the scale and keeps it in the area: centred when smaller, edge to edge when larger. */
    private void place() {
        Image shown = image.get();
        if (shown == null) {
            return;
        }
        double w = shown.getWidth() * scale.get();
        double h = shown.getHeight() * scale.get();
        offsetX = keepInView(offsetX, w, canvas.getWidth());
        offsetY = keepInView(offsetY, h, canvas.getHeight());
        view.setFitWidth(w);
        view.setFitHeight(h);
        view.setSmooth(scale.get() < SMOOTH_UNTIL);
        view.relocate(Math.round(offsetX), Math.round(offsetY));
    }

    private static double keepInView(double offset, double size, double area) {
        if (size <= area) {
            return (area - size) / 2;
        }
        return clamp(offset, area - size, 0);
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    /** Shows the placeholder or the picture, and the warning banner for a damaged picture. */
    private void refreshChrome() {
        ImageState now = state.get() == null ? ImageState.NONE : state.get();
        boolean hasPicture = image.get() != null;
        placeholder.setVisible(!hasPicture);
        toolbar.setVisible(hasPicture);
        warning.setVisible(hasPicture && now.isProblem());
        warning.setText(now.title() + (message.get().isEmpty() ? "" : ": " + message.get()));
        if (now != shownState) {
            if (shownState != null) {
                placeholder.pseudoClassStateChanged(shownState.pseudoClass(), false);
            }
            placeholder.pseudoClassStateChanged(now.pseudoClass(), true);
            shownState = now;
        }
        placeholderTitle.setText(now.title());
        boolean loading = now == ImageState.LOADING;
        spinner.setVisible(loading);
        spinner.setManaged(loading);
        placeholderIcon.setVisible(!loading);
        placeholderIcon.setManaged(!loading);
        placeholderIcon.setIconCode(iconOf(now));
        placeholderMessage.setVisible(!loading && !message.get().isEmpty());
        placeholderMessage.setManaged(placeholderMessage.isVisible());
    }

    private static Ikon iconOf(ImageState state) {
        return switch (state) {
            case TEXT_ONLY -> Material2MZ.TEXT_SNIPPET;
            case MISSING -> Material2AL.IMAGE_NOT_SUPPORTED;
            case CORRUPT, UNREADABLE, WRONG_FORMAT -> Material2AL.BROKEN_IMAGE;
            case FAILED -> Material2AL.ERROR;
            default -> Material2AL.IMAGE;
        };
    }

    /** Shows the selected image of {@code model}, or why there is none. */
    void showImageOf(DetailViewModel model) {
        image.bind(model.imageProperty());
        state.bind(model.imageStateProperty());
        message.bind(model.imageMessageProperty());
        path.bind(model.imagePathProperty());
        info.bind(model.imageInfoProperty());
    }

    /** The picture to show; null shows the placeholder. Setting a new picture fits it. */
    public ObjectProperty<Image> imageProperty() {
        return image;
    }

    /** Chooses the placeholder (and, over a picture, whether a warning banner shows). */
    public ObjectProperty<ImageState> stateProperty() {
        return state;
    }

    /** The reason shown in the placeholder or warning banner. */
    public StringProperty messageProperty() {
        return message;
    }

    /** The dataset path of the image, shown in the placeholder. */
    public StringProperty pathProperty() {
        return path;
    }

    /** A line about the picture (size, format) shown in the toolbar. */
    public StringProperty infoProperty() {
        return info;
    }

    /** Screen pixels per image pixel. */
    public ReadOnlyDoubleProperty scaleProperty() {
        return scale.getReadOnlyProperty();
    }

    public double getScale() {
        return scale.get();
    }

    /** True while the image is kept fitted to the area (until the user zooms). */
    public ReadOnlyBooleanProperty fittingProperty() {
        return fitting.getReadOnlyProperty();
    }

    public boolean isFitting() {
        return fitting.get();
    }
}
