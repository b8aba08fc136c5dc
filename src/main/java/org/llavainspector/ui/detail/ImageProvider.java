package org.llavainspector.ui.detail;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.llavainspector.core.image.ImageLoader;
import org.llavainspector.core.image.LoadedImage;

/**
 * Loads one dataset image at full (capped) size off the FX thread, for the detail pane.
 *
 * <p>A bad image is a {@link LoadedImage#failure} value, not an exception; an exceptionally completed future means
 * the load itself broke. The pane cancels a future whose result it no longer wants (the user moved on), so an
 * implementation may skip or stop that work.
 */
@FunctionalInterface
public interface ImageProvider {
    /** Starts loading {@code datasetPath} (as written in the dataset) and returns at once. */
    CompletableFuture<LoadedImage> full(String datasetPath);

    /**
     * A provider over the core loader: each request runs {@link ImageLoader#full} on {@code executor}, unless it
     * was cancelled before its turn came (quick browsing queues many requests nobody waits for any more).
     */
    static ImageProvider over(ImageLoader loader, Executor executor) {
        return path -> {
            CompletableFuture<LoadedImage> result = new CompletableFuture<>();
            executor.execute(() -> {
                if (result.isDone()) {
                    return;
                }
                try {
                    result.complete(loader.full(path));
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
            return result;
        };
    }
}
