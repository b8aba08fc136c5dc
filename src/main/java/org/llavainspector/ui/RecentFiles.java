package org.llavainspector.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;

/** The last datasets opened, most recent first, kept in the user's preferences. */
public final class RecentFiles {
    private static final int MAX = 10;
    private static final String KEY = "recent.";
    private final Preferences prefs = Preferences.userRoot().node("org/llavainspector/recent");

    public List<Path> list() {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            String p = prefs.get(KEY + i, null);
            if (p != null && Files.exists(Path.of(p))) {
                files.add(Path.of(p));
            }
        }
        return files;
    }

    public void add(Path file) {
        List<Path> files = list();
        Path abs = file.toAbsolutePath().normalize();
        files.remove(abs);
        files.add(0, abs);
        for (int i = 0; i < MAX; i++) {
            if (i < files.size()) {
                prefs.put(KEY + i, files.get(i).toString());
            } else {
                prefs.remove(KEY + i);
            }
        }
    }
}
