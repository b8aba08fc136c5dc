package org.llavainspector.ui.insight;

import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.llavainspector.core.compare.CompareCategory;
import org.llavainspector.core.compare.ComparisonQueryFields;
import org.llavainspector.core.compare.RecordDiff;
import org.llavainspector.core.compare.RecordPair;

/**
 * The comparison of two files: per category how many samples of A and of B it holds, as buttons that filter the
 * browser (and export buttons), the pairs of a paired category, and the chosen pair side by side with the rows that
 * differ highlighted.
 */
public final class CompareView extends BorderPane {
    /** Style class of a side-by-side row whose two sides differ. */
    public static final String DIFFERS = "compare-differs";

    private final CompareViewModel model;
    private final GridPane categories = new GridPane();
    private final GridPane sideBySide = new GridPane();
    private final Label pairsTitle = new Label();
    private final ListView<RecordPair> pairs = new ListView<>();

    /**
     * @param filter told the query of a category when its button is clicked
     * @param export told a category whose samples are to be exported
     */
    public CompareView(CompareViewModel model, Consumer<String> filter, Consumer<CompareCategory> export) {
        this.model = model;
        getStyleClass().add("compare-view");
        setId("compare-view");
        setTop(toolbar());
        categories.setId("compare-categories");
        categories.getStyleClass().add("compare-categories");
        categories.setHgap(12);
        categories.setVgap(6);
        categories.setPadding(new Insets(12));
        categories.disableProperty().bind(model.resultProperty().isNull());
        buildCategories(filter, export);
        model.resultProperty().addListener((obs, old, r) -> updateCounts(r));

        pairsTitle.getStyleClass().add("compare-title");
        pairsTitle.textProperty().bind(model.pairCategoryProperty().map(c -> "Pairs: " + c.label()));
        pairs.setId("compare-pairs");
        pairs.setItems(model.pairs());
        pairs.setPlaceholder(new Label("no pairs"));
        pairs.setCellFactory(list -> new PairCell());
        pairs.setPrefHeight(180);
        pairs.getSelectionModel().selectedItemProperty().addListener((obs, old, pair) -> model.showPair(pair));
        Label hint = new Label("A category button shows its samples in the browser (the filter cmp:...); choose a"
                + " pair to read A and B side by side.");
        hint.getStyleClass().add("compare-message");
        hint.setWrapText(true);
        VBox left = new VBox(8, categories, hint, pairsTitle, pairs);
        left.setPadding(new Insets(0, 0, 12, 12));
        VBox.setVgrow(pairs, Priority.ALWAYS);

        sideBySide.setId("compare-side-by-side");
        sideBySide.getStyleClass().add("compare-side-by-side");
        sideBySide.setHgap(1);
        sideBySide.setVgap(1);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(70);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(44);
        half.setFillWidth(true);
        sideBySide.getColumnConstraints().addAll(labels, half, half);
        model.diff().addListener((ListChangeListener<RecordDiff.Row>) c -> showDiff());
        showDiff();
        ScrollPane scroll = new ScrollPane(sideBySide);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("compare-scroll");

        SplitPane split = new SplitPane(left, scroll);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.42);
        setCenter(split);
    }

    private VBox toolbar() {
        Label files = new Label("A  " + model.nameA() + "   ·   B  " + model.nameB());
        files.setId("compare-files");
        files.getStyleClass().add("compare-title");
        Button cancel = new Button("Cancel");
        cancel.setId("compare-cancel");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        Button again = new Button("Compare again");
        again.setId("compare-restart");
        again.disableProperty().bind(model.runningProperty());
        again.setOnAction(e -> model.start());
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        again.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(10, files, gap, cancel, again);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        ProgressBar progress = new ProgressBar();
        progress.setId("compare-progress");
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.runningProperty());
        progress.managedProperty().bind(model.runningProperty());
        Label message = new Label();
        message.setId("compare-message");
        message.getStyleClass().add("compare-message");
        message.textProperty().bind(model.messageProperty());
        HBox status = new HBox(10, progress, message);
        status.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        VBox bar = new VBox(6, top, status);
        bar.getStyleClass().add("compare-toolbar");
        bar.setPadding(new Insets(8, 12, 8, 12));
        return bar;
    }

    private void buildCategories(Consumer<String> filter, Consumer<CompareCategory> export) {
        categories.addRow(0, new Label(), header("in A"), header("in B"), new Label());
        int row = 1;
        for (CompareCategory c : CompareCategory.values()) {
            Button show = new Button(c.label());
            show.setId("compare-" + c.value());
            show.setMaxWidth(Double.MAX_VALUE);
            show.setTooltip(new Tooltip("Show these samples in the browser: " + c.query()));
            show.setOnAction(e -> {
                filter.accept(c.query());
                model.showPairs(c);
            });
            Label inA = new Label("–");
            inA.setId("compare-" + c.value() + "-a");
            Label inB = new Label("–");
            inB.setId("compare-" + c.value() + "-b");
            Button save = new Button(null, new FontIcon("mdal-get_app"));
            save.setId("compare-export-" + c.value());
            save.setTooltip(new Tooltip("Export these samples (" + c.query() + ")…"));
            save.setOnAction(e -> export.accept(c));
            categories.addRow(row++, show, inA, inB, save);
        }
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("compare-title");
        return l;
    }

    private void updateCounts(ComparisonQueryFields r) {
        for (CompareCategory c : CompareCategory.values()) {
            Label inA = (Label) categories.lookup("#compare-" + c.value() + "-a");
            Label inB = (Label) categories.lookup("#compare-" + c.value() + "-b");
            inA.setText(r == null ? "–" : String.format("%,d", r.records(c, r.fileA()).length));
            inB.setText(r == null ? "–" : String.format("%,d", r.records(c, r.fileB()).length));
        }
    }

    private void showDiff() {
        sideBySide.getChildren().clear();
        if (model.diff().isEmpty()) {
            Label none = new Label("Choose a pair to see A and B side by side.");
            none.getStyleClass().add("compare-message");
            sideBySide.add(none, 0, 0, 3, 1);
            return;
        }
        long differ = RecordDiff.differences(model.diff());
        sideBySide.addRow(0, cell(differ + (differ == 1 ? " differs" : " differ"), false),
                cell("A  " + model.nameA(), false), cell("B  " + model.nameB(), false));
        sideBySide.getChildren().forEach(n -> n.getStyleClass().add("compare-title"));
        int row = 1;
        for (RecordDiff.Row r : model.diff()) {
            Label label = cell(r.label(), r.differs());
            label.getStyleClass().add("compare-label");
            sideBySide.addRow(row++, label, cell(r.a(), r.differs()), cell(r.b(), r.differs()));
        }
    }

    private static Label cell(String text, boolean differs) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMaxHeight(Double.MAX_VALUE);
        l.getStyleClass().add("compare-cell");
        if (differs) {
            l.getStyleClass().add(DIFFERS);
        }
        return l;
    }

    /** One pair: A's record number and id beside B's. */
    private final class PairCell extends ListCell<RecordPair> {
        @Override
        protected void updateItem(RecordPair pair, boolean empty) {
            super.updateItem(pair, empty);
            setText(empty || pair == null ? null : "A #" + pair.a() + " " + model.idOf(0, pair.a()) + "   ↔   B #"
                    + pair.b() + " " + model.idOf(1, pair.b()));
        }
    }

    public CompareViewModel model() {
        return model;
    }
}
