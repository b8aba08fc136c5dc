package org.llavainspector.core.curation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.llavainspector.core.image.ImageSource;
import org.llavainspector.core.image.ImageSources;
import org.llavainspector.core.util.TaskMonitor;

/**
 * Completion for an {@code image} path being typed: every dataset path the open image sources can resolve (an entry
 * of a plain source as it is, an entry of a prefix rule's source behind the rule's prefix), sorted, so that a prefix
 * is found by binary search. Listing the entries reads a zip's directory or walks a folder: build it in the
 * background; the finished object is immutable and thread-safe.
 */
public final class ImagePathCompletion {
    private final String[] paths;

    private ImagePathCompletion(String[] paths) {
        this.paths = paths;
    }

    /** Lists every path the sources resolve. */
    public static ImagePathCompletion of(ImageSources sources, TaskMonitor monitor) throws IOException {
        Set<String> all = new LinkedHashSet<>();
        for (ImageSources.PrefixRule rule : sources.rules()) {
            monitor.checkCancelled();
            for (ImageSource.Entry e : rule.source().entries()) {
                all.add(rule.prefix() + e.path());
            }
        }
        for (ImageSource s : sources.sources()) {
            monitor.checkCancelled();
            for (ImageSource.Entry e : s.entries()) {
                all.add(e.path());
            }
        }
        String[] sorted = all.toArray(new String[0]);
        Arrays.sort(sorted);
        return new ImagePathCompletion(sorted);
    }

    /** Number of known paths. */
    public int size() {
        return paths.length;
    }

    /**
     * Up to {@code limit} paths for what was typed: those that start with it, in order; then, if there is room,
     * those whose file name starts with the last part of it (typing {@code 000000033471} finds
     * {@code coco/train2017/000000033471.jpg}).
     */
    public List<String> complete(String typed, int limit) {
        String t = typed == null ? "" : typed.strip().replace('\\', '/');
        List<String> out = new ArrayList<>();
        int at = Arrays.binarySearch(paths, t);
        for (int i = at >= 0 ? at : -at - 1; i < paths.length && out.size() < limit && paths[i].startsWith(t); i++) {
            out.add(paths[i]);
        }
        String name = t.substring(t.lastIndexOf('/') + 1);
        if (out.size() < limit && !name.isEmpty()) {
            for (String p : paths) {
                if (out.size() >= limit) {
                    break;
                }
                if (!p.startsWith(t) && p.startsWith(name, p.lastIndexOf('/') + 1)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** True when the path is one of the known paths (the cheap check; {@link ImageSources#resolve} is the full one). */
    public boolean contains(String path) {
        return Arrays.binarySearch(paths, path) >= 0;
    }
}
