package org.llavainspector.ui.detail;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Presentation mode for teaching: one sample at a time in large type, the image on one side and the conversation
 * on the other, with Previous / Random / Next buttons (and ← → or K J, R keys) and Escape to leave. The buttons only call
 * the {@link Navigator}; the main window decides which sample comes next and shows it through the view-model.
 */
public final class PresentationView extends BorderPane {
    /** What the presentation asks the main window to do. */
    public interface Navigator {
        void previous();

        void next();

        void random();

        /** Leave the presentation (close its full-screen stage). */
        void exit();
    }

    private final Label title = new Label();
    private final Label subtitle = new Label();
    private final StringProperty position = new SimpleStringProperty(this, "position", "");
    private final ImageViewer viewer = new ImageViewer();
    private final ConversationView conversation = new ConversationView();
    private final ViewerSlot viewerSlot;
    /** Held here and registered weakly, so that a view-model outliving this view does not keep it alive. */
    private final ChangeListener<SampleDetail> onSample = (obs, old, now) -> showSample(now);

    public PresentationView(DetailViewModel model, Navigator navigator) {
        setId("presentation-view");
        getStyleClass().addAll("detail-view", "presentation");
        getStylesheets().addAll(DetailView.class.getResource("detail.css").toExternalForm(),
                PresentationView.class.getResource("presentation.css").toExternalForm());

        title.setId("present-title");
        title.getStyleClass().add("present-title");
        subtitle.setId("present-subtitle");
        subtitle.getStyleClass().add("present-subtitle");
        Button exit = button("present-exit", "Exit", Material2AL.FULLSCREEN_EXIT, "Leave the presentation (Esc)");
        exit.setOnAction(e -> navigator.exit());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(new VBox(title, subtitle), gap, exit);
        header.getStyleClass().add("present-header");
        header.setAlignment(Pos.CENTER_LEFT);
        setTop(header);

        SplitPane split = new SplitPane(viewer, conversation);
        split.setId("present-split");
        split.getStyleClass().add("present-split");
        viewerSlot = new ViewerSlot(split, viewer, 0.55); // a text-only sample's conversation takes the whole width
        setCenter(split);

        Button previous = button("present-prev", "Previous", Material2AL.CHEVRON_LEFT, "Previous sample (←)");
        previous.setOnAction(e -> navigator.previous());
        Button random = button("present-random", "Random sample", Material2MZ.SHUFFLE, "A random sample (R)");
        random.setOnAction(e -> navigator.random());
        Button next = button("present-next", "Next", Material2AL.CHEVRON_RIGHT, "Next sample (→)");
        next.setOnAction(e -> navigator.next());
        next.setContentDisplay(ContentDisplay.RIGHT);
        Label where = new Label();
        where.setId("present-position");
        where.getStyleClass().add("present-position");
        where.textProperty().bind(position);
        Label keys = new Label("← →  ·  K J  ·  R  ·  Esc");
        keys.getStyleClass().add("present-keys");
        Region left = new Region();
        Region right = new Region();
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox bar = new HBox(where, left, previous, random, next, right, keys);
        bar.getStyleClass().add("present-bar");
        bar.setAlignment(Pos.CENTER);
        setBottom(bar);

        viewer.showImageOf(model);
        conversation.showConversationOf(model);
        model.sampleProperty().addListener(new WeakChangeListener<>(onSample));
        showSample(model.getSample());

        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case ESCAPE -> navigator.exit();
                case LEFT, PAGE_UP, K -> navigator.previous(); // K and J as in the main window
                case RIGHT, PAGE_DOWN, J -> navigator.next();
                case R -> navigator.random();
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }

    private static Button button(String id, String text, Ikon icon, String tip) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().add("present-button");
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    private void showSample(SampleDetail detail) {
        title.setText(detail == null ? "No sample" : DetailViewModel.idOf(detail));
        subtitle.setText(detail == null ? "" : subtitleOf(detail));
        viewerSlot.show(detail == null || !detail.images().isEmpty());
    }

    private static String subtitleOf(SampleDetail detail) {
        String images = detail.images().isEmpty() ? "text-only" : String.join(", ", detail.images());
        return DetailViewModel.sourceLine(detail) + " · " + images;
    }

    /** A line such as {@code 12 / 30} shown beside the buttons; the main window sets it. */
    public StringProperty positionProperty() {
        return position;
    }

    /** The image viewer (e.g. to give it the focus for its zoom keys). */
    public ImageViewer getImageViewer() {
        return viewer;
    }
}
