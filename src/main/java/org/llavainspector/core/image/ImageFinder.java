package org.llavainspector.core.image;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds an image named by another file (e.g. LLaVA's captions-and-boxes files, which give bare COCO names such as
 * {@code 000000039769.jpg}) in the open sources: by its path as written, or else by its file name anywhere in them
 * (COCO file names are unique). The list of file names is read once, on first use; thread-safe.
 */
public final class ImageFinder {
    private final ImageSources sources;
    private Map<String, String> byName;

    public ImageFinder(ImageSources sources) {
        this.sources = sources;
    }

    /** A dataset path the sources resolve to {@code image}, or empty when they hold no file of that name. */
    public Optional<String> find(String image) {
        if (image == null || image.isBlank()) {
            return Optional.empty();
        }
        if (sources.resolve(image).isPresent()) {
            return Optional.of(image);
        }
        String path = ImageSources.normalisePath(image);
        return Optional.ofNullable(names().get(path.substring(path.lastIndexOf('/') + 1)));
    }

    private synchronized Map<String, String> names() {
        if (byName == null) {
            Map<String, String> names = new HashMap<>();
            for (ImageSources.PrefixRule rule : sources.rules()) {
                add(names, rule.prefix(), rule.source());
            }
            for (ImageSource source : sources.sources()) {
                add(names, "", source);
            }
            byName = names;
        }
        return byName;
    }

    private static void add(Map<String, String> names, String prefix, ImageSource source) {
        try {
            for (ImageSource.Entry e : source.entries()) {
                String name = e.path().substring(e.path().lastIndexOf('/') + 1);
                names.putIfAbsent(name, prefix + e.path());
            }
        } catch (IOException e) {
            // a source that cannot list its files finds nothing by name; it still resolves exact paths
        }
    }
}
