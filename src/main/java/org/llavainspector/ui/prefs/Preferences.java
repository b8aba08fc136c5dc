package org.llavainspector.ui.prefs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.llavainspector.core.dataset.Json;
import org.llavainspector.core.util.AtomicFile;

/**
 * The user's preferences, kept as JSON in the user's config folder ({@code $XDG_CONFIG_HOME/llava-inspector/}
 * or {@code ~/.config/llava-inspector/}), written atomically: theme, thumbnail memory budget and size, default
 * image sources and prefix rules, and whether the first-run hint was shown.
 */
public final class Preferences {
    private static final String FILE = "preferences.json";

    private final Path file;
    private String theme = "light";
    private int thumbnailBudgetMb = 256;
    private int thumbnailSize = 160;
    private List<String> imageSources = new ArrayList<>();
    private List<String> prefixRules = new ArrayList<>();
    private boolean firstRunDone;
    private List<String> recentFiles = new ArrayList<>();

    private Preferences(Path file) {
        this.file = file;
    }

    /** The preferences of this user (defaults when none were saved or the file cannot be read). */
    public static Preferences load() {
        return load(defaultFolder().resolve(FILE));
    }

    /** The preferences in {@code file} (tests, portable use). */
    public static Preferences load(Path file) {
        Preferences p = new Preferences(file);
        if (!Files.isRegularFile(file)) {
            return p;
        }
        try {
            JsonNode json = Json.MAPPER.readTree(file.toFile());
            p.theme = json.path("theme").asText(p.theme);
            p.thumbnailBudgetMb = clamp(json.path("thumbnailBudgetMb").asInt(p.thumbnailBudgetMb), 16, 8192);
            p.thumbnailSize = clamp(json.path("thumbnailSize").asInt(p.thumbnailSize), 64, 512);
            json.path("imageSources").forEach(n -> p.imageSources.add(n.asText()));
            json.path("prefixRules").forEach(n -> p.prefixRules.add(n.asText()));
            p.firstRunDone = json.path("firstRunDone").asBoolean(false);
            json.path("recentFiles").forEach(n -> p.recentFiles.add(n.asText()));
        } catch (IOException | RuntimeException e) {
            // unreadable preferences: start from the defaults rather than refuse to start
        }
        return p;
    }

    static Path defaultFolder() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("llava-inspector");
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** Writes the preferences: a temporary file in the same folder, then moved into place. */
    public synchronized void save() throws IOException {
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("theme", theme);
        json.put("thumbnailBudgetMb", thumbnailBudgetMb);
        json.put("thumbnailSize", thumbnailSize);
        com.fasterxml.jackson.databind.node.ArrayNode sources = json.putArray("imageSources");
        imageSources.forEach(sources::add);
        com.fasterxml.jackson.databind.node.ArrayNode rules = json.putArray("prefixRules");
        prefixRules.forEach(rules::add);
        json.put("firstRunDone", firstRunDone);
        com.fasterxml.jackson.databind.node.ArrayNode recent = json.putArray("recentFiles");
        recentFiles.forEach(recent::add);
        Files.createDirectories(file.getParent());
        AtomicFile.write(file, out -> Json.MAPPER.writerWithDefaultPrettyPrinter()
                .without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, json));
    }

    public Path file() {
        return file;
    }

    /** "light" or "dark". */
    public synchronized String theme() {
        return theme;
    }

    public synchronized void setTheme(String theme) {
        this.theme = "dark".equals(theme) ? "dark" : "light";
    }

    /** Memory budget of the thumbnail cache in MiB (used from the next start). */
    public synchronized int thumbnailBudgetMb() {
        return thumbnailBudgetMb;
    }

    public synchronized void setThumbnailBudgetMb(int mb) {
        this.thumbnailBudgetMb = clamp(mb, 16, 8192);
    }

    /** Longest side of a decoded thumbnail in pixels (used from the next start). */
    public synchronized int thumbnailSize() {
        return thumbnailSize;
    }

    public synchronized void setThumbnailSize(int px) {
        this.thumbnailSize = clamp(px, 64, 512);
    }

    /** Image sources (zips, folders) opened with every dataset. */
    public synchronized List<String> imageSources() {
        return List.copyOf(imageSources);
    }

    public synchronized void setImageSources(List<String> sources) {
        this.imageSources = new ArrayList<>(sources);
    }

    /** {@code PREFIX=SRC} rules applied with every dataset. */
    public synchronized List<String> prefixRules() {
        return List.copyOf(prefixRules);
    }

    public synchronized void setPrefixRules(List<String> rules) {
        this.prefixRules = new ArrayList<>(rules);
    }

    /** Dataset files opened last, most recent first. */
    public synchronized List<String> recentFiles() {
        return List.copyOf(recentFiles);
    }

    public synchronized void setRecentFiles(List<String> files) {
        this.recentFiles = new ArrayList<>(files);
    }

    /** Whether the first-run hint was shown already. */
    public synchronized boolean firstRunDone() {
        return firstRunDone;
    }

    public synchronized void setFirstRunDone(boolean done) {
        this.firstRunDone = done;
    }
}
