package org.llavainspector.ui.detail;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.llavainspector.core.image.ImageStatus;
import org.llavainspector.core.image.LoadedImage;

/**
 * A manual preview of the detail pane on the demo dataset, for looking at it and taking screenshots.
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) org.llavainspector.ui.detail.DetailPreview \
 *     [RECORD] [--present] [--damaged] [--tab=N] [--size=WxH] [--theme=FILE.css]
 * </pre>
 * RECORD is a demo record number (default 29, the multi-image one); {@code --present} shows the presentation view
 * (← → R Esc work); {@code --damaged} reports every image as truncated (to see the warning banner);
 * {@code --tab=N} selects a tab of the detail pane; {@code --theme} uses another theme than the light test theme.
 */
public final class DetailPreview {
    private DetailPreview() {
    }

    public static void main(String[] args) {
        // launched through a class that is not the Application, so that a plain class path works
        Application.launch(Preview.class, args);
    }

    /** The preview window. */
    public static final class Preview extends Application {
        private final ExecutorService background = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "preview-background");
            t.setDaemon(true);
            return t;
        });
        private final Random random = new Random();
        private DemoSamples demo;
        private DetailViewModel model;
        private int current;

        @Override
        public void init() throws Exception {
            demo = new DemoSamples();
        }

        @Override
        public void start(Stage stage) {
            List<String> args = getParameters().getUnnamed();
            current = args.stream().filter(a -> a.matches("\\d+")).map(Integer::parseInt).findFirst().orElse(29);
            boolean present = args.contains("--present");
            String[] size = getParameters().getNamed().getOrDefault("size", "1600x1000").split("x");
            ImageProvider images = ImageProvider.over(demo.loader(), background);
        if (args.contains("--damaged")) {
            images = damaged(images);
        }
        model = new DetailViewModel(images);

            Parent root;
            if (present) {
                PresentationView view = new PresentationView(model, new PresentationView.Navigator() {
                    @Override
                    public void previous() {
                        go(current - 1);
                    }

                    @Override
                    public void next() {
                        go(current + 1);
                    }

                    @Override
                    public void random() {
                        go(random.nextInt(demo.size()));
                    }

                    @Override
                    public void exit() {
                        Platform.exit();
                    }
                });
                model.sampleProperty().addListener((obs, old, now) ->
                        view.positionProperty().set(now == null ? "" : (now.record() + 1) + " / " + demo.size()));
                root = view;
            } else {
                DetailView view = new DetailView(model);
                view.setHostServices(getHostServices());
                String tab = getParameters().getNamed().get("tab");
                if (tab != null) {
                    Platform.runLater(() -> ((TabPane) view.lookup("#detail-tabs")).getSelectionModel()
                            .select(Integer.parseInt(tab)));
                }
                root = view;
            }
            Scene scene = new Scene(root, Double.parseDouble(size[0]), Double.parseDouble(size[1]));
            String theme = getParameters().getNamed().get("theme");
            scene.getStylesheets().add(theme != null ? Path.of(theme).toUri().toString()
                    : DetailPreview.class.getResource("test-theme.css").toExternalForm());
            stage.setTitle("Detail preview");
            stage.setScene(scene);
            stage.setX(0);
            stage.setY(0);
            stage.show();
            go(current);
        }

        /** Every image decodes but is reported truncated, to see the warning banner over a picture. */
        private static ImageProvider damaged(ImageProvider real) {
            return path -> real.full(path).thenApply(li -> !li.hasPixels() ? li
                    : LoadedImage.decoded(li.path(), ImageStatus.CORRUPT, "truncated: the end of the file is missing",
                            li.format(), li.sourceWidth(), li.sourceHeight(), li.width(), li.height(), li.argb()));
        }

        private void go(int record) {
            current = Math.floorMod(record, demo.size());
            int wanted = current;
            CompletableFuture.supplyAsync(() -> demo.detail(wanted), background)
                    .thenAcceptAsync(model::show, Platform::runLater);
        }

        @Override
        public void stop() throws Exception {
            background.shutdownNow();
            demo.close();
        }
    }
}
