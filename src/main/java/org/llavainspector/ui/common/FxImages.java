package org.llavainspector.ui.common;

import java.awt.image.BufferedImage;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
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

    /** The pixels of a JavaFX image as an ARGB AWT image (no javafx-swing needed), e.g. to write it as PNG. */
    public static BufferedImage toBufferedImage(Image image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage buffered = new BufferedImage(Math.max(1, w), Math.max(1, h), BufferedImage.TYPE_INT_ARGB);
        PixelReader reader = image.getPixelReader();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            reader.getPixels(0, y, w, 1, PixelFormat.getIntArgbInstance(), row, 0, w);
            buffered.setRGB(0, y, w, 1, row, 0, w);
        }
        return buffered;
    }
}
