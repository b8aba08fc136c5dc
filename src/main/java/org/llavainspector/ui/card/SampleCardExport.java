package org.llavainspector.ui.card;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.llavainspector.core.image.LoadedImage;
import org.llavainspector.core.util.AtomicFile;
import org.llavainspector.ui.common.FxImages;
import org.llavainspector.ui.detail.DetailViewModel;
import org.llavainspector.ui.detail.ImageProvider;
import org.llavainspector.ui.detail.SampleDetail;
import org.llavainspector.ui.theme.Theme;

/**
 * File ▸ Export sample card…: the current sample as a {@link SampleCard} PNG. The image is loaded in the background,
 * the card is rendered with a snapshot on the FX thread, and the PNG is encoded and written (atomically) in the
 * background again.
 */
public final class SampleCardExport {
    private SampleCardExport() {
    }

    /** Asks where to save (default {@code <id>.png}) and exports there; reports the outcome to the callbacks. */
    public static void chooseAndExport(Window owner, SampleDetail sample, int selectedImage, ImageProvider images,
            Theme theme, Executor executor, Consumer<String> info, Consumer<String> error) {
        if (sample == null) {
            error.accept("no sample to export: select one first");
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export sample card (PNG, " + SampleCard.WIDTH + " × " + SampleCard.HEIGHT + ")");
        chooser.setInitialFileName(fileName(sample));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        File chosen = chooser.showSaveDialog(owner);
        if (chosen == null) {
            return;
        }
        export(sample, selectedImage, images, theme, chosen.toPath(), executor).whenComplete((path, e) ->
                Platform.runLater(() -> {
                    if (e == null) {
                        info.accept("Sample card saved: " + path);
                    } else {
                        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                        error.accept("cannot write the sample card " + chosen + ": " + cause.getMessage());
                    }
                }));
    }

    /**
     * Exports {@code sample} (showing image {@code selectedImage}, or its first) to {@code target}. Call on the FX
     * thread; the future completes (on a background thread) once the file is in place.
     */
    public static CompletableFuture<Path> export(SampleDetail sample, int selectedImage, ImageProvider images,
            Theme theme, Path target, Executor executor) {
        CompletableFuture<LoadedImage> picture = sample.images().isEmpty() ? CompletableFuture.completedFuture(null)
                : images.full(sample.images().get(Math.max(0, Math.min(selectedImage, sample.images().size() - 1))));
        CompletableFuture<BufferedImage> rendered = picture.thenApplyAsync(
                loaded -> FxImages.toBufferedImage(SampleCard.build(content(sample, loaded), theme).toImage()),
                Platform::runLater);
        return rendered.thenApplyAsync(image -> {
            try {
                writePng(image, target);
                return target;
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        }, executor);
    }

    /** What the card shows for {@code sample} with its loaded image (null for a text-only sample). */
    static SampleCard.Content content(SampleDetail sample, LoadedImage loaded) {
        String images = sample.images().isEmpty() ? "text-only" : String.join(", ", sample.images());
        String note = loaded == null ? "" : loaded.message().isEmpty() ? loaded.status().kind()
                : loaded.status().kind() + ": " + loaded.message();
        return new SampleCard.Content(DetailViewModel.idOf(sample),
                DetailViewModel.sourceLine(sample) + " · " + images, sample.turns(), sample.images().isEmpty(),
                FxImages.toFx(loaded), note);
    }

    /** Encodes {@code image} as PNG into {@code target} through a temporary file and a move. */
    public static void writePng(BufferedImage image, Path target) throws IOException {
        AtomicFile.write(target, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer");
            }
        });
    }

    /** {@code <id>.png}, with characters that file systems refuse replaced. */
    static String fileName(SampleDetail sample) {
        String id = sample.id() == null || sample.id().isBlank() ? "sample-" + sample.record() : sample.id();
        return id.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_") + ".png";
    }
}
