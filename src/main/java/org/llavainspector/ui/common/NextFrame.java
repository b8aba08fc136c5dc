package org.llavainspector.ui.common;

import javafx.animation.AnimationTimer;

/**
 * Runs something on the FX thread at the next frame rather than in the current one: for work that is costly the first
 * time it runs (in a cold JVM, or a new window), so that two such pieces do not fall in one long frame.
 */
public final class NextFrame {
    private NextFrame() {
    }

    /** Call on the FX thread. */
    public static void run(Runnable action) {
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                stop();
                action.run();
            }
        }.start();
    }
}
