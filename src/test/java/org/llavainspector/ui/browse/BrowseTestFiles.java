package org.llavainspector.ui.browse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Parent;
import javafx.scene.Scene;
import org.llavainspector.ui.main.MainViewModel;

/** What the browsers' tests open: a dataset of many small samples, and a scene styled as the app's. */
final class BrowseTestFiles {
    private BrowseTestFiles() {
    }

    /** A dataset file of {@code n} samples s0, s1, ... each with an image img/N.jpg and a question and an answer. */
    static Path samples(int n, String name) throws IOException {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            json.append(i == 0 ? "" : ",\n").append(String.format(
                    "{\"id\": \"s%d\", \"image\": \"img/%d.jpg\", \"conversations\": [{\"from\": \"human\", \"value\": "
                            + "\"<image>\\nWhat is in picture %d?\"}, {\"from\": \"gpt\", \"value\": \"A cat.\"}]}", i, i, i));
        }
        return Files.writeString(Files.createTempDirectory("browse").resolve(name), json.append("]").toString());
    }

    /** Shows {@code root} in {@code stage}, styled as the app is, and opens {@code file} into the model. */
    static void showAndOpen(javafx.stage.Stage stage, Parent root, double width, double height, MainViewModel model,
            Path file) {
        stage.setScene(styled(root, width, height));
        stage.show();
        model.open(java.util.List.of(file), java.util.List.of(), java.util.List.of());
    }

    /** After a test: its window and then its context closed. */
    static void close(org.llavainspector.ui.AppContext context) throws Exception {
        org.testfx.api.FxToolkit.cleanupStages();
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        context.close();
    }

    /** What a mouse wheel sends for one notch down that scrolls {@code pixels}. */
    static javafx.scene.input.ScrollEvent wheelDown(double pixels) {
        return new javafx.scene.input.ScrollEvent(javafx.scene.input.ScrollEvent.SCROLL, 100, 100, 100, 100, false,
                false, false, false, false, false, 0, -pixels, 0, -pixels,
                javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null);
    }

    /** Reads something on the FX thread. */
    static <T> T fx(java.util.concurrent.Callable<T> read) throws Exception {
        return org.testfx.util.WaitForAsyncUtils.asyncFx(read).get(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** A scene of {@code root} with the app's light theme and style sheet. */
    static Scene styled(Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().addAll(MainViewModel.class.getResource("/org/llavainspector/ui/theme-light.css").toExternalForm(),
                MainViewModel.class.getResource("/org/llavainspector/ui/app.css").toExternalForm());
        return scene;
    }
}
