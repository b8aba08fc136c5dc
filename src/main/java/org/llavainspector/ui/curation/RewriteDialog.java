package org.llavainspector.ui.curation;

import java.util.List;
import java.util.concurrent.Executor;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.llavainspector.core.curation.ImagePathRewrite;
import org.llavainspector.core.curation.SampleKey;
import org.llavainspector.core.curation.Session;
import org.llavainspector.core.image.ImageSources;
import org.llavainspector.core.util.CancellableMonitor;
import org.llavainspector.ui.common.Background;

/**
 * Bulk image-path rewrite over the samples shown: pick a kind, see before → after for a sample of records and how
 * many images resolve before and after, then apply it as one undoable step. The result is the rewrite to apply.
 */
public final class RewriteDialog extends Dialog<ImagePathRewrite> {
    private static final List<String> KINDS = List.of("add prefix", "strip prefix", "replace prefix", "change extension",
            "regex (Java, $1 in the replacement)");

    private final ComboBox<String> kind = new ComboBox<>();
    private final TextField first = new TextField();
    private final TextField second = new TextField();
    private final Label counts = new Label();
    private final TableView<ImagePathRewrite.Row> preview = new TableView<>();
    private ImagePathRewrite current;
    private CancellableMonitor running;

    /** @param sources the open image sources; asked for on the background thread (they may still be opening) */
    public RewriteDialog(Session session, List<SampleKey> targets, java.util.function.Supplier<ImageSources> sources,
            Executor executor) {
        setTitle("Rewrite image paths");
        setHeaderText("Rewrite the image paths of " + targets.size() + " samples (one undoable step)");
        kind.setId("rewrite-kind");
        kind.getItems().setAll(KINDS);
        kind.getSelectionModel().selectFirst();
        first.setId("rewrite-first");
        second.setId("rewrite-second");
        counts.setId("rewrite-counts");
        preview.setId("rewrite-preview");
        preview.setPrefHeight(260);
        preview.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        preview.getColumns().add(column("id", 140, r -> r.id()));
        preview.getColumns().add(column("before", 280, r -> String.join(", ", r.before())));
        preview.getColumns().add(column("after", 280, r -> String.join(", ", r.after())));
        Label firstLabel = new Label();
        Label secondLabel = new Label();
        Runnable labels = () -> {
            int k = kind.getSelectionModel().getSelectedIndex();
            firstLabel.setText(k == 3 ? "extension" : k == 4 ? "regex" : "prefix");
            secondLabel.setText(k == 2 || k == 4 ? "replacement" : "");
            second.setDisable(!(k == 2 || k == 4));
        };
        labels.run();
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("rewrite"), kind);
        form.addRow(1, firstLabel, first);
        form.addRow(2, secondLabel, second);
        first.setPrefColumnCount(40);
        VBox box = new VBox(10, form, counts, preview);
        box.setPadding(new Insets(12));
        getDialogPane().setContent(box);
        getDialogPane().getButtonTypes().addAll(ButtonType.APPLY, ButtonType.CANCEL);
        getDialogPane().lookupButton(ButtonType.APPLY).setId("rewrite-apply");
        PauseTransition pause = new PauseTransition(Duration.millis(250));
        pause.setOnFinished(e -> update(session, targets, sources, executor));
        kind.valueProperty().addListener((o, a, b) -> {
            labels.run();
            pause.playFromStart();
        });
        first.textProperty().addListener((o, a, b) -> pause.playFromStart());
        second.textProperty().addListener((o, a, b) -> pause.playFromStart());
        getDialogPane().lookupButton(ButtonType.APPLY).setDisable(true);
        setResultConverter(button -> button == ButtonType.APPLY ? current : null);
    }

    private void update(Session session, List<SampleKey> targets, java.util.function.Supplier<ImageSources> sources,
            Executor executor) {
        if (running != null) {
            running.cancel();
        }
        getDialogPane().lookupButton(ButtonType.APPLY).setDisable(true);
        ImagePathRewrite rewrite;
        try {
            rewrite = build();
        } catch (IllegalArgumentException e) {
            counts.setText(e.getMessage());
            preview.getItems().clear();
            current = null;
            return;
        }
        if (rewrite == null) {
            counts.setText("");
            preview.getItems().clear();
            return;
        }
        CancellableMonitor monitor = new CancellableMonitor();
        running = monitor;
        counts.setText("working out the preview…");
        Background.task(() -> rewrite.preview(session, targets, sources.get(), 50, monitor)).onSuccess(p -> {
            if (monitor.isCancelled()) {
                return;
            }
            current = rewrite;
            preview.getItems().setAll(p.rows());
            counts.setText(String.format("%,d of %,d samples change (%,d of %,d images); images that resolve: %s → %s",
                    p.changedSamples(), p.samples(), p.changedImages(), p.images(), resolved(p.resolvedBefore()),
                    resolved(p.resolvedAfter())));
            getDialogPane().lookupButton(ButtonType.APPLY).setDisable(p.changedSamples() == 0);
        }).onError(e -> counts.setText(e.getMessage())).start(executor);
    }

    private static String resolved(int n) {
        return n < 0 ? "?" : String.format("%,d", n);
    }

    private ImagePathRewrite build() {
        String a = first.getText();
        if (a.isEmpty()) {
            return null;
        }
        switch (kind.getSelectionModel().getSelectedIndex()) {
            case 0:
                return ImagePathRewrite.addPrefix(a);
            case 1:
                return ImagePathRewrite.stripPrefix(a);
            case 2:
                return ImagePathRewrite.replacePrefix(a, second.getText());
            case 3:
                return ImagePathRewrite.extension(a);
            default:
                return ImagePathRewrite.regex(a, second.getText());
        }
    }

    private static TableColumn<ImagePathRewrite.Row, String> column(String name, double width,
            java.util.function.Function<ImagePathRewrite.Row, String> value) {
        TableColumn<ImagePathRewrite.Row, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }
}
