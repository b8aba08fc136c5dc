package org.llavainspector.ui.browse;

import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollBar;

/**
 * The scroll bar beside a browser whose control holds a {@link SampleWindow} of the samples (the list's table, the
 * grid): it stands for all of its rows, and a move of its thumb scrolls the browser there, moving the window as need
 * be. The browser tells it where it is ({@link #follow}); those moves are not taken for the user's.
 */
final class WindowScrollBar {
    private final ScrollBar bar = new ScrollBar();
    /** Scrolls the browser so that this row (of all its rows) is at the top. */
    private final IntConsumer scrollTo;
    /** Set while the bar is moved to follow the browser: the move is not the user's. */
    private boolean following;
    private boolean moveScheduled;

    /** @param scrollTo scrolls the browser so that this row (of all its rows) is at the top */
    WindowScrollBar(String id, IntConsumer scrollTo) {
        this.scrollTo = scrollTo;
        bar.setId(id);
        bar.getStyleClass().add("browse-scroll");
        bar.setOrientation(Orientation.VERTICAL);
        bar.setUnitIncrement(1);
        bar.managedProperty().bind(bar.visibleProperty());
        bar.valueProperty().addListener((obs, old, value) -> {
            if (!following) {
                scrollTo.accept((int) Math.round(value.doubleValue()));
            }
        });
    }

    ScrollBar node() {
        return bar;
    }

    /** Shows row {@code top} at the top, of {@code rows} rows with {@code onScreen} on screen. */
    void follow(int top, int onScreen, int rows) {
        update(onScreen, rows);
        following = true;
        bar.setValue(Math.min(top, bar.getMax()));
        following = false;
    }

    /**
     * The bar's range is the row at the top, 0 to the rows not on screen; its thumb is as long, of its track, as the
     * rows on screen are of all the rows. When they are all on screen there is no bar.
     */
    void update(int onScreen, int rows) {
        int max = Math.max(0, rows - onScreen);
        following = true;
        bar.setMax(max);
        bar.setVisibleAmount(max == 0 ? 1 : Math.max(1e-3, (double) max * onScreen / rows));
        bar.setBlockIncrement(Math.max(1, onScreen - 1));
        bar.setVisible(max > 0);
        following = false;
    }

    /**
     * Scrolls the browser to the row at its top once the current layout is done (the browser's control must not
     * change meanwhile): the rows on screen came near an edge of the window, and scrolling to them moves it. Several
     * calls before then make one move.
     */
    void moveWindowLater(IntSupplier topShown) {
        if (moveScheduled) {
            return;
        }
        moveScheduled = true;
        Platform.runLater(() -> {
            moveScheduled = false;
            int top = topShown.getAsInt();
            if (top >= 0) {
                scrollTo.accept(top);
            }
        });
    }
}
