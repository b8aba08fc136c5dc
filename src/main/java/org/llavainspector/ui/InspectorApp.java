package org.llavainspector.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.llavainspector.core.dataset.Dataset;
import org.llavainspector.core.dataset.DemoDataset;
import org.llavainspector.core.dataset.SampleRecord;
import org.llavainspector.core.dataset.Turn;
import org.llavainspector.core.util.TaskMonitor;

/**
 * The desktop window. For now a minimal browser over the core: a list of samples and the selected conversation;
 * the full inspector (grid, images, search) is a later issue.
 */
public final class InspectorApp extends Application {
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "inspector-background");
        t.setDaemon(true);
        return t;
    });
    private final ListView<Integer> samples = new ListView<>();
    private final TextArea conversation = new TextArea();
    private final Label status = new Label("Opening…");
    private Dataset dataset;

    /** Called by the launcher (by name, so that command-line runs never load JavaFX). */
    public static void launchApp(String[] args) {
        Application.launch(InspectorApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        samples.setId("sample-list");
        conversation.setId("conversation");
        status.setId("status");
        conversation.setEditable(false);
        conversation.setWrapText(true);
        samples.setCellFactory(list -> new SampleCell());
        samples.getSelectionModel().selectedItemProperty().addListener((obs, old, index) -> show(index));

        SplitPane split = new SplitPane(samples, conversation);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.35);
        BorderPane root = new BorderPane(split);
        root.setBottom(status);
        stage.setTitle("LLaVA Inspector");
        stage.setScene(new Scene(root, 1100, 700));
        stage.show();
        open(datasetToOpen());
    }

    private Path datasetToOpen() {
        List<String> args = getParameters() == null ? List.of() : getParameters().getUnnamed();
        return args.isEmpty() ? DemoDataset.file() : Path.of(args.get(0));
    }

    private void open(Path file) {
        Task<Dataset> task = new Task<>() {
            @Override
            protected Dataset call() throws Exception {
                return Dataset.open(file, TaskMonitor.NONE);
            }
        };
        task.setOnSucceeded(e -> {
            dataset = task.getValue();
            int n = dataset.index().size();
            samples.getItems().setAll(java.util.stream.IntStream.range(0, n).boxed().toList());
            status.setText(file.getFileName() + " — " + n + " samples");
            samples.getSelectionModel().selectFirst();
        });
        task.setOnFailed(e -> status.setText("Cannot open: " + task.getException().getMessage()));
        background.execute(task);
    }

    private void show(Integer index) {
        if (index == null || dataset == null) {
            return;
        }
        Dataset current = dataset;
        Task<String> task = new Task<>() {
            @Override
            protected String call() throws Exception {
                SampleRecord record = current.record(index);
                StringBuilder sb = new StringBuilder("id: ").append(record.id()).append('\n');
                sb.append("image: ").append(record.images().isEmpty() ? "(text-only)" : String.join(", ", record.images()));
                current.metadataOf(index).forEach((k, v) -> sb.append('\n').append(k).append(": ").append(v));
                for (Turn t : record.turns()) {
                    sb.append("\n\n[").append(t.from()).append("]\n").append(t.value());
                }
                return sb.toString();
            }
        };
        task.setOnSucceeded(e -> conversation.setText(task.getValue()));
        task.setOnFailed(e -> conversation.setText("Cannot read sample " + index + ": " + task.getException().getMessage()));
        background.execute(task);
    }

    @Override
    public void stop() {
        background.shutdownNow();
        if (dataset != null) {
            dataset.close();
        }
        Platform.exit();
    }

    /** Shows a sample's number, id and image from the in-memory index (no disk access on the FX thread). */
    private final class SampleCell extends ListCell<Integer> {
        @Override
        protected void updateItem(Integer index, boolean empty) {
            super.updateItem(index, empty);
            if (empty || index == null || dataset == null) {
                setText(null);
                return;
            }
            String image = dataset.index().firstImage(index);
            setText(index + "   " + dataset.index().id(index) + "   " + (image == null ? "(text-only)" : image));
        }
    }
}
