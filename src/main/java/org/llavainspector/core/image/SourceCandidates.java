package org.llavainspector.core.image;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The image sources to open: those the user named ({@code --images}, the preferences, the session), kept whatever
 * they hold, and those proposed beside a dataset file ({@link ImageSources#proposeSourcesBeside}), kept only when
 * they serve it. A dataset in a folder such as {@code ~/Downloads} would otherwise bring dozens of unrelated image
 * folders, each listed, tried at every image lookup, and able to answer for a sample whose image lies elsewhere.
 *
 * <p>Whether a proposed source serves its dataset can only be told once it is open; {@link ImageSources#open(
 * SourceCandidates, List)} asks {@link #keeps} then, so that a zip's directory is read once.
 */
public final class SourceCandidates {
    /** Sources proposed beside one dataset, and image paths of that dataset's first records to test them with. */
    private record Proposal(List<Path> sources, List<String> samplePaths) {
        boolean proposes(Path key) {
            return sources.stream().anyMatch(s -> ImageSources.key(s).equals(key));
        }
    }

    private final List<Path> named;
    private final List<Proposal> proposals;

    private SourceCandidates(List<Path> named, List<Proposal> proposals) {
        this.named = named;
        this.proposals = proposals;
    }

    /** Sources the user named, kept whatever they hold. */
    public static SourceCandidates named(List<Path> paths) {
        return new SourceCandidates(List.copyOf(paths), List.of());
    }

    /**
     * These candidates and the sources proposed beside a dataset, each kept when it resolves at least one of
     * {@code samplePaths} (image paths of the dataset's first records). All are kept when no path was sampled (the
     * file starts with text-only records, or cannot be read): nothing can be decided then.
     */
    public SourceCandidates proposing(List<Path> sources, List<String> samplePaths) {
        Proposal p = new Proposal(List.copyOf(sources), List.copyOf(samplePaths));
        return new SourceCandidates(named, concat(proposals, List.of(p)));
    }

    /** These candidates, then {@code more}'s. */
    public SourceCandidates and(SourceCandidates more) {
        return new SourceCandidates(concat(named, more.named), concat(proposals, more.proposals));
    }

    /** Every candidate, the named ones first, each in its order ("best first" for those proposed); may repeat one. */
    public List<Path> paths() {
        return concat(named, proposals.stream().flatMap(p -> p.sources().stream()).toList());
    }

    /** Whether the source opened from {@code path} is kept: named, or serving a dataset it was proposed for. */
    boolean keeps(Path path, ImageSource opened) {
        Path key = ImageSources.key(path);
        return named.stream().anyMatch(n -> ImageSources.key(n).equals(key))
                || proposals.stream().anyMatch(p -> p.proposes(key) && serves(opened, p.samplePaths()));
    }

    /** Resolves the paths exactly as the sources will be asked for them ({@link ImageSources#resolve}). */
    private static boolean serves(ImageSource source, List<String> samplePaths) {
        ImageSources alone = new ImageSources(List.of(source), List.of());
        return samplePaths.isEmpty() || samplePaths.stream().anyMatch(p -> alone.resolve(p).isPresent());
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
