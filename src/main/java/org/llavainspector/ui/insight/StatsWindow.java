package org.llavainspector.ui.insight;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.llavainspector.core.validate.ProblemIndex;

/** Opens the statistics dashboard of a dataset file in its own window. */
public final class StatsWindow {
    /** The stylesheet of the insight views. */
    public static final String CSS = Objects.requireNonNull(StatsWindow.class.getResource("insight.css"),
            "insight.css").toExternalForm();

    private StatsWindow() {
    }

    /**
     * Shows a window with the statistics of {@code datasetFile}, computed on {@code executor}; {@code problems} may
     * be null (no problem chart). A click on a bar calls {@code filter} with the query selecting its samples. The
     * computation is cancelled when the window closes. Call on the FX thread.
     */
    public static Stage show(Window owner, Path datasetFile, ProblemIndex problems, Consumer<String> filter,
            Executor executor) {
        return show(owner, datasetFile, problems, null, filter, executor);
    }

    /** As above, with an image-size chart fed by {@code sizes} when it is not null. */
    public static Stage show(Window owner, Path datasetFile, ProblemIndex problems, ImageSizesViewModel.Input sizes,
            Consumer<String> filter, Executor executor) {
        StatsViewModel model = new StatsViewModel(datasetFile, problems, executor);
        ImageSizesViewModel sizesModel = sizes == null ? null : new ImageSizesViewModel(sizes, executor);
        StatsView view = new StatsView(model, sizesModel, filter);
        Scene scene = new Scene(view, 1010, 760); // two columns of charts beside a scroll bar
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        scene.getStylesheets().add(CSS);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("Statistics — " + datasetFile.getFileName());
        stage.setScene(scene);
        stage.setOnHidden(e -> {
            model.cancel();
            if (sizesModel != null) {
                sizesModel.close();
            }
        });
        stage.show();
        model.start();
        if (sizesModel != null) {
            sizesModel.start();
        }
        return stage;
    }
}
