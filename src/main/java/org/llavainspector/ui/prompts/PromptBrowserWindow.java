package org.llavainspector.ui.prompts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.llavainspector.core.prompts.PromptSet;

/** Opens the prompt browser in its own window, styled like its owner. */
public final class PromptBrowserWindow {
    /** The captions-and-boxes file shipped with the demo prompts. */
    public static final String DEMO_CAPTIONS = "caps_boxes_demo.jsonl";

    private PromptBrowserWindow() {
    }

    /** Opens the browser on {@code promptsFolder}; on a load error shows an Alert and returns null. */
    public static Stage show(Window owner, Path promptsFolder) {
        return show(owner, promptsFolder, null);
    }

    public static Stage show(Window owner, Path promptsFolder, Function<String, Image> imageProvider) {
        PromptSet set;
        try {
            set = PromptSet.load(promptsFolder);
        } catch (IOException | RuntimeException e) {
            showError(owner, e);
            return null;
        }
        return showLoaded(owner, promptsFolder, set, imageProvider);
    }

    /** Shows the one-line message of a load failure in an Alert. */
    public static void showError(Window owner, Exception e) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.setTitle("Prompt files");
        alert.setHeaderText("Cannot open the prompt files");
        alert.setContentText(PromptSet.describe(e));
        alert.getDialogPane().setId("prompt-load-error");
        alert.show();
    }

    /** Opens the browser on prompt files already loaded (load them off the FX thread with {@link PromptSet#load}). */
    public static Stage showLoaded(Window owner, Path promptsFolder, PromptSet set, Function<String, Image> imageProvider) {
        return showLoaded(owner, promptsFolder, set, imageProvider, CaptionBoxesView.Images.NONE,
                java.util.concurrent.ForkJoinPool.commonPool());
    }

    /**
     * As above, with a "Captions & boxes" tab whose boxes are drawn over the images {@code images} finds; it opens
     * on {@value #DEMO_CAPTIONS} when the prompts folder holds it.
     */
    public static Stage showLoaded(Window owner, Path promptsFolder, PromptSet set, Function<String, Image> imageProvider,
            CaptionBoxesView.Images images, java.util.concurrent.Executor executor) {
        PromptBrowserView view = new PromptBrowserView(set);
        view.setImageProvider(imageProvider);
        CaptionBoxesView captions = new CaptionBoxesView(images, executor);
        Path demo = promptsFolder.resolve(DEMO_CAPTIONS);
        if (java.nio.file.Files.isRegularFile(demo)) {
            captions.open(demo);
        }
        Tab prompts = new Tab("Few-shot prompts", view);
        prompts.setId("tab-prompts");
        Tab boxes = new Tab("Captions & boxes", captions);
        boxes.setId("tab-captions");
        TabPane tabs = new TabPane(prompts, boxes);
        tabs.setId("prompt-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Scene scene = new Scene(tabs, 1100, 720);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        scene.getStylesheets().add(PromptBrowserView.stylesheet());
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("GPT-4 prompts — " + promptsFolder.getFileName());
        stage.setScene(scene);
        stage.show();
        if (!set.tasks().isEmpty()) {
            view.select(set.tasks().get(0).name(), null);
        }
        return stage;
    }
}
