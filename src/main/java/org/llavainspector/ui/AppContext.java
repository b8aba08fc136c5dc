package org.llavainspector.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.llavainspector.core.image.ThumbnailCache;

/**
 * The composition root: the executors and services of one app window, built once and handed to view-models by
 * their constructors (no singletons, no service locator).
 */
public final class AppContext implements AutoCloseable {
    private final ExecutorService indexer = Executors.newSingleThreadExecutor(daemon("indexer"));
    private final ExecutorService background = Executors.newFixedThreadPool(2, daemon("background"));
    private final ImageService images = new ImageService(background, ThumbnailCache.DEFAULT_BUDGET_BYTES);
    private final RecentFiles recentFiles = new RecentFiles();

    /** Indexes dataset files, one after the other. */
    public ExecutorService indexer() {
        return indexer;
    }

    /** Short background jobs: reading a record, a search, a full-size image. */
    public ExecutorService background() {
        return background;
    }

    public ImageService images() {
        return images;
    }

    public RecentFiles recentFiles() {
        return recentFiles;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() throws Exception {
        indexer.shutdownNow();
        background.shutdownNow();
        images.close();
    }
}
