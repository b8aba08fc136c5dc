package org.llavainspector.ui.insight;

import java.util.List;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.llavainspector.core.image.ImageSizes;

/**
 * The dashboard's image-size tile: a histogram of the longest side of the images whose size is known, how many that
 * is, and a button that reads every image's header (with progress and cancel).
 */
public final class ImageSizesPane extends VBox {
    private final BarChart<String, Number> chart;
    private final Label known = new Label();

    public ImageSizesPane(ImageSizesViewModel model) {
        setId("image-sizes-pane");
        getStyleClass().add("image-sizes-pane");
        setSpacing(4);

        CategoryAxis x = new CategoryAxis();
        x.setLabel("longest side (px)");
        NumberAxis y = CountAxis.create("images");
        chart = new BarChart<>(x, y);
        chart.setId("chart-image-sizes");
        chart.setTitle("Image sizes (longest side, px)");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setPrefSize(StatsView.CHART_WIDTH, 260);
        chart.getStyleClass().add("stats-chart");

        known.setId("image-sizes-known");
        known.getStyleClass().add("stats-message");
        known.setWrapText(true);

        Button readAll = new Button("Read all image sizes", new FontIcon("mdal-image_search"));
        readAll.setId("image-sizes-read-all");
        readAll.setTooltip(new Tooltip("Read the header of every image of this file (no pixels are decoded)"));
        readAll.setOnAction(e -> model.readAll());
        readAll.disableProperty().bind(model.runningProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("image-sizes-progress");
        progress.progressProperty().bind(model.progressProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("image-sizes-cancel");
        cancel.setOnAction(e -> model.cancel());
        for (javafx.scene.Node n : List.of(progress, cancel)) {
            n.visibleProperty().bind(model.runningProperty());
            n.managedProperty().bind(model.runningProperty());
        }
        Label message = new Label();
        message.getStyleClass().add("stats-message");
        message.textProperty().bind(model.messageProperty());
        HBox actions = new HBox(8, readAll, progress, cancel, message);
        actions.getStyleClass().add("image-sizes-actions");
        // as wide as the chart whatever the texts say: the dashboard's tiles all take the widest tile's width
        message.setMinWidth(0);
        readAll.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(message, Priority.ALWAYS);
        actions.setPrefWidth(StatsView.CHART_WIDTH);
        known.setPrefWidth(StatsView.CHART_WIDTH);

        VBox.setVgrow(chart, Priority.ALWAYS);
        getChildren().addAll(chart, known, actions);
        model.summaryProperty().addListener((obs, old, now) -> show(now));
        show(model.getSummary());
    }

    private void show(ImageSizes.Summary summary) {
        known.setText(ImageSizesViewModel.describe(summary));
        if (summary == null) {
            chart.getData().clear();
            return;
        }
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        summary.byLongestSide().forEach((bucket, count) -> series.getData().add(new XYChart.Data<>(bucket, count)));
        chart.getData().setAll(List.of(series));
    }

    /** The histogram (for tests and the PNG export). */
    public BarChart<String, Number> chart() {
        return chart;
    }
}
