package org.llavainspector.ui.shortcuts;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** A semi-transparent overlay listing every shortcut; any key or click closes it. */
public final class ShortcutOverlay extends StackPane {
    public ShortcutOverlay() {
        setId("shortcut-overlay");
        getStyleClass().add("shortcut-overlay");
        GridPane grid = new GridPane();
        grid.getStyleClass().add("shortcut-grid");
        int row = 0;
        for (Shortcut s : Shortcut.values()) {
            Label keys = new Label(s.keys());
            keys.getStyleClass().add("shortcut-keys");
            Label action = new Label(s.action());
            action.getStyleClass().add("shortcut-action");
            grid.addRow(row++, keys, action);
        }
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add("shortcut-title");
        VBox card = new VBox(12, title, grid);
        card.getStyleClass().add("shortcut-card");
        card.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        setAlignment(Pos.CENTER);
        getChildren().add(card);
        setVisible(false);
        setOnMouseClicked(e -> hide());
        setOnKeyPressed(e -> {
            if (e.getCode() != KeyCode.SHIFT) {
                hide();
                e.consume();
            }
        });
    }

    public void show() {
        setVisible(true);
        requestFocus();
    }

    public void hide() {
        setVisible(false);
    }
}
