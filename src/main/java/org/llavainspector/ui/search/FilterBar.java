package org.llavainspector.ui.search;

import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import org.controlsfx.control.PopOver;
import org.kordamp.ikonli.javafx.FontIcon;
import org.llavainspector.core.query.QueryHelp;

/** The filter field with its live match count, syntax errors and a help popover on the query language. */
public final class FilterBar extends HBox {
    private final TextField field = new TextField();

    public FilterBar(FilterViewModel model) {
        setId("filter-bar");
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);
        field.setId("filter-field");
        field.setPromptText("Filter: words, \"phrase\", -word, id:, image:, from:, turns>N, has:image, re:/…/  (Ctrl+F)");
        field.textProperty().bindBidirectional(model.queryProperty());
        Label count = new Label();
        count.setId("match-count");
        count.textProperty().bind(javafx.beans.binding.Bindings.when(model.errorProperty().isEmpty())
                .then(model.matchesProperty()).otherwise(model.errorProperty()));
        model.errorProperty().addListener((o, a, b) -> count.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("error"), !b.isEmpty()));
        PauseTransition pause = new PauseTransition(Duration.millis(250));
        pause.setOnFinished(e -> model.apply());
        field.textProperty().addListener((o, a, b) -> pause.playFromStart());
        field.setOnAction(e -> {
            pause.stop();
            model.apply();
        });
        Button help = new Button(null, new FontIcon("mdal-help_outline"));
        help.setId("query-help");
        help.setTooltip(new Tooltip("Query language"));
        help.setFocusTraversable(false);
        help.setOnAction(e -> showHelp(help));
        getChildren().addAll(new FontIcon("mdmz-search"), field, count, help);
    }

    public TextField field() {
        return field;
    }

    private void showHelp(Button anchor) {
        QueryHelpView text = new QueryHelpView(QueryHelp.markdown());
        text.setPrefSize(640, 480);
        PopOver pop = new PopOver(text);
        pop.getRoot().getStylesheets().add(FilterBar.class.getResource("/org/llavainspector/ui/popover.css").toExternalForm());
        pop.setTitle("Query language");
        pop.setHeaderAlwaysVisible(true);
        pop.setDetachable(false);
        pop.show(anchor);
    }
}
