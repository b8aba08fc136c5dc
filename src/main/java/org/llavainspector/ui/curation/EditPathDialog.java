package org.llavainspector.ui.curation;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import org.controlsfx.control.textfield.TextFields;
import org.llavainspector.core.image.ImageStatus;
import org.llavainspector.ui.ImageService;
import org.llavainspector.ui.common.Background;

/**
 * Edits one sample's image path(s): one field per image, completed from the entries of the open image sources,
 * with a live check whether each path resolves. The result is the new list of paths.
 */
public final class EditPathDialog extends Dialog<List<String>> {
    public EditPathDialog(String sampleId, List<String> paths, ImageService images, java.util.concurrent.Executor executor) {
        setTitle("Edit image path");
        setHeaderText("Image path" + (paths.size() > 1 ? "s" : "") + " of " + sampleId
                + " (the source file is not changed: the edit lives in the session)");
        GridPane grid = new GridPane();
        grid.setId("edit-path-grid");
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(12));
        List<TextField> fields = new ArrayList<>();
        List<String> start = paths.isEmpty() ? List.of("") : paths;
        for (int i = 0; i < start.size(); i++) {
            TextField field = new TextField(start.get(i));
            field.setId("edit-path-" + i);
            field.setPrefColumnCount(48);
            TextFields.bindAutoCompletion(field, request -> images.completions(request.getUserText(), 20));
            Label check = new Label();
            check.setId("edit-path-check-" + i);
            check.getStyleClass().add("path-check");
            Runnable recheck = () -> {
                String p = field.getText().strip();
                if (p.isEmpty()) {
                    check.setText("");
                    return;
                }
                Background.task(() -> images.check(p)).onSuccess(result -> {
                    if (p.equals(field.getText().strip())) {
                        boolean ok = result.status() == ImageStatus.OK;
                        check.setText(ok ? "✔ resolves" : "✘ " + result.status().kind() + ": " + result.message());
                        check.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("bad"), !ok);
                    }
                }).start(executor);
            };
            field.textProperty().addListener((o, a, b) -> recheck.run());
            recheck.run();
            grid.addRow(i, new Label("image " + (i + 1)), field, check);
            fields.add(field);
        }
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(button -> {
            if (button != ButtonType.OK) {
                return null;
            }
            List<String> result = new ArrayList<>();
            fields.forEach(f -> {
                if (!f.getText().isBlank()) {
                    result.add(f.getText().strip());
                }
            });
            return result;
        });
    }
}
