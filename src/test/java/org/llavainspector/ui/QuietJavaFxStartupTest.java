package org.llavainspector.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** JavaFX's start-up warning goes through System.getLogger("javafx"): that is the logger held back, then restored. */
class QuietJavaFxStartupTest {
    @AfterEach
    void restore() {
        InspectorApp.quietJavaFxStartup(false);
    }

    @Test
    void javaFxWarningsAreHeldBackWhileTheToolkitStartsAndShownAgainAfter() {
        System.Logger javafx = System.getLogger("javafx");
        InspectorApp.quietJavaFxStartup(true);
        System.gc(); // the level must survive a collection (java.util.logging holds loggers weakly)
        assertFalse(javafx.isLoggable(System.Logger.Level.WARNING), "the start-up warning is held back");
        assertTrue(javafx.isLoggable(System.Logger.Level.ERROR), "errors still show");
        assertFalse(System.getLogger("javafx.css").isLoggable(System.Logger.Level.WARNING));

        InspectorApp.quietJavaFxStartup(false);
        assertTrue(javafx.isLoggable(System.Logger.Level.WARNING), "after start, JavaFX's warnings show again");
        assertTrue(System.getLogger("javafx.css").isLoggable(System.Logger.Level.WARNING));
    }
}
