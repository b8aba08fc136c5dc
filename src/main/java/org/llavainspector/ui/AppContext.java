package org.llavainspector.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.llavainspector.core.curation.SessionStore;
import org.llavainspector.ui.prefs.Preferences;

/**
 * The composition root: the executors and services of one app window, built once and handed to view-models by
 * their constructors (no singletons, no service locator).
 */
public final class AppContext implements AutoCloseable {
    private final ExecutorService indexer = Executors.newSingleThreadExecutor(daemon("indexer"));
    private final ExecutorService background = Executors.newFixedThreadPool(2, daemon("background"));
    private final Preferences preferences;
    private final ImageService images;
    private final RecentFiles recentFiles;
    private final SessionStore sessions;
    private final SessionStore appOwnedSessions;

    /** The usual context: sessions beside the datasets (or in the user's data folder when that is read-only). */
    public AppContext() {
        this.sessions = new SessionStore();
        this.appOwnedSessions = SessionStore.inFolder(sessions.fallbackDir());
        this.preferences = Preferences.load();
        this.recentFiles = new RecentFiles(preferences);
        this.images = newImageService();
    }

    /** A context that keeps every curation session in {@code sessionsDir} (tests, portable use). */
    public AppContext(java.nio.file.Path sessionsDir) {
        this.sessions = SessionStore.inFolder(sessionsDir);
        this.appOwnedSessions = sessions;
        this.preferences = Preferences.load(sessionsDir.resolve("preferences.json"));
        this.recentFiles = new RecentFiles(preferences);
        this.images = newImageService();
    }

    private ImageService newImageService() {
        return new ImageService(background, (long) preferences.thumbnailBudgetMb() << 20, preferences.thumbnailSize());
    }

    /** The user's preferences (theme, thumbnail budget and size, default image sources). */
    public Preferences preferences() {
        return preferences;
    }

    /** Where curation sessions are kept. */
    public SessionStore sessions() {
        return sessions;
    }

    /** Where sessions over the app's own files (the bundled demo) are kept: never inside the app. */
    public SessionStore appOwnedSessions() {
        return appOwnedSessions;
    }

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
