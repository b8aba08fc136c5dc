package org.llavainspector.core.image;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipException;

/**
 * The image sources of a dataset, resolved in order, with prefix rules that rewrite dataset paths.
 *
 * <p>A dataset path is resolved by first trying each {@link PrefixRule} whose prefix starts the path (the prefix
 * stripped, the rest looked up in the rule's source), then each plain source with the path as-is. So
 * {@code coco/train2017/x.jpg} resolves against a {@code train2017.zip} under the rule
 * {@code coco/train2017/=train2017.zip}, and against the LLaVA-1.5 data folder as a plain source.
 *
 * <p>Owns its sources: {@link #close()} closes each of them once.
 */
public final class ImageSources implements AutoCloseable {
    /** A rule that maps dataset paths starting with {@code prefix} to the rest of the path inside {@code source}. */
    public record PrefixRule(String prefix, ImageSource source) {
        public PrefixRule {
            prefix = normalisePrefix(prefix);
        }
    }

    /** Where a dataset path was found: the source and the path inside it. */
    public record Resolved(ImageSource source, String path) {
    }

    private static final List<String> IMAGE_EXTENSIONS = List.of("jpg", "jpeg", "png", "gif", "webp", "bmp", "tif",
            "tiff");

    private final List<ImageSource> sources;
    private final List<PrefixRule> rules;

    public ImageSources(List<? extends ImageSource> sources, List<PrefixRule> rules) {
        this.sources = List.copyOf(sources);
        this.rules = List.copyOf(rules);
    }

    /** No sources at all: every path resolves to nothing. */
    public static ImageSources none() {
        return new ImageSources(List.of(), List.of());
    }

    /**
     * Plain sources opened from candidates, the paths of those kept ({@link #key}s) in order, and every source in use
     * (kept or named by a rule) by its path: what the next {@link #open(SourceCandidates, List, Map)} can reuse.
     */
    public record Opened(ImageSources sources, List<Path> kept, Map<Path, ImageSource> inUse) {
    }

    /**
     * Opens the given zips and folders as plain sources and the {@code PREFIX=SRC} rules; a SRC that is also a plain
     * source (same file) is opened once.
     *
     * @throws IOException with a one-line message naming the path when a source cannot be opened
     */
    public static ImageSources open(List<Path> plain, List<String> mapRules) throws IOException {
        return open(SourceCandidates.named(plain), mapRules, Map.of()).sources();
    }

    /**
     * Opens the candidates as plain sources, leaving out those {@link SourceCandidates#keeps} rejects once open, and
     * the {@code PREFIX=SRC} rules; each file is opened once (a zip's directory is read once), a source left out is
     * closed unless a rule uses it. The sources in {@code openAlready} (by {@link #key}) are used as they are, not
     * opened again: reading the directory of a 600K-entry zip takes a few hundred milliseconds and 50 MB. They stay
     * the caller's to close (see {@link #closeExcept}).
     *
     * @throws IOException with a one-line message naming the path when a source cannot be opened
     */
    public static Opened open(SourceCandidates candidates, List<String> mapRules, Map<Path, ImageSource> openAlready)
            throws IOException {
        Map<Path, ImageSource> opened = new LinkedHashMap<>(openAlready);
        Map<Path, ImageSource> kept = new LinkedHashMap<>();
        List<PrefixRule> rules = new ArrayList<>();
        try {
            java.util.Set<Path> decided = new java.util.HashSet<>();
            for (Path p : candidates.paths()) {
                if (decided.add(key(p))) { // a candidate named twice is decided once
                    ImageSource s = openOnce(opened, p);
                    if (candidates.keeps(p, s)) {
                        kept.put(key(p), s);
                    }
                }
            }
            for (String rule : mapRules) {
                int eq = rule.indexOf('=');
                if (eq <= 0 || eq == rule.length() - 1) {
                    throw new IOException("bad image mapping '" + rule + "': expected PREFIX=SOURCE");
                }
                rules.add(new PrefixRule(rule.substring(0, eq), openOnce(opened, Path.of(rule.substring(eq + 1)))));
            }
        } catch (IOException | RuntimeException e) {
            closeAll(opened.values().stream().filter(s -> !openAlready.containsValue(s)).toList());
            throw e;
        }
        Map<Path, ImageSource> inUse = new LinkedHashMap<>();
        opened.forEach((path, source) -> {
            if (kept.containsValue(source) || rules.stream().anyMatch(r -> r.source() == source)) {
                inUse.put(path, source);
            }
        });
        // those left out: nothing will be read from them, so a failure to close one is of no consequence
        closeAll(opened.values().stream().filter(s -> !inUse.containsValue(s) && !openAlready.containsValue(s)).toList());
        return new Opened(new ImageSources(List.copyOf(kept.values()), rules), List.copyOf(kept.keySet()),
                Map.copyOf(inUse));
    }

    /** What tells sources apart: the absolute, normalised path they are opened from. */
    public static Path key(Path path) {
        return path.toAbsolutePath().normalize();
    }

    private static ImageSource openOnce(Map<Path, ImageSource> opened, Path p) throws IOException {
        Path key = key(p);
        ImageSource s = opened.get(key);
        if (s == null) {
            s = openSource(p);
            opened.put(key, s);
        }
        return s;
    }

    /**
     * Opens a zip archive or a folder as an image source.
     *
     * @throws IOException with a one-line message naming the path: missing, not a zip or folder, unreadable
     */
    public static ImageSource openSource(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return new FolderImageSource(path);
        }
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString(), null, "no such file or folder");
        }
        try {
            return ZipImageSource.open(path);
        } catch (ZipException e) {
            throw new IOException(path + ": neither a folder nor a zip archive (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new IOException(path + ": cannot open (" + e.getMessage() + ")", e);
        }
    }

    public List<ImageSource> sources() {
        return sources;
    }

    public List<PrefixRule> rules() {
        return rules;
    }

    /** Finds a dataset path: rules first, in order, then the plain sources with the path as-is. */
    public Optional<Resolved> resolve(String datasetPath) {
        if (datasetPath == null) {
            return Optional.empty();
        }
        String path = normalisePath(datasetPath);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        for (PrefixRule rule : rules) {
            if (path.startsWith(rule.prefix())) {
                String rest = path.substring(rule.prefix().length());
                if (rule.source().contains(rest)) {
                    return Optional.of(new Resolved(rule.source(), rest));
                }
            }
        }
        for (ImageSource s : sources) {
            if (s.contains(path)) {
                return Optional.of(new Resolved(s, path));
            }
        }
        return Optional.empty();
    }

    /** Dataset paths use {@code /}; tolerate {@code \}, a leading {@code ./} and leading slashes. */
    static String normalisePath(String path) {
        String p = path.trim().replace('\\', '/');
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p;
    }

    private static String normalisePrefix(String prefix) {
        String p = normalisePath(prefix);
        return p.isEmpty() || p.endsWith("/") ? p : p + "/";
    }

    /**
     * Image sources worth proposing for a dataset file, best first: {@code images.zip}, the other zips beside it,
     * the dataset's own folder when a sub-folder holds images (the LLaVA-1.5 layout, where paths such as
     * {@code coco/train2017/x.jpg} are relative to it), then each sub-folder that holds images itself. Only those
     * that serve the dataset are kept once open: see {@link SourceCandidates}.
     */
    public static List<Path> proposeSourcesBeside(Path datasetFile) {
        Path dir = datasetFile.toAbsolutePath().normalize().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> zips = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                if (Files.isDirectory(child)) {
                    folders.add(child);
                } else if (name.toLowerCase(Locale.ROOT).endsWith(".zip") && Files.isRegularFile(child)) {
                    zips.add(child);
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        Collections.sort(zips);
        Collections.sort(folders);
        zips.sort((a, b) -> Boolean.compare(!isImagesZip(a), !isImagesZip(b)));

        List<Path> out = new ArrayList<>(zips);
        List<Path> imageFolders = folders.stream().filter(f -> holdsImages(f, 3)).toList();
        if (!imageFolders.isEmpty()) {
            out.add(dir);
        }
        imageFolders.stream().filter(f -> holdsImages(f, 2)).forEach(out::add);
        return out;
    }

    private static boolean isImagesZip(Path p) {
        return p.getFileName().toString().equalsIgnoreCase("images.zip");
    }

    /** True when an image file lies at most {@code depth} levels down (looking at a few entries per folder only). */
    private static boolean holdsImages(Path folder, int depth) {
        if (depth <= 0) {
            return false;
        }
        int seen = 0;
        List<Path> subFolders = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(folder)) {
            for (Path child : children) {
                if (++seen > 200) {
                    break;
                }
                if (Files.isDirectory(child)) {
                    if (subFolders.size() < 5) {
                        subFolders.add(child);
                    }
                } else if (IMAGE_EXTENSIONS.contains(ImageFormat.extensionOf(child.getFileName().toString()))) {
                    return true;
                }
            }
        } catch (IOException e) {
            return false;
        }
        for (Path sub : subFolders) {
            if (holdsImages(sub, depth - 1)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        closeExcept(none());
    }

    /** Closes the sources of these that {@code successor} (opened with them as {@code openAlready}) does not use. */
    public void closeExcept(ImageSources successor) throws IOException {
        List<ImageSource> all = new ArrayList<>(sources);
        for (PrefixRule r : rules) {
            if (!all.contains(r.source())) {
                all.add(r.source());
            }
        }
        all.removeIf(s -> successor.sources.contains(s) || successor.rules.stream().anyMatch(r -> r.source() == s));
        IOException first = closeAll(all);
        if (first != null) {
            throw first;
        }
    }

    private static IOException closeAll(Iterable<ImageSource> all) {
        IOException first = null;
        for (ImageSource s : all) {
            try {
                s.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        return first;
    }
}
