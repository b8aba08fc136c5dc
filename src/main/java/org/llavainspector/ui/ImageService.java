package org.llavainspector.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.llavainspector.core.curation.ImagePathCompletion;
import org.llavainspector.core.image.ImageDecoder;
import org.llavainspector.core.image.ImageHeaderReader;
import org.llavainspector.core.image.ImageLimits;
import org.llavainspector.core.image.ImageLoader;
import org.llavainspector.core.image.ImageSizes;
import org.llavainspector.core.image.ImageSources;
import org.llavainspector.core.image.LoadedImage;
import org.llavainspector.core.image.SourceCandidates;
import org.llavainspector.core.image.ThumbnailCache;

/**
 * The images of the open collection: the image sources (zips, folders, prefix rules), the thumbnail cache and the
 * full-size loader. Sources can change when files are opened; requests always go to the current ones.
 */
public final class ImageService implements AutoCloseable {
    private final Executor background;
    private final long budgetBytes;
    /**
     * The open sources' paths, replaced whole once they are open: the FX thread reads it, and must not wait for the
     * lock that {@link #addSources} holds while it opens a zip (reading the directory of a 600K-entry zip takes a while).
     */
    private volatile List<Path> sourcePaths = List.of();
    private List<String> rules = List.of(); // guarded by this
    private volatile ImageSources sources = ImageSources.none();
    /** Every source in use, by path: reused when sources are added, not opened again. Guarded by this. */
    private java.util.Map<Path, org.llavainspector.core.image.ImageSource> inUse = java.util.Map.of();
    private final ImageLimits limits;
    /** Image sizes learnt from every decode and header read; cleared when the sources change. */
    private final ImageSizes sizes = new ImageSizes();
    private volatile ImageLoader loader;
    private volatile ThumbnailCache thumbnails;
    private volatile CompletableFuture<Void> ready = CompletableFuture.completedFuture(null);
    private ImagePathCompletion completion;
    private ImageSources completionOf;
    /** Opens sources on its own thread, so that work waiting for them on the background pool cannot starve it. */
    private final java.util.concurrent.ExecutorService opener = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "image-sources");
        t.setDaemon(true);
        return t;
    });

    /**
     * Threads decoding thumbnails: one core fewer than the machine has, so that one is left for the window (its FX and
     * render threads). On two cores, two decoders took the window's CPU while the grid was scrolled through 595K
     * samples: in alternating runs of `bench ui`, frames over 40 ms went from 12 to 4 and the longest from 41-73 ms to
     * 37-52 ms with one, for 9 % fewer thumbnails decoded on the way (8,270 of 9,100: the others were scrolled away).
     */
    static final int DECODERS = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);

    /** @param thumbnailSide longest side of a decoded thumbnail in pixels */
    public ImageService(Executor background, long budgetBytes, int thumbnailSide) {
        this.background = background;
        this.budgetBytes = budgetBytes;
        ImageLimits d = ImageLimits.DEFAULTS;
        this.limits = new ImageLimits(thumbnailSide, d.fullMaxSide(), d.maxPixels(), d.maxBytes());
        this.loader = new ImageLoader(sources, new ImageDecoder(limits), sizes);
        this.thumbnails = new ThumbnailCache(loader, budgetBytes, DECODERS);
    }

    /**
     * Adds sources in the background; thumbnails asked for meanwhile wait for them. The future tells whether the
     * sources in use changed ({@link #addSources}); it fails with a one-line message when a source cannot be opened.
     */
    public CompletableFuture<Boolean> addSourcesInBackground(java.util.function.Supplier<SourceCandidates> candidates,
            List<String> mapRules) {
        CompletableFuture<Boolean> opening = CompletableFuture.supplyAsync(() -> {
            try {
                return addSources(candidates.get(), mapRules);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e.getMessage(), e);
            }
        }, opener);
        ready = opening.handle((changed, e) -> null);
        return opening;
    }

    /**
     * Adds the image sources that the candidates keep, and prefix rules (duplicates ignored); the sources open
     * already stay, whatever the new candidates are, and are not opened again. Returns whether the sources in use
     * changed: when none is added, the thumbnails cached stay too. Throws with a one-line message.
     */
    public synchronized boolean addSources(SourceCandidates candidates, List<String> mapRules) throws IOException {
        LinkedHashSet<String> allRules = new LinkedHashSet<>(rules);
        allRules.addAll(mapRules);
        List<Path> paths = candidates.paths().stream().map(ImageSources::key).toList();
        if (sourcePaths.containsAll(paths) && allRules.size() == rules.size()) {
            return false;
        }
        ImageSources.Opened opened = ImageSources.open(SourceCandidates.named(sourcePaths).and(candidates),
                new ArrayList<>(allRules), inUse);
        ImageSources old = sources;
        if (opened.kept().equals(sourcePaths) && allRules.size() == rules.size()) {
            opened.sources().closeExcept(old); // the candidates brought nothing this collection uses
            return false;
        }
        sourcePaths = opened.kept();
        rules = List.copyOf(allRules);
        inUse = opened.inUse();
        ThumbnailCache oldCache = thumbnails;
        sources = opened.sources();
        loader = new ImageLoader(opened.sources(), new ImageDecoder(limits), sizes);
        thumbnails = new ThumbnailCache(loader, budgetBytes, DECODERS);
        sizes.clear(); // a path missing before may resolve now, or to another file
        oldCache.close();
        old.closeExcept(sources);
        return true;
    }

    /** The open sources, for the status bar and the session; never waits for sources being opened. */
    public List<Path> sourcePaths() {
        return sourcePaths;
    }

    /** A thumbnail; cancel the future when it is no longer wanted. Never fails (failures are LoadedImages). */
    public CompletableFuture<LoadedImage> thumbnail(String datasetPath) {
        CompletableFuture<Void> opening = ready;
        if (opening.isDone()) {
            return thumbnails.request(datasetPath); // never completed if the window closes meanwhile
        }
        CompletableFuture<LoadedImage> result = new CompletableFuture<>();
        opening.thenRun(() -> {
            if (result.isDone()) {
                return; // cancelled while the sources were opening: ask for nothing
            }
            CompletableFuture<LoadedImage> inner = thumbnails.request(datasetPath);
            result.whenComplete((image, error) -> inner.cancel(false));
            inner.thenAccept(result::complete);
        });
        return result;
    }

    /**
     * Starts loading thumbnails that will probably be wanted next. The cache's bookkeeping runs on the background pool:
     * a next-sample key press on the FX thread only hands the paths over.
     */
    public void prefetch(List<String> datasetPaths) {
        if (datasetPaths.isEmpty()) {
            return;
        }
        ThumbnailCache cache = thumbnails;
        List<String> paths = List.copyOf(datasetPaths); // the caller may reuse its list
        try {
            background.execute(() -> cache.prefetch(paths));
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // the window is closing: nothing is wanted next
        }
    }

    /** A full-size image (capped) for the detail view, decoded off the FX thread. */
    public CompletableFuture<LoadedImage> full(String datasetPath) {
        ImageLoader current = loader;
        return CompletableFuture.supplyAsync(() -> current.full(datasetPath), background);
    }

    /** Whether a dataset path resolves to a non-empty image (cheap: no decoding); waits for sources being opened. */
    public ImageLoader.Check check(String datasetPath) {
        ready.join();
        return loader.checkExists(datasetPath);
    }

    /** The open sources (for previews of path rewrites and image copies). */
    public ImageSources sources() {
        ready.join();
        return sources;
    }

    /**
     * Up to {@code limit} dataset paths the open sources (prefix rules included) can resolve, for completing an
     * edited path; the list of entries is read once per set of sources.
     */
    public List<String> completions(String typed, int limit) {
        ImagePathCompletion c = completion();
        return c == null ? List.of() : c.complete(typed, limit);
    }

    private synchronized ImagePathCompletion completion() {
        ImageSources current = sources();
        if (completionOf != current) {
            try {
                completion = ImagePathCompletion.of(current, org.llavainspector.core.util.TaskMonitor.NONE);
                completionOf = current;
            } catch (IOException e) {
                return null; // a source that cannot list its entries: no completions this time
            }
        }
        return completion;
    }

    /** The sizes of the images decoded so far (thumbnails and full images), and of headers read. */
    public ImageSizes sizes() {
        return sizes;
    }

    /** A reader of image headers over the current sources, recording into {@link #sizes()}; waits for sources. */
    public ImageHeaderReader headerReader() {
        return new ImageHeaderReader(sources(), sizes);
    }

    public ThumbnailCache.Stats thumbnailStats() {
        return thumbnails.stats();
    }

    @Override
    public void close() throws IOException {
        opener.shutdownNow();
        thumbnails.close();
        sources.close();
    }
}
