package org.llavainspector.ui.detail;

import javafx.scene.Node;
import javafx.scene.control.SplitPane;

/**
 * The image viewer's place in a split pane beside (or above) the conversation: a text-only sample has no image, so
 * the viewer leaves the split and the conversation takes the whole pane; when a sample with an image comes, the
 * viewer is put back with the divider where the user left it.
 */
final class ViewerSlot {
    private final SplitPane split;
    private final Node viewer;
    /** The divider's position while the viewer is in the split (kept while it is out). */
    private double divider;

    /** @param split a split whose first item is {@code viewer} */
    ViewerSlot(SplitPane split, Node viewer, double divider) {
        this.split = split;
        this.viewer = viewer;
        this.divider = divider;
        split.setDividerPositions(divider);
    }

    /** Shows the viewer for a sample with an image ({@code true}), or gives its place away. */
    void show(boolean withImage) {
        boolean shown = split.getItems().contains(viewer);
        if (withImage == shown) {
            return;
        }
        if (withImage) {
            split.getItems().add(0, viewer);
            split.setDividerPositions(divider);
        } else {
            divider = split.getDividerPositions()[0];
            split.getItems().remove(viewer);
        }
    }

    /** Moves the divider (e.g. when the split turns), now or when the viewer is next shown. */
    void setDivider(double position) {
        divider = position;
        if (split.getItems().contains(viewer)) {
            split.setDividerPositions(position);
        }
    }
}
