package org.llavainspector.ui.prompts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import org.llavainspector.core.prompts.PromptBox;

/**
 * Draws normalized boxes as labelled rectangles over an image, or over a neutral 4:3 placeholder when there is no
 * image. Rectangles are nodes, so all colours come from the stylesheet.
 */
public final class PromptBoxPane extends Pane {
    private static final double PLACEHOLDER_ASPECT = 4.0 / 3.0;

    private final Region placeholder = new Region();
    private final ImageView imageView = new ImageView();
    private final List<PromptBox> boxes = new ArrayList<>();
    private final List<Region> rects = new ArrayList<>();
    private final List<Label> labels = new ArrayList<>();
    private int highlighted = -1;

    public PromptBoxPane() {
        setId("prompt-box-canvas");
        getStyleClass().add("prompt-box-canvas");
        placeholder.getStyleClass().add("prompt-placeholder");
        placeholder.setManaged(false);
        imageView.setManaged(false);
        imageView.setPreserveRatio(false);
        imageView.setSmooth(true);
        setMinSize(120, 90);
        setPrefSize(400, 300);
        getChildren().addAll(placeholder, imageView);
        show(List.of(), null);
    }

    /** Replaces the drawing: the boxes over {@code image}, or over the placeholder when it is null. */
    public void show(List<PromptBox> newBoxes, Image image) {
        getChildren().removeAll(rects);
        getChildren().removeAll(labels);
        rects.clear();
        labels.clear();
        boxes.clear();
        highlighted = -1;
        boxes.addAll(newBoxes);
        boolean hasImage = image != null && !image.isError() && image.getWidth() > 0 && image.getHeight() > 0;
        imageView.setImage(hasImage ? image : null);
        imageView.setVisible(hasImage);
        placeholder.setVisible(!hasImage);
        for (int i = 0; i < boxes.size(); i++) {
            PromptBox b = boxes.get(i);
            Region r = new Region();
            r.getStyleClass().addAll("prompt-box-rect", "prompt-box-" + (i % 6));
            r.setManaged(false);
            r.setMouseTransparent(true);
            Label l = new Label(b.label());
            l.getStyleClass().addAll("prompt-box-label", "prompt-box-" + (i % 6));
            l.setManaged(false);
            l.setMouseTransparent(true);
            rects.add(r);
            labels.add(l);
        }
        getChildren().addAll(rects);
        getChildren().addAll(labels);
        requestLayout();
    }

    /** The boxes currently drawn, in file order. */
    public List<PromptBox> drawnBoxes() {
        return Collections.unmodifiableList(boxes);
    }

    public int drawnBoxCount() {
        return rects.size();
    }

    /** The drawn rectangles in scene-independent pane coordinates (for tests and hit-testing). */
    public List<Rectangle2D> drawnRectangles() {
        List<Rectangle2D> out = new ArrayList<>();
        for (Region r : rects) {
            out.add(new Rectangle2D(r.getLayoutX(), r.getLayoutY(), r.getWidth(), r.getHeight()));
        }
        return out;
    }

    public boolean showsImage() {
        return imageView.isVisible();
    }

    /** Emphasises one box (e.g. the table's selection); -1 for none. */
    public void highlight(int index) {
        if (highlighted >= 0 && highlighted < rects.size()) {
            rects.get(highlighted).getStyleClass().remove("highlighted");
            labels.get(highlighted).getStyleClass().remove("highlighted");
        }
        highlighted = index;
        if (index >= 0 && index < rects.size()) {
            rects.get(index).getStyleClass().add("highlighted");
            labels.get(index).getStyleClass().add("highlighted");
            rects.get(index).toFront();
            labels.get(index).toFront();
        }
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        if (w <= 0 || h <= 0) {
            return;
        }
        Image img = imageView.isVisible() ? imageView.getImage() : null;
        double aspect = img != null ? img.getWidth() / img.getHeight() : PLACEHOLDER_ASPECT;
        double fw = Math.min(w, h * aspect);
        double fh = fw / aspect;
        double ox = snappedLeftInset() + (w - fw) / 2;
        double oy = snappedTopInset() + (h - fh) / 2;
        placeholder.resizeRelocate(ox, oy, fw, fh);
        imageView.setX(0);
        imageView.setY(0);
        imageView.setLayoutX(ox);
        imageView.setLayoutY(oy);
        imageView.setFitWidth(fw);
        imageView.setFitHeight(fh);
        for (int i = 0; i < rects.size(); i++) {
            PromptBox b = boxes.get(i);
            double x1 = clamp(Math.min(b.x1(), b.x2()));
            double x2 = clamp(Math.max(b.x1(), b.x2()));
            double y1 = clamp(Math.min(b.y1(), b.y2()));
            double y2 = clamp(Math.max(b.y1(), b.y2()));
            double rx = ox + x1 * fw;
            double ry = oy + y1 * fh;
            rects.get(i).resizeRelocate(rx, ry, Math.max(1, (x2 - x1) * fw), Math.max(1, (y2 - y1) * fh));
            Label l = labels.get(i);
            double lw = Math.min(l.prefWidth(-1), fw);
            double lh = l.prefHeight(lw);
            double lx = Math.min(rx, ox + fw - lw);
            double ly = ry - lh >= oy ? ry - lh : ry;
            l.resizeRelocate(lx, ly, lw, lh);
        }
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
