package org.llavainspector.ui.detail;

import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.llavainspector.core.validate.Problem;
import org.llavainspector.core.validate.ProblemKind;

/** The validation problems of one sample: severity icon, kind and message. */
final class ProblemsView extends ListView<Problem> {
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final PseudoClass NOTICE = PseudoClass.getPseudoClass("notice");

    ProblemsView() {
        setId("problems-list");
        getStyleClass().add("problems-list");
        Label none = new Label("No problems found in this sample.");
        none.getStyleClass().add("problems-empty");
        setPlaceholder(none);
        setCellFactory(list -> new ProblemCell());
    }

    /** Builds its nodes once; {@code updateItem} only re-points them at another problem. */
    private static final class ProblemCell extends ListCell<Problem> {
        private final FontIcon icon = new FontIcon();
        private final Label kind = new Label();
        private final Label message = new Label();
        private final Label line = new Label();
        private final Tooltip description = new Tooltip();
        private final HBox box = new HBox(icon, kind, message, line);

        ProblemCell() {
            getStyleClass().add("problem-cell");
            icon.getStyleClass().add("problem-icon");
            kind.getStyleClass().add("problem-kind");
            kind.setTooltip(description);
            kind.setMinWidth(Label.USE_PREF_SIZE);
            message.getStyleClass().add("problem-message");
            message.setWrapText(true);
            message.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(message, Priority.ALWAYS);
            line.getStyleClass().add("problem-line");
            line.setMinWidth(Label.USE_PREF_SIZE);
            box.getStyleClass().add("problem-row");
            box.setAlignment(Pos.CENTER_LEFT);
            setPrefWidth(0); // wrap to the list's width instead of widening it
        }

        @Override
        protected void updateItem(Problem problem, boolean empty) {
            super.updateItem(problem, empty);
            boolean error = !empty && problem != null && problem.kind().severity() == ProblemKind.Severity.ERROR;
            pseudoClassStateChanged(ERROR, error);
            pseudoClassStateChanged(NOTICE, !empty && problem != null && !error);
            setText(null);
            if (empty || problem == null) {
                setGraphic(null);
                return;
            }
            icon.setIconCode(error ? Material2AL.ERROR : Material2AL.INFO);
            kind.setText(problem.kind().kind());
            description.setText(problem.kind().description());
            message.setText(problem.message());
            line.setText(problem.line() >= 0 ? "line " + problem.line() : "");
            setGraphic(box);
        }
    }
}
