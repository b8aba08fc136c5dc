package org.llavainspector.ui.curation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.llavainspector.core.curation.Mark;
import org.llavainspector.core.curation.Session;
import org.llavainspector.core.dataset.DatasetIndex;
import org.llavainspector.core.export.ExportFormat;
import org.llavainspector.core.export.ExportOptions;
import org.llavainspector.core.export.ExportResult;
import org.llavainspector.core.export.ExportSelection;
import org.llavainspector.core.export.Exporter;
import org.llavainspector.core.export.RecordFilter;
import org.llavainspector.core.image.ImageSources;
import org.llavainspector.core.util.CancellableMonitor;
import org.llavainspector.ui.common.Background;

/**
 * Exports a subset: what (the samples shown, all, all but rejected, only kept), an optional first / random N with
 * a seed, the format, and optionally a stored zip or folder of the images; runs in the background with progress and
 * cancel, writes atomically, never over a source, and says what it wrote.
 */
public final class ExportDialog extends Dialog<ExportResult> {
    /** What the dialog needs from the window. */
    public record Context(List<DatasetIndex> files, Session session, RecordFilter shown, int shownCount,
            java.util.function.Supplier<ImageSources> sources, List<Path> protectedFiles, Executor executor,
            Consumer<String> report) {
    }

    private final ChoiceBox<String> what = new ChoiceBox<>();
    private final ChoiceBox<String> cut = new ChoiceBox<>();
    private final TextField amount = new TextField("100");
    private final TextField seed = new TextField("42");
    private final ChoiceBox<ExportFormat> format = new ChoiceBox<>();
    private final TextField out = new TextField();
    private final CheckBox copyImages = new CheckBox("also copy the images into");
    private final TextField imagesOut = new TextField();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label message = new Label();
    private CancellableMonitor running;

    public ExportDialog(Context context, Path suggestedOut) {
        setTitle("Export");
        setHeaderText("Export samples to a new dataset file (the sources are never changed)");
        what.setId("export-what");
        what.getItems().setAll("the " + context.shownCount() + " samples shown", "all samples", "all but rejected",
                "only kept", "kept or unmarked");
        what.getSelectionModel().selectFirst();
        cut.setId("export-cut");
        cut.getItems().setAll("all of them", "the first N", "a random N", "a random N%");
        cut.getSelectionModel().selectFirst();
        amount.setId("export-amount");
        amount.setPrefColumnCount(6);
        seed.setPrefColumnCount(6);
        format.setId("export-format");
        format.getItems().setAll(ExportFormat.values());
        format.getSelectionModel().select(ExportFormat.JSON);
        out.setId("export-out");
        out.setText(suggestedOut.toString());
        out.setPrefColumnCount(44);
        imagesOut.setId("export-images-out");
        imagesOut.setText(suggestedOut.resolveSibling("images-export.zip").toString());
        imagesOut.disableProperty().bind(copyImages.selectedProperty().not());
        copyImages.setId("export-copy-images");
        progress.setId("export-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        message.setId("export-message");
        message.setWrapText(true);
        Button browse = new Button("…");
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName(Path.of(out.getText()).getFileName().toString());
            java.io.File f = chooser.showSaveDialog(getDialogPane().getScene().getWindow());
            if (f != null) {
                out.setText(f.getPath());
            }
        });

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label("export"), what);
        form.addRow(1, new Label("take"), new HBox(6, cut, new Label("N ="), amount, new Label("seed"), seed));
        form.addRow(2, new Label("format"), format);
        form.addRow(3, new Label("to"), new HBox(6, out, browse));
        form.addRow(4, copyImages, imagesOut);
        VBox box = new VBox(12, form, progress, message);
        box.setPadding(new Insets(12));
        getDialogPane().setContent(box);
        ButtonType run = new ButtonType("Export", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(run, ButtonType.CLOSE);
        Button runButton = (Button) getDialogPane().lookupButton(run);
        runButton.setId("export-run");
        // the dialog stays open while exporting: Export starts the work, Close cancels it
        runButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            start(context, runButton);
        });
        setOnCloseRequest(e -> {
            if (running != null) {
                running.cancel();
            }
        });
        setResultConverter(button -> null);
    }

    private void start(Context context, Button runButton) {
        ExportSelection selection;
        ExportOptions options;
        Path imagesTo;
        try {
            selection = selection(context);
            options = ExportOptions.to(Path.of(out.getText().strip()), format.getValue())
                    .protecting(context.protectedFiles());
            imagesTo = copyImages.isSelected() ? Path.of(imagesOut.getText().strip()) : null;
        } catch (IllegalArgumentException e) {
            message.setText(e.getMessage());
            return;
        }
        CancellableMonitor monitor = new CancellableMonitor((done, total) -> javafx.application.Platform.runLater(
                () -> progress.setProgress(total <= 0 ? -1 : (double) done / total)));
        running = monitor;
        runButton.setDisable(true);
        message.setText("exporting…");
        ExportOptions chosen = options;
        Background.task(() -> {
            // the image sources are asked for here, off the FX thread: they may still be opening
            ImageSources sources = context.sources().get();
            ExportOptions withSources = imagesTo == null ? chosen.withImageSources(sources)
                    : chosen.withImages(sources, imagesTo);
            return new Exporter(context.files(), context.session()).export(selection, withSources, monitor);
        })
                .onSuccess(result -> {
                    running = null;
                    runButton.setDisable(false);
                    progress.setProgress(1);
                    String text = describe(result);
                    message.setText(text);
                    context.report().accept(text);
                })
                .onError(e -> {
                    running = null;
                    runButton.setDisable(false);
                    progress.setProgress(0);
                    message.setText(e instanceof java.util.concurrent.CancellationException ? "cancelled: nothing written"
                            : "export failed: " + e.getMessage());
                })
                .start(context.executor());
    }

    private ExportSelection selection(Context context) {
        ExportSelection s = ExportSelection.all();
        switch (what.getSelectionModel().getSelectedIndex()) {
            case 0:
                s = s.withFilter(context.shown());
                break;
            case 2:
                s = s.allButRejected();
                break;
            case 3:
                s = s.withMarks(EnumSet.of(Mark.KEEP), false);
                break;
            case 4:
                s = s.withMarks(EnumSet.of(Mark.KEEP), true);
                break;
            default:
                break;
        }
        int k = cut.getSelectionModel().getSelectedIndex();
        if (k > 0) {
            double n;
            long sd;
            try {
                n = Double.parseDouble(amount.getText().strip());
                sd = Long.parseLong(seed.getText().strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("N and seed must be numbers");
            }
            ExportSelection.SampleKind kind = k == 1 ? ExportSelection.SampleKind.FIRST
                    : k == 2 ? ExportSelection.SampleKind.RANDOM_COUNT : ExportSelection.SampleKind.RANDOM_PERCENT;
            s = s.withSample(new ExportSelection.Sample(kind, n, sd));
        }
        return s;
    }

    /** One line: what was written where. */
    static String describe(ExportResult r) {
        List<String> parts = new ArrayList<>();
        parts.add(String.format("wrote %,d records (%,d edited) to %s, %,d bytes", r.records(), r.edited(), r.out(),
                r.bytes()));
        if (r.images() != null) {
            parts.add(String.format("%,d images copied to %s%s", r.images().copied(), r.images().out(),
                    r.images().missing().isEmpty() ? "" : ", " + r.images().missing().size() + " missing"));
        }
        return String.join("; ", parts);
    }
}
