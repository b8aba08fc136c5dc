package org.llavainspector.ui.duplicates;

import java.nio.file.Path;
import java.util.Objects;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.llavainspector.core.compare.ImageHashCache;
import org.llavainspector.core.dataset.Dataset;
import org.llavainspector.core.dataset.DatasetCollection;
import org.llavainspector.core.dataset.DatasetIndex;
import org.llavainspector.core.image.ImageSources;
import org.llavainspector.ui.insight.StatsWindow;
import org.llavainspector.ui.main.MainViewModel;

/** Opens the duplicates of a dataset file of the main window in a window of its own. */
public final class DuplicatesWindow {
    /** The stylesheet of the duplicates view. */
    public static final String CSS = Objects.requireNonNull(DuplicatesWindow.class.getResource("duplicates.css"),
            "duplicates.css").toExternalForm();

    private DuplicatesWindow() {
    }

    /**
     * Shows the duplicates of the current sample's file (the first file when there is none): exact groups, and
     * near-duplicate images when the collection has image sources, computed in the background (cancelled when the
     * window closes). Marks go to the main window's session; "Show in browser" filters the main browser. Returns
     * null when no file is open. Call on the FX thread.
     */
    public static Stage show(Window owner, MainViewModel main) {
        DatasetCollection collection = main.collection();
        if (collection.datasets().isEmpty()) {
            return null;
        }
        int g = main.currentSample();
        int file = g < 0 ? 0 : collection.fileIndexOf(g);
        Dataset dataset = collection.datasets().get(file);
        DuplicatesViewModel.Source source = new DuplicatesViewModel.Source() {
            @Override
            public DatasetIndex index() {
                return dataset.index();
            }

            @Override
            public int globalOf(int record) {
                return collection.globalOf(file, record);
            }

            @Override
            public ImageSources imageSources() {
                return main.context().images().sources();
            }

            @Override
            public Path hashCache() {
                Path sidecar = main.curation().sidecar();
                return sidecar == null ? null : ImageHashCache.besideSession(sidecar);
            }
        };
        DuplicatesViewModel model = new DuplicatesViewModel(source, main.curation(), main.context().background(),
                main::showOnly);
        DuplicatesView view = new DuplicatesView(model, path -> main.context().images().thumbnail(path));
        Scene scene = new Scene(view, 1100, 640);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        scene.getStylesheets().addAll(StatsWindow.CSS, CSS);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("Duplicates — " + dataset.file().getFileName());
        stage.setScene(scene);
        stage.setOnHidden(e -> model.cancel());
        stage.show();
        model.start();
        return stage;
    }
}
