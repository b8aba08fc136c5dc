package org.llavainspector.core.curation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.llavainspector.core.image.ImageSources;
import org.llavainspector.core.util.TaskMonitor;

/**
 * A rule that rewrites {@code image} paths: add, strip or replace a prefix, change the extension, or a regular
 * expression with groups (Java syntax, {@code $1} in the replacement). A list-valued {@code image} is rewritten
 * element by element. {@link #preview} shows what it would do; {@link #edit} makes it one undoable step.
 */
public final class ImagePathRewrite {
    /** The kinds of rewrite. */
    public enum Kind { ADD_PREFIX, STRIP_PREFIX, REPLACE_PREFIX, EXTENSION, REGEX }

    private final Kind kind;
    private final String first;
    private final String second;
    private final Pattern pattern;

    private ImagePathRewrite(Kind kind, String first, String second, Pattern pattern) {
        this.kind = kind;
        this.first = first;
        this.second = second;
        this.pattern = pattern;
    }

    /** Puts {@code prefix} in front of every path that does not already start with it. */
    public static ImagePathRewrite addPrefix(String prefix) {
        return new ImagePathRewrite(Kind.ADD_PREFIX, nonEmpty(prefix, "prefix"), null, null);
    }

    /** Removes {@code prefix} from the paths that start with it. */
    public static ImagePathRewrite stripPrefix(String prefix) {
        return new ImagePathRewrite(Kind.STRIP_PREFIX, nonEmpty(prefix, "prefix"), null, null);
    }

    /** Replaces {@code prefix} by {@code replacement} in the paths that start with it. */
    public static ImagePathRewrite replacePrefix(String prefix, String replacement) {
        return new ImagePathRewrite(Kind.REPLACE_PREFIX, nonEmpty(prefix, "prefix"),
                Objects.requireNonNull(replacement, "replacement"), null);
    }

    /**
     * Gives every path the extension {@code extension} ({@code png} or {@code .png}) in place of the one its file
     * name has (or in addition, when it has none); an empty extension removes it.
     */
    public static ImagePathRewrite extension(String extension) {
        String e = Objects.requireNonNull(extension, "extension").strip();
        if (e.startsWith(".")) {
            e = e.substring(1);
        }
        if (e.contains("/") || e.contains("\\") || e.contains(".")) {
            throw new IllegalArgumentException("bad extension '" + extension + "': expected e.g. jpg or .jpg");
        }
        return new ImagePathRewrite(Kind.EXTENSION, e, null, null);
    }

    /**
     * Replaces every match of {@code regex} by {@code replacement} ({@code $1}, {@code ${name}} refer to groups,
     * {@code \$} is a dollar).
     *
     * @throws IllegalArgumentException for a bad expression or a replacement naming a group the expression lacks
     */
    public static ImagePathRewrite regex(String regex, String replacement) {
        Pattern p = Pattern.compile(nonEmpty(regex, "regular expression"));
        checkReplacement(p, Objects.requireNonNull(replacement, "replacement"));
        return new ImagePathRewrite(Kind.REGEX, regex, replacement, p);
    }

    private static String nonEmpty(String s, String what) {
        if (s == null || s.isEmpty()) {
            throw new IllegalArgumentException("empty " + what);
        }
        return s;
    }

    /** Rejects group references the pattern cannot fill, before any path is rewritten (Matcher would throw late). */
    private static void checkReplacement(Pattern p, String replacement) {
        int groups = p.matcher("").groupCount();
        for (int i = 0; i < replacement.length(); i++) {
            char c = replacement.charAt(i);
            if (c == '\\') {
                if (++i == replacement.length()) {
                    throw new IllegalArgumentException("the replacement ends with a lone \\");
                }
            } else if (c == '$') {
                if (++i == replacement.length()) {
                    throw new IllegalArgumentException("the replacement ends with a lone $ (write \\$ for a dollar)");
                }
                if (replacement.charAt(i) == '{') {
                    int close = replacement.indexOf('}', i);
                    if (close < 0) {
                        throw new IllegalArgumentException("the replacement has an unclosed ${");
                    }
                    String name = replacement.substring(i + 1, close);
                    if (!p.pattern().contains("(?<" + name + ">")) {
                        throw new IllegalArgumentException("the replacement refers to group '" + name
                                + "', which the expression does not have");
                    }
                    i = close;
                } else if (Character.isDigit(replacement.charAt(i))) {
                    int g = replacement.charAt(i) - '0';
                    if (g > groups) {
                        throw new IllegalArgumentException("the replacement refers to group " + g
                                + ", but the expression has " + groups + (groups == 1 ? " group" : " groups"));
                    }
                } else {
                    throw new IllegalArgumentException("the replacement has a $ not followed by a group "
                            + "(write \\$ for a dollar)");
                }
            }
        }
    }

    public Kind kind() {
        return kind;
    }

    /** The rewritten path (the same string when the rule does not apply to it). */
    public String apply(String path) {
        switch (kind) {
            case ADD_PREFIX:
                return path.startsWith(first) ? path : first + path;
            case STRIP_PREFIX:
                return path.startsWith(first) ? path.substring(first.length()) : path;
            case REPLACE_PREFIX:
                return path.startsWith(first) ? second + path.substring(first.length()) : path;
            case EXTENSION:
                return withExtension(path);
            case REGEX:
                Matcher m = pattern.matcher(path);
                return m.find() ? m.replaceAll(second) : path;
            default:
                throw new IllegalStateException(kind.name());
        }
    }

    private String withExtension(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        int dot = path.lastIndexOf('.');
        String stem = dot > slash + 1 ? path.substring(0, dot) : path;
        return first.isEmpty() ? stem : stem + "." + first;
    }

    /** Every path rewritten, in order (the same list when none changes). */
    public List<String> apply(List<String> paths) {
        List<String> out = null;
        for (int i = 0; i < paths.size(); i++) {
            String p = paths.get(i);
            String q = apply(p);
            if (!q.equals(p) && out == null) {
                out = new ArrayList<>(paths);
            }
            if (out != null) {
                out.set(i, q);
            }
        }
        return out == null ? paths : List.copyOf(out);
    }

    /** One line for menus and reports, e.g. {@code add prefix 'coco/train2017/'}. */
    public String describe() {
        switch (kind) {
            case ADD_PREFIX:
                return "add prefix '" + first + "'";
            case STRIP_PREFIX:
                return "strip prefix '" + first + "'";
            case REPLACE_PREFIX:
                return "replace prefix '" + first + "' by '" + second + "'";
            case EXTENSION:
                return first.isEmpty() ? "remove the extension" : "change the extension to ." + first;
            case REGEX:
                return "replace /" + first + "/ by '" + second + "'";
            default:
                throw new IllegalStateException(kind.name());
        }
    }

    @Override
    public String toString() {
        return describe();
    }

    /** One row of the preview table: a sample whose paths change. */
    public record Row(SampleKey key, String id, List<String> before, List<String> after) {
    }

    /**
     * What the rewrite would do to the targets: how many samples and paths change, some rows to show, and how many
     * of the targets' image paths resolve in the image sources before and after (-1 when no sources are given).
     */
    public record Preview(List<Row> rows, int samples, int changedSamples, int images, int changedImages,
            int resolvedBefore, int resolvedAfter) {
    }

    /**
     * Works out the effect on {@code targets} (their current images: edited ones, else the source's) without
     * changing anything; {@code rows} rows are picked evenly from the changed samples.
     *
     * @param sources the open image sources, or null to skip the resolve counts
     */
    public Preview preview(Session session, Collection<SampleKey> targets, ImageSources sources, int rows,
            TaskMonitor monitor) {
        List<SampleKey> changed = new ArrayList<>();
        int images = 0;
        int changedImages = 0;
        int resolvedBefore = 0;
        int resolvedAfter = 0;
        int done = 0;
        for (SampleKey key : targets) {
            if ((done++ & 1023) == 0) {
                monitor.checkCancelled();
                monitor.progress(done, targets.size());
            }
            List<String> before = session.images(key);
            List<String> after = apply(before);
            images += before.size();
            for (int i = 0; i < before.size(); i++) {
                boolean differs = !before.get(i).equals(after.get(i));
                if (differs) {
                    changedImages++;
                }
                if (sources != null) {
                    boolean was = sources.resolve(before.get(i)).isPresent();
                    resolvedBefore += was ? 1 : 0;
                    resolvedAfter += !differs ? (was ? 1 : 0) : (sources.resolve(after.get(i)).isPresent() ? 1 : 0);
                }
            }
            if (after != before) {
                changed.add(key);
            }
        }
        monitor.progress(targets.size(), targets.size());
        List<Row> shown = new ArrayList<>();
        int n = Math.min(rows, changed.size());
        for (int k = 0; k < n; k++) {
            SampleKey key = changed.get((int) ((long) k * changed.size() / n));
            List<String> before = session.images(key);
            shown.add(new Row(key, session.records().id(key), before, apply(before)));
        }
        return new Preview(List.copyOf(shown), targets.size(), changed.size(), images, changedImages,
                sources == null ? -1 : resolvedBefore, sources == null ? -1 : resolvedAfter);
    }

    /** The rewrite of the targets' current images as one undoable edit. */
    public Edit edit(Session session, Collection<SampleKey> targets) {
        String label = String.format(Locale.ROOT, "Rewrite image paths (%s): %,d samples", describe(), targets.size());
        return Edit.of(session, label, targets, (key, state) -> {
            List<String> current = state.image() != null ? state.image() : session.records().images(key);
            List<String> next = apply(current);
            if (next == current) {
                return state;
            }
            return state.withImage(next.equals(session.records().images(key)) ? null : next);
        });
    }
}
