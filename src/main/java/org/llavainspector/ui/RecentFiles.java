package org.llavainspector.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.llavainspector.ui.prefs.Preferences;

/** The last datasets opened, most recent first, kept in the preferences file. */
public final class RecentFiles {
    private static final int MAX = 10;
    private final Preferences prefs;

    public RecentFiles(Preferences prefs) {
        this.prefs = prefs;
    }

    /** The recent files that still exist. */
    public List<Path> list() {
        List<Path> files = new ArrayList<>();
        for (String p : prefs.recentFiles()) {
            if (Files.exists(Path.of(p))) {
                files.add(Path.of(p));
            }
        }
        return files;
    }

    /** Puts a file first in the list and saves the preferences (a failure to save is not worth an error). */
    public void add(Path file) {
        List<String> files = new ArrayList<>(prefs.recentFiles());
        String abs = file.toAbsolutePath().normalize().toString();
        files.remove(abs);
        files.add(0, abs);
        prefs.setRecentFiles(files.subList(0, Math.min(MAX, files.size())));
        try {
            prefs.save();
        } catch (IOException e) {
            // the recent list is a convenience: the next successful save writes it
        }
    }
}
