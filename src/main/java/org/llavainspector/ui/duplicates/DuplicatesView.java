package org.llavainspector.ui.duplicates;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.collections.MapChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.llavainspector.core.compare.DuplicateGroups.Group;
import org.llavainspector.core.compare.DuplicateGroups.Kind;
import org.llavainspector.core.compare.NearDuplicates;
import org.llavainspector.core.curation.Mark;
import org.llavainspector.core.dataset.DatasetIndex;
import org.llavainspector.core.image.LoadedImage;
import org.llavainspector.ui.common.FxImages;

/**
 * The duplicates of a file: a selector of the kind of group (with counts), the list of groups, and the selected
 * group's samples side by side as cards (thumbnail, id, image path, file, first question, mark), each with
 * "Keep this, reject the rest"; the group can be shown in the main browser.
 */
public final class DuplicatesView extends BorderPane {
    /** Cards shown at most for one group (a group of thousands of copies would only be slow to lay out). */
    static final int MAX_CARDS = 60;

    private final DuplicatesViewModel model;
    private final Function<String, CompletableFuture<LoadedImage>> thumbnails;
    private final HBox cards = new HBox();
    private final Label title = new Label();
    private final List<Runnable> onClear = new ArrayList<>();
    private final List<Runnable> refreshMarks = new ArrayList<>();

    /** @param thumbnails loads a thumbnail of a dataset image path (cancel the future when no longer wanted) */
    public DuplicatesView(DuplicatesViewModel model, Function<String, CompletableFuture<LoadedImage>> thumbnails) {
        this.model = model;
        this.thumbnails = thumbnails;
        setId("duplicates-view");
        getStyleClass().add("duplicates-view");
        setTop(toolbar());

        ListView<Group> list = new ListView<>(model.shownGroups());
        list.setId("duplicates-groups");
        list.getStyleClass().add("duplicates-groups");
        list.setPrefWidth(280);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Group g, boolean empty) {
                super.updateItem(g, empty);
                setText(empty || g == null ? null : g.size() + " × " + g.key());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.selectedProperty().set(b);
            }
        });
        model.selectedProperty().addListener((o, a, b) -> {
            if (b != null && list.getSelectionModel().getSelectedItem() != b) {
                list.getSelectionModel().select(b);
            }
            showGroup(b);
        });
        setLeft(list);

        Button show = new Button("Show in browser");
        show.setId("show-in-browser");
        show.setOnAction(e -> {
            if (model.selectedProperty().get() != null) {
                model.showInBrowser(model.selectedProperty().get());
            }
        });
        Button keepAll = new Button("Keep first, reject the rest in all groups…");
        keepAll.setId("keep-first-all");
        keepAll.setOnAction(e -> confirmKeepFirstInAll());
        show.disableProperty().bind(model.selectedProperty().isNull());
        keepAll.disableProperty().bind(model.selectedProperty().isNull());
        title.setId("group-title");
        title.getStyleClass().add("duplicates-title");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        show.setMinWidth(Region.USE_PREF_SIZE);
        keepAll.setMinWidth(Region.USE_PREF_SIZE);
        title.setMinWidth(0);
        HBox header = new HBox(8, title, gap, show, keepAll);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("duplicates-header");
        cards.setId("duplicates-cards");
        cards.getStyleClass().add("duplicates-cards");
        ScrollPane scroll = new ScrollPane(cards);
        scroll.getStyleClass().add("duplicates-scroll");
        scroll.setFitToHeight(true);
        VBox center = new VBox(header, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        setCenter(center);

        model.curationVersionProperty().addListener((o, a, b) -> refreshMarks.forEach(Runnable::run));
        showGroup(model.selectedProperty().get());
    }

    private HBox toolbar() {
        ToggleGroup kinds = new ToggleGroup();
        HBox bar = new HBox(6);
        bar.getStyleClass().add("duplicates-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        for (Kind k : Kind.values()) {
            ToggleButton b = new ToggleButton();
            b.setId("kind-" + k.jsonName());
            b.setToggleGroup(kinds);
            b.setUserData(k);
            Runnable label = () -> {
                List<Group> g = model.groups().get(k);
                b.setText(k.label() + (g == null ? " (…)" : " (" + g.size() + ")"));
            };
            label.run();
            model.groups().addListener((MapChangeListener<Kind, List<Group>>) c -> label.run());
            b.setSelected(model.kindProperty().get() == k);
            b.setMinWidth(Region.USE_PREF_SIZE); // the summary gives way, not the kinds
            bar.getChildren().add(b);
        }
        kinds.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true); // one kind is always chosen
            } else {
                model.kindProperty().set((Kind) b.getUserData());
            }
        });
        ProgressBar progress = new ProgressBar();
        progress.setId("duplicates-progress");
        progress.progressProperty().bind(model.progressProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("duplicates-cancel");
        cancel.setOnAction(e -> model.cancel());
        Label message = new Label();
        message.setId("duplicates-message");
        message.getStyleClass().add("duplicates-message");
        message.textProperty().bind(model.messageProperty());
        message.setMinWidth(0);
        HBox.setHgrow(message, Priority.ALWAYS);
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.textProperty().bind(message.textProperty());
        message.setTooltip(whole);
        progress.visibleProperty().bind(model.runningProperty());
        progress.managedProperty().bind(model.runningProperty());
        cancel.visibleProperty().bind(model.runningProperty());
        cancel.managedProperty().bind(model.runningProperty());
        Button again = new Button("Find again");
        again.setId("duplicates-again");
        again.setOnAction(e -> model.start());
        again.setMinWidth(Region.USE_PREF_SIZE);
        again.visibleProperty().bind(model.runningProperty().not());
        again.managedProperty().bind(model.runningProperty().not());
        bar.getChildren().addAll(progress, cancel, again, message);
        return bar;
    }

    private void showGroup(Group group) {
        onClear.forEach(Runnable::run);
        onClear.clear();
        refreshMarks.clear();
        cards.getChildren().clear();
        if (group == null) {
            title.setText(model.shownGroups().isEmpty() ? "No groups of this kind" : "");
            return;
        }
        title.setText(group.size() + " samples · " + group.kind().label() + " · " + group.key());
        Map<String, Integer> distances = new java.util.HashMap<>();
        NearDuplicates.Result near = model.near();
        if (group.kind() == Kind.NEAR_IMAGE && near != null) {
            near.imagesOf(group).forEach(i -> distances.put(i.path(), i.distance()));
        }
        int[] records = group.records();
        for (int i = 0; i < Math.min(records.length, MAX_CARDS); i++) {
            cards.getChildren().add(card(group, records[i], distances));
        }
        if (records.length > MAX_CARDS) {
            Label more = new Label(String.format(Locale.ROOT, "… and %,d more (Show in browser lists them all)",
                    records.length - MAX_CARDS));
            more.getStyleClass().add("duplicates-message");
            cards.getChildren().add(more);
        }
    }

    private VBox card(Group group, int record, Map<String, Integer> distances) {
        DatasetIndex index = model.source().index();
        String image = index.firstImage(record);
        ImageView view = new ImageView();
        view.setFitWidth(200);
        view.setFitHeight(160);
        view.setPreserveRatio(true);
        Label placeholder = new Label(image == null ? "no image" : "");
        placeholder.getStyleClass().add("duplicate-placeholder");
        StackPane frame = new StackPane(placeholder, view);
        frame.getStyleClass().add("duplicate-thumbnail");
        frame.setMinSize(200, 160);
        frame.setPrefSize(200, 160);
        if (image != null) {
            CompletableFuture<LoadedImage> load = thumbnails.apply(image);
            onClear.add(() -> load.cancel(false));
            load.thenAccept(loaded -> Platform.runLater(() -> {
                view.setImage(FxImages.toFx(loaded));
                if (!loaded.hasPixels()) {
                    placeholder.setText(loaded.status().kind());
                }
            }));
        }
        Label id = new Label(String.valueOf(index.id(record)));
        id.getStyleClass().add("duplicate-id");
        Integer distance = image == null ? null : distances.get(image);
        Label path = new Label((image == null ? "(no image)" : image)
                + (distance == null ? "" : " · " + distance + " bits"));
        path.getStyleClass().add("duplicate-path");
        Label file = new Label(index.file().getFileName() + " · record " + record);
        file.getStyleClass().add("duplicate-file");
        Label question = new Label("…");
        question.getStyleClass().add("duplicate-question");
        question.setWrapText(true);
        question.setMaxHeight(80);
        CompletableFuture<String> q = model.firstQuestion(record);
        onClear.add(() -> q.cancel(false));
        q.thenAccept(text -> Platform.runLater(() -> question.setText(snippet(text))));
        Label mark = new Label();
        mark.setId("mark-" + record);
        Runnable updateMark = () -> {
            Mark m = model.markOf(record);
            mark.setText(m == null ? "no mark" : m.label());
            mark.getStyleClass().setAll("label", "duplicate-mark", m == null ? "duplicate-mark-none"
                    : "duplicate-mark-" + m.label());
        };
        updateMark.run();
        refreshMarks.add(updateMark);
        Button keep = new Button("Keep this, reject the rest");
        keep.setId("keep-only-" + record);
        keep.setOnAction(e -> model.keepOnly(group, record));
        VBox card = new VBox(4, frame, id, path, file, question, mark, keep);
        card.setId("card-" + record);
        card.getStyleClass().add("duplicate-card");
        card.setPrefWidth(220);
        card.setMinWidth(220);
        return card;
    }

    private static String snippet(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 160 ? oneLine.substring(0, 157) + "…" : oneLine;
    }

    private void confirmKeepFirstInAll() {
        int n = model.shownGroups().size();
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "In each of the " + n + " groups of kind \""
                + model.kindProperty().get().label() + "\", mark the first sample keep and the others reject?"
                + " (One step: Ctrl+Z in the main window undoes it.)", ButtonType.OK, ButtonType.CANCEL);
        confirm.setHeaderText("Keep the first of every group");
        if (getScene() != null) {
            confirm.initOwner(getScene().getWindow());
        }
        confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> model.keepFirstInAll());
    }
}
