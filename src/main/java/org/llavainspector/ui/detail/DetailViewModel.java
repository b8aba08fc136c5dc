package org.llavainspector.ui.detail;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.llavainspector.core.image.ImageFormat;
import org.llavainspector.core.image.LoadedImage;

/**
 * The state of the detail pane: which sample it shows, which of its images is selected, and that image once it has
 * been loaded in the background. All methods are called, and all properties change, on the FX thread.
 */
public final class DetailViewModel {
    /** Decoded images of the current sample kept for switching between them; full-size images are large. */
    private static final int KEPT_IMAGES = 4;

    private final ImageProvider images;
    private final Executor fxThread;

    private final ReadOnlyObjectWrapper<SampleDetail> sample = new ReadOnlyObjectWrapper<>(this, "sample");
    private final ReadOnlyIntegerWrapper selectedImage = new ReadOnlyIntegerWrapper(this, "selectedImage", -1);
    private final ReadOnlyObjectWrapper<Image> image = new ReadOnlyObjectWrapper<>(this, "image");
    private final ReadOnlyObjectWrapper<ImageState> imageState =
            new ReadOnlyObjectWrapper<>(this, "imageState", ImageState.NONE);
    private final ReadOnlyStringWrapper imageMessage = new ReadOnlyStringWrapper(this, "imageMessage", "");
    private final ReadOnlyStringWrapper imagePath = new ReadOnlyStringWrapper(this, "imagePath", "");
    private final ReadOnlyStringWrapper imageInfo = new ReadOnlyStringWrapper(this, "imageInfo", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");

    private final Map<Integer, Shown> kept = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Shown> eldest) {
            return size() > KEPT_IMAGES;
        }
    };
    private CompletableFuture<LoadedImage> pending;

    /** What the image area shows for one image of the current sample. */
    private record Shown(Image image, ImageState state, String message, String info) {
    }

    /** A view-model whose load results are handed to the FX thread with {@link Platform#runLater}. */
    public DetailViewModel(ImageProvider images) {
        this(images, Platform::runLater);
    }

    /** A view-model handing load results to {@code fxThread} (which must run them on the FX thread). */
    public DetailViewModel(ImageProvider images, Executor fxThread) {
        this.images = Objects.requireNonNull(images);
        this.fxThread = Objects.requireNonNull(fxThread);
    }

    /** Shows a sample (null clears the pane) and starts loading its first image; a pending load is cancelled. */
    public void show(SampleDetail detail) {
        cancelPending();
        kept.clear();
        selectedImage.set(-1); // before the sample changes, so that no view selects an image of the old one
        imagePath.set("");
        sample.set(detail);
        title.set(titleOf(detail));
        if (detail == null) {
            apply(new Shown(null, ImageState.NONE, "", ""));
        } else if (detail.images().isEmpty()) {
            apply(new Shown(null, ImageState.TEXT_ONLY, "This record has no image: its conversation is text only.", ""));
        } else {
            load(0);
        }
    }

    /** Selects image {@code index} (0-based) of a multi-image sample; out-of-range indexes are ignored. */
    public void selectImage(int index) {
        SampleDetail detail = sample.get();
        if (detail == null || index < 0 || index >= detail.images().size()) {
            return;
        }
        if (index == selectedImage.get() && imageState.get() != ImageState.FAILED) {
            return; // already shown or on its way; a failed load is tried again
        }
        load(index);
    }

    private void load(int index) {
        cancelPending();
        String path = sample.get().images().get(index);
        selectedImage.set(index);
        imagePath.set(path);
        Shown known = kept.get(index);
        if (known != null) {
            apply(known);
            return;
        }
        apply(new Shown(null, ImageState.LOADING, path, ""));
        CompletableFuture<LoadedImage> request;
        try {
            request = images.full(path);
        } catch (RuntimeException e) {
            apply(failed(e));
            return;
        }
        pending = request;
        request.whenComplete((loaded, error) -> fxThread.execute(() -> arrived(request, index, loaded, error)));
    }

    private void arrived(CompletableFuture<LoadedImage> request, int index, LoadedImage loaded, Throwable error) {
        if (request != pending) {
            return; // the user moved on: another sample or another image of this one
        }
        pending = null;
        if (error != null) {
            apply(failed(error));
            return;
        }
        Shown shown = shown(loaded);
        kept.put(index, shown);
        apply(shown);
    }

    private void cancelPending() {
        CompletableFuture<LoadedImage> request = pending;
        pending = null;
        if (request != null) {
            request.cancel(true);
        }
    }

    private void apply(Shown shown) {
        image.set(shown.image());
        imageState.set(shown.state());
        imageMessage.set(shown.message());
        imageInfo.set(shown.info());
    }

    /** Wraps the decoded pixels in a JavaFX image; a copy on the FX thread, no decoding. */
    private static Shown shown(LoadedImage loaded) {
        Image picture = null;
        if (loaded.hasPixels()) {
            WritableImage w = new WritableImage(loaded.width(), loaded.height());
            w.getPixelWriter().setPixels(0, 0, loaded.width(), loaded.height(), PixelFormat.getIntArgbInstance(),
                    loaded.argb(), 0, loaded.width());
            picture = w;
        }
        return new Shown(picture, ImageState.of(loaded.status()), loaded.message(), infoOf(loaded));
    }

    private static Shown failed(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String message = cause instanceof CancellationException ? "the load was cancelled"
                : cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new Shown(null, ImageState.FAILED, message, "");
    }

    /** E.g. {@code 640 × 480 · JPEG}, or {@code 8000 × 6000 · JPEG · shown at 4000 × 3000}. */
    static String infoOf(LoadedImage loaded) {
        if (!loaded.hasPixels()) {
            return "";
        }
        int w = loaded.sourceWidth() > 0 ? loaded.sourceWidth() : loaded.width();
        int h = loaded.sourceHeight() > 0 ? loaded.sourceHeight() : loaded.height();
        StringBuilder info = new StringBuilder().append(w).append(" × ").append(h);
        if (loaded.format() != null && loaded.format() != ImageFormat.UNKNOWN) {
            info.append(" · ").append(loaded.format().name().toUpperCase(Locale.ROOT));
        }
        if (w != loaded.width() || h != loaded.height()) {
            info.append(" · shown at ").append(loaded.width()).append(" × ").append(loaded.height());
        }
        return info.toString();
    }

    static String titleOf(SampleDetail detail) {
        if (detail == null) {
            return "";
        }
        return idOf(detail) + " — " + sourceLine(detail);
    }

    /** The id as shown: {@code (no id)} when it has none. */
    public static String idOf(SampleDetail detail) {
        return detail.id() == null ? "(no id)" : detail.id();
    }

    /** E.g. {@code demo.json · record 3}. */
    public static String sourceLine(SampleDetail detail) {
        Path name = detail.sourceFile() == null ? null : detail.sourceFile().getFileName();
        return (name == null ? "" : name + " · ") + "record " + detail.record();
    }

    /** The sample shown, or null. */
    public ReadOnlyObjectProperty<SampleDetail> sampleProperty() {
        return sample.getReadOnlyProperty();
    }

    public SampleDetail getSample() {
        return sample.get();
    }

    /** The 0-based index of the image shown, or -1 when the sample has none (or there is no sample). */
    public ReadOnlyIntegerProperty selectedImageProperty() {
        return selectedImage.getReadOnlyProperty();
    }

    public int getSelectedImage() {
        return selectedImage.get();
    }

    /** The selected image's pixels once loaded; null while loading and when it could not be decoded. */
    public ReadOnlyObjectProperty<Image> imageProperty() {
        return image.getReadOnlyProperty();
    }

    public Image getImage() {
        return image.get();
    }

    /** What the image area shows. */
    public ReadOnlyObjectProperty<ImageState> imageStateProperty() {
        return imageState.getReadOnlyProperty();
    }

    public ImageState getImageState() {
        return imageState.get();
    }

    /** The reason for a problem state (from the loader), the path while loading, or "". */
    public ReadOnlyStringProperty imageMessageProperty() {
        return imageMessage.getReadOnlyProperty();
    }

    /** The dataset path of the selected image, or "". */
    public ReadOnlyStringProperty imagePathProperty() {
        return imagePath.getReadOnlyProperty();
    }

    /** Size and format of the decoded image, e.g. {@code 640 × 480 · JPEG}, or "". */
    public ReadOnlyStringProperty imageInfoProperty() {
        return imageInfo.getReadOnlyProperty();
    }

    /** One line naming the sample: id, file and record number; "" when none. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }
}
