package org.llavainspector.ui.prefs;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;

/** Edits the preferences; OK saves them. Theme applies at once, thumbnail settings from the next start. */
public final class PreferencesDialog extends Dialog<Preferences> {
    public PreferencesDialog(Preferences prefs) {
        setTitle("Preferences");
        setHeaderText("Saved in " + prefs.file());
        ChoiceBox<String> theme = new ChoiceBox<>();
        theme.setId("pref-theme");
        theme.getItems().setAll("light", "dark");
        theme.setValue(prefs.theme());
        Spinner<Integer> budget = new Spinner<>(16, 8192, prefs.thumbnailBudgetMb(), 64);
        budget.setId("pref-budget");
        budget.setEditable(true);
        Spinner<Integer> size = new Spinner<>(64, 512, prefs.thumbnailSize(), 16);
        size.setId("pref-thumbnail-size");
        size.setEditable(true);
        TextArea sources = new TextArea(String.join("\n", prefs.imageSources()));
        sources.setId("pref-image-sources");
        sources.setPrefRowCount(3);
        sources.setPromptText("one zip or folder per line, opened with every dataset");
        TextArea rules = new TextArea(String.join("\n", prefs.prefixRules()));
        rules.setId("pref-prefix-rules");
        rules.setPrefRowCount(3);
        rules.setPromptText("one PREFIX=SRC per line, e.g. coco/train2017/=/data/train2017.zip");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label("theme"), theme);
        grid.addRow(1, new Label("thumbnail memory (MiB)"), budget);
        grid.addRow(2, new Label("thumbnail size (px)"), size);
        grid.addRow(3, new Label("default image sources"), sources);
        grid.addRow(4, new Label("prefix rules"), rules);
        grid.add(new Label("Thumbnail settings take effect at the next start."), 1, 5);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(button -> {
            if (button != ButtonType.OK) {
                return null;
            }
            prefs.setTheme(theme.getValue());
            prefs.setThumbnailBudgetMb(budget.getValue());
            prefs.setThumbnailSize(size.getValue());
            prefs.setImageSources(lines(sources.getText()));
            prefs.setPrefixRules(lines(rules.getText()));
            return prefs;
        });
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toList());
    }
}
