package org.llavainspector.ui.insight;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceDialog;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.llavainspector.core.compare.CompareCategory;

/** Insight ▸ Compare with…: picks file B for the current file A, and shows the comparison in its own window. */
public final class CompareWindow {
    /** The choice that leads to the file chooser. */
    static final String ANOTHER_FILE = "Another file…";

    private CompareWindow() {
    }

    /** An open file offered as B: shown by name, with its folder. */
    record OpenFile(Path path) {
        @Override
        public String toString() {
            Path parent = path.toAbsolutePath().getParent();
            return path.getFileName() + (parent == null ? "" : "  (" + parent + ")");
        }
    }

    /**
     * Asks for file B: when other files are open, one of them or "another file…", else a file chooser straight
     * away. Tells {@code chosen} the file, unless the user cancels. Does not block: call on the FX thread.
     */
    public static void chooseOther(Window owner, List<Path> openFiles, int fileA, Consumer<Path> chosen) {
        List<Object> choices = new ArrayList<>();
        for (int f = 0; f < openFiles.size(); f++) {
            if (f != fileA) {
                choices.add(new OpenFile(openFiles.get(f)));
            }
        }
        if (choices.isEmpty()) {
            chooseFile(owner, openFiles.get(fileA), chosen);
            return;
        }
        choices.add(ANOTHER_FILE);
        ChoiceDialog<Object> dialog = new ChoiceDialog<>(choices.get(0), choices);
        dialog.initOwner(owner);
        dialog.setTitle("Compare with…");
        dialog.setHeaderText("Compare A = " + openFiles.get(fileA).getFileName() + " with B =");
        dialog.getDialogPane().setId("compare-choice");
        dialog.setOnHidden(e -> {
            Object answer = dialog.getResult();
            if (answer instanceof OpenFile open) {
                chosen.accept(open.path());
            } else if (ANOTHER_FILE.equals(answer)) {
                chooseFile(owner, openFiles.get(fileA), chosen);
            }
        });
        dialog.show();
    }

    /** The position of {@code file} among {@code files} (the same file however written), or -1. */
    public static int indexOf(List<Path> files, Path file) {
        Path wanted = file.toAbsolutePath().normalize();
        for (int f = 0; f < files.size(); f++) {
            if (files.get(f).toAbsolutePath().normalize().equals(wanted)) {
                return f;
            }
        }
        return -1;
    }

    private static void chooseFile(Window owner, Path fileA, Consumer<Path> chosen) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Compare " + fileA.getFileName() + " with…");
        Path folder = fileA.toAbsolutePath().getParent();
        if (folder != null && folder.toFile().isDirectory()) {
            chooser.setInitialDirectory(folder.toFile());
        }
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("LLaVA datasets (*.json, *.jsonl)", "*.json", "*.jsonl"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File file = chooser.showOpenDialog(owner);
        if (file != null) {
            chosen.accept(file.toPath());
        }
    }

    /**
     * Shows the comparison in a window and starts it; it is cancelled when the window closes. A category's button
     * calls {@code filter} with its query, its export button calls {@code export}. Call on the FX thread.
     */
    public static Stage show(Window owner, CompareViewModel model, Consumer<String> filter,
            Consumer<CompareCategory> export) {
        CompareView view = new CompareView(model, filter, export);
        Scene scene = new Scene(view, 1100, 720);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        scene.getStylesheets().add(StatsWindow.CSS);
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle("Compare — A " + model.nameA() + " · B " + model.nameB());
        stage.setScene(scene);
        stage.setOnHidden(e -> model.cancel());
        stage.show();
        model.start();
        return stage;
    }
}
