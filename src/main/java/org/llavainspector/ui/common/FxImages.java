package org.llavainspector.ui.common;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.llavainspector.core.image.LoadedImage;

/** Wraps the core's decoded pixels as a JavaFX image (cheap: one copy of ARGB ints, no decoding). */
public final class FxImages {
    private FxImages() {
    }

    /** The image, or null when the load failed (the caller shows a placeholder). */
    public static Image toFx(LoadedImage loaded) {
        if (loaded == null || !loaded.hasPixels()) {
            return null;
        }
        WritableImage image = new WritableImage(loaded.width(), loaded.height());
        image.getPixelWriter().setPixels(0, 0, loaded.width(), loaded.height(), PixelFormat.getIntArgbInstance(),
                loaded.argb(), 0, loaded.width());
        return image;
    }
}
