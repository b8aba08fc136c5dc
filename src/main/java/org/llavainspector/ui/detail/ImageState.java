package org.llavainspector.ui.detail;

import java.util.Locale;
import org.llavainspector.core.image.ImageStatus;

/** What the image area of the detail pane shows: nothing yet, a picture, or why there is none. */
public enum ImageState {
    /** No sample is shown. */
    NONE("No sample selected"),
    /** The sample has no image at all. */
    TEXT_ONLY("Text-only sample"),
    LOADING("Loading image…"),
    OK("Image"),
    /** Decoded, but the bytes are another format than the extension says. */
    WRONG_FORMAT("Wrong image format"),
    CORRUPT("Corrupt image"),
    UNREADABLE("Unreadable image"),
    MISSING("Image missing"),
    /** The load itself failed (not the image): an error in the loader or its executor. */
    FAILED("Could not load the image");

    private final String title;

    ImageState(String title) {
        this.title = title;
    }

    /** A short heading for the placeholder or warning banner. */
    public String title() {
        return title;
    }

    /** True for the states that say something is wrong with the image or its loading. */
    public boolean isProblem() {
        return ordinal() > OK.ordinal();
    }

    /**
     * The kebab-case CSS pseudo-class of this state, e.g. {@code state-text-only} (a pseudo-class, not a style class:
     * a style class changed on every J made the placeholder's CSS, a spinner's among it, be worked out again).
     */
    public javafx.css.PseudoClass pseudoClass() {
        return javafx.css.PseudoClass.getPseudoClass("state-" + name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** The state for a loader outcome. */
    public static ImageState of(ImageStatus status) {
        return switch (status) {
            case OK -> OK;
            case WRONG_FORMAT -> WRONG_FORMAT;
            case CORRUPT -> CORRUPT;
            case UNREADABLE -> UNREADABLE;
            case MISSING -> MISSING;
        };
    }
}
