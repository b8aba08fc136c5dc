package org.llavainspector.ui.insight;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import javafx.util.Duration;
import org.llavainspector.core.dataset.DatasetIndex;
import org.llavainspector.core.image.ImageHeaderReader;
import org.llavainspector.core.image.ImageSizes;
import org.llavainspector.core.util.CancellableMonitor;
import org.llavainspector.ui.common.FxProgress;
import org.llavainspector.ui.common.Background;

/**
 * The image-size chart of the dashboard: what the app has learnt of the sizes of one file's images (from the
 * thumbnails and full images it decoded), refreshed as it learns more, and an explicit pass that reads every image's
 * header. FX thread only; the summaries and the pass run on the executor.
 */
public final class ImageSizesViewModel {
    /** How often the chart looks for newly learnt sizes. */
    private static final Duration REFRESH = Duration.millis(500);

    /**
     * Where the sizes come from.
     *
     * @param sizes the store the image service fills
     * @param imagePaths the distinct image paths of the file (read off the FX thread)
     * @param headerReader a header reader over the open image sources (asked off the FX thread)
     */
    public record Input(ImageSizes sizes, Supplier<Collection<String>> imagePaths,
            Supplier<ImageHeaderReader> headerReader) {
        /** The sizes the app's image service learns, for the images of the indexed file. */
        public static Input of(org.llavainspector.ui.ImageService images, DatasetIndex index) {
            return new Input(images.sizes(), () -> distinctImages(index), images::headerReader);
        }
    }

    /** The distinct image paths of the records indexed so far, in file order. */
    static Set<String> distinctImages(DatasetIndex index) {
        Set<String> paths = new LinkedHashSet<>();
        for (int i = 0, n = index.size(); i < n; i++) {
            paths.addAll(index.images(i));
        }
        return paths;
    }

    private final Input input;
    private final Executor executor;
    private final ReadOnlyObjectWrapper<ImageSizes.Summary> summary = new ReadOnlyObjectWrapper<>(this, "summary");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final Timeline watch = new Timeline(new KeyFrame(REFRESH, e -> refreshIfChanged()));
    private long summarizedVersion = -1;
    private boolean summarizing;
    private CancellableMonitor monitor;
    private Task<ImageHeaderReader.Pass> pass;

    public ImageSizesViewModel(Input input, Executor executor) {
        this.input = input;
        this.executor = executor;
        watch.setCycleCount(Timeline.INDEFINITE);
    }

    /** Summarizes what is known now and keeps the summary up to date until {@link #close()}. */
    public void start() {
        refresh();
        watch.play();
    }

    /** Stops watching and cancels a running pass. */
    public void close() {
        watch.stop();
        cancel();
    }

    /** Summarizes again if something new was learnt since the last summary (and none is being made). */
    void refreshIfChanged() {
        if (!summarizing && input.sizes().version() != summarizedVersion) {
            refresh();
        }
    }

    /** Summarizes the file's images in the background. */
    public void refresh() {
        summarizing = true;
        long version = input.sizes().version();
        Background.task(() -> input.sizes().summarize(input.imagePaths().get()))
                .onSuccess(s -> {
                    summarizing = false;
                    summarizedVersion = version;
                    summary.set(s);
                })
                .onError(e -> summarizing = false)
                .start(executor);
    }

    /** Reads the header of every image of the file, in the background; the chart fills in as it goes. */
    public void readAll() {
        if (running.get()) {
            return;
        }
        CancellableMonitor m = FxProgress.monitor(fraction -> {
            if (running.get()) {
                progress.set(fraction);
            }
        });
        monitor = m;
        running.set(true);
        progress.set(-1);
        message.set("Reading image headers…");
        pass = Background.task(() -> input.headerReader().get().readAll(input.imagePaths().get(), m))
                .onSuccess(p -> {
                    if (monitor == m && !m.isCancelled()) {
                        running.set(false);
                        progress.set(1);
                        message.set(String.format(Locale.ROOT, "Read %,d image headers: %,d sized, %,d missing,"
                                + " %,d unreadable", p.images(), p.sized(), p.missing(), p.unreadable()));
                        refresh();
                    }
                })
                .onError(error -> {
                    if (monitor == m && !m.isCancelled()) {
                        running.set(false);
                        progress.set(0);
                        message.set(error instanceof CancellationException ? "Cancelled"
                                : "Reading image sizes failed: " + error.getMessage());
                        refresh();
                    }
                })
                .start(executor);
    }

    /** Stops a running header pass; the sizes read so far stay known. */
    public void cancel() {
        if (monitor != null && running.get()) {
            monitor.cancel();
            if (pass != null) {
                pass.cancel(false);
            }
            running.set(false);
            progress.set(0);
            message.set("Cancelled");
            refresh();
        }
    }

    /** What is known of the file's images, or null before the first summary. */
    public ReadOnlyObjectProperty<ImageSizes.Summary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ImageSizes.Summary getSummary() {
        return summary.get();
    }

    /** Progress of the header pass: 0..1, or -1 while the total is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** True while the header pass runs. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** One line about the header pass. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** E.g. {@code sizes known: 19 of 24 images · 1 missing · 0 unreadable · 4 not yet seen}. */
    public static String describe(ImageSizes.Summary s) {
        if (s == null) {
            return "sizes known: …";
        }
        return String.format(Locale.ROOT, "sizes known: %,d of %,d images · %,d missing · %,d unreadable"
                + " · %,d not yet seen", s.sized(), s.images(), s.missing(), s.unreadable(), s.unknown());
    }
}
