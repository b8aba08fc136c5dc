package org.llavainspector.ui.browse;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.llavainspector.core.dataset.SampleRecord;
import org.llavainspector.ui.curation.CurationViewModel;
import org.llavainspector.ui.main.MainViewModel;

/**
 * The list mode: one row per sample shown (number, id, image, turns, first question, file), virtualized, so it
 * stays smooth with 600K rows. Everything but the first question comes from the in-memory index; the first
 * question is read in the background for the rows on screen and kept in a small cache.
 */
public final class TableBrowseView extends TableView<Integer> {
    private final MainViewModel model;
    private final Cache<Integer, String> questions = Caffeine.newBuilder().maximumSize(5_000).build();
    private boolean syncing;

    public TableBrowseView(MainViewModel model) {
        super(model.visibleSamples());
        this.model = model;
        setId("browse-table");
        getStyleClass().add("browse-table");
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getColumns().add(column("#", 64, g -> String.valueOf(g)));
        // ids and paths differ at their ends (GCC_train_002267162, coco/train2017/000000033471.jpg): cut at the front
        getColumns().add(endFirst(column("id", 150, model::idOf)));
        getColumns().add(endFirst(column("image", 220, g -> {
            String image = model.firstImage(g);
            int n = model.collection().datasetOf(g).index().imageCount(model.collection().recordOf(g));
            return image == null ? "(text-only)" : n > 1 ? image + " (+" + (n - 1) + ")" : image;
        })));
        getColumns().add(column("turns", 56, g -> String.valueOf(
                model.collection().datasetOf(g).index().turnCount(model.collection().recordOf(g)))));
        TableColumn<Integer, Integer> question = new TableColumn<>("first question");
        question.setPrefWidth(380);
        question.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        question.setCellFactory(c -> new QuestionCell());
        question.setSortable(false);
        getColumns().add(question);
        TableColumn<Integer, String> file = column("file", 140, g -> model.collection().datasetOf(g).file().getFileName().toString());
        file.setId("column-file");
        getColumns().add(file);
        getColumns().add(column("marks", 100, g -> CurationViewModel.label(model.curation().stateOf(g))));
        // which file a sample came from only says something when several are open
        Runnable showFile = () -> file.setVisible(model.collection().datasets().size() > 1);
        model.visibleSamples().addListener((javafx.collections.ListChangeListener<Integer>) c -> showFile.run());
        showFile.run();
        getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        getSelectionModel().getSelectedIndices().addListener((javafx.collections.ListChangeListener<Integer>) c -> {
            java.util.List<Integer> chosen = new java.util.ArrayList<>();
            for (int i : getSelectionModel().getSelectedIndices()) {
                if (i >= 0 && i < getItems().size()) {
                    chosen.add(getItems().get(i));
                }
            }
            model.selection().setAll(chosen);
        });
        model.curation().versionProperty().addListener((obs, old, v) -> refresh());
        getSelectionModel().selectedIndexProperty().addListener((obs, old, idx) -> {
            if (!syncing && idx.intValue() >= 0 && getSelectionModel().getSelectedIndices().size() <= 1) {
                model.currentPositionProperty().set(idx.intValue());
            }
        });
        // only the browser in use is in the scene: the list catches up with the current sample when it is shown
        model.currentPositionProperty().addListener((obs, old, pos) -> select(pos.intValue()));
        sceneProperty().addListener((obs, old, scene) -> select(model.currentPositionProperty().get()));
    }

    private void select(int pos) {
        if (getScene() == null || pos < 0 || pos == getSelectionModel().getSelectedIndex()) {
            return;
        }
        syncing = true;
        getSelectionModel().clearAndSelect(pos);
        syncing = false;
        scrollTo(Math.max(0, pos - 3));
    }

    private static TableColumn<Integer, String> endFirst(TableColumn<Integer, String> column) {
        column.getStyleClass().add("cut-at-front");
        return column;
    }

    private static TableColumn<Integer, String> column(String name, double width,
            java.util.function.IntFunction<String> value) {
        TableColumn<Integer, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        // the table shrinks its columns to fit its width: a sample number up to 999,999 and a header such as "turns"
        // stay readable
        c.setMinWidth(Math.min(width, 52));
        c.setSortable(false);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }

    /** Shows the first human question, read off the FX thread for the rows on screen only. */
    private final class QuestionCell extends TableCell<Integer, Integer> {
        @Override
        protected void updateItem(Integer g, boolean empty) {
            super.updateItem(g, empty);
            if (empty || g == null) {
                setText(null);
                return;
            }
            String known = questions.getIfPresent(g);
            if (known != null) {
                setText(known);
                return;
            }
            setText("…");
            model.context().background().execute(() -> {
                String q;
                try {
                    SampleRecord r = model.collection().datasetOf(g).record(model.collection().recordOf(g));
                    q = r.firstQuestion().replace('\n', ' ');
                } catch (java.io.IOException | RuntimeException e) {
                    q = "(unreadable: " + e.getMessage() + ")";
                }
                questions.put(g, q);
                String text = q;
                Platform.runLater(() -> {
                    if (g.equals(getItem())) {
                        setText(text);
                    }
                });
            });
        }
    }
}
