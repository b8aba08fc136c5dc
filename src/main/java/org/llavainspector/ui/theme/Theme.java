package org.llavainspector.ui.theme;

import java.util.List;
import javafx.scene.Scene;

/** The light and dark looks: each a stylesheet of named colours over the shared structure of {@code app.css}. */
public enum Theme {
    LIGHT("theme-light.css"),
    DARK("theme-dark.css");

    private static final String BASE = "app.css";
    private final String colours;

    Theme(String colours) {
        this.colours = colours;
    }

    /** Applies this theme to the scene, replacing the other one, keeping extra stylesheets (e.g. a view's own). */
    public void applyTo(Scene scene, List<String> extra) {
        scene.getStylesheets().setAll(url(colours), url(BASE));
        scene.getStylesheets().addAll(extra);
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    private static String url(String name) {
        return Theme.class.getResource("/org/llavainspector/ui/" + name).toExternalForm();
    }
}
