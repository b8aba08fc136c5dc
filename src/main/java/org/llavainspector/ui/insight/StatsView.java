package org.llavainspector.ui.insight;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.TilePane;
import javafx.stage.FileChooser;
import javax.imageio.ImageIO;
import org.kordamp.ikonli.javafx.FontIcon;
import org.llavainspector.core.dataset.ImageToken;
import org.llavainspector.core.stats.DatasetStats;
import org.llavainspector.core.util.AtomicFile;
import org.llavainspector.core.validate.ProblemKind;

/**
 * A statistics dashboard for one dataset file: bar charts of turns, {@code <image>} placement, {@code from} values,
 * image folders, record kinds and (with a problem index) problems. Clicking a bar hands the query that selects its
 * samples to the filter callback; bars without a query equivalent do nothing.
 */
public final class StatsView extends BorderPane {
    /** Style class of a bar that has a query (clickable). */
    public static final String CLICKABLE = "stats-bar-clickable";
    /** Width of every chart tile: the dashboard's tiles all take the widest one's width. */
    static final double CHART_WIDTH = 460;

    private final StatsViewModel model;
    private final Consumer<String> filter;
    private final BarChart<String, Number> turnsChart = chart("chart-turns", "Turns per sample", "turns");
    private final BarChart<String, Number> placementChart = chart("chart-placement", "<image> placement", "placement");
    private final BarChart<String, Number> fromChart = chart("chart-from", "Turns per from", "from");
    private final BarChart<String, Number> foldersChart = chart("chart-folders",
            "Image folders (top " + StatsViewModel.TOP_FOLDERS + ")", "folder");
    private final BarChart<String, Number> kindsChart = chart("chart-kinds", "Records", "kind");
    private final BarChart<String, Number> lengthsChart = chart("chart-lengths", "Question and answer lengths",
            "characters");
    private final BarChart<String, Number> problemsChart = chart("chart-problems", "Records per problem", "problem");
    private final TilePane charts = new TilePane();
    private final Button exportCsv = new Button("Export CSV", new FontIcon("mdal-description"));
    private final Button exportPng = new Button("Save charts as PNG", new FontIcon("mdal-image"));

    public StatsView(StatsViewModel model, Consumer<String> filter) {
        this(model, null, filter);
    }

    /** A dashboard with an image-size tile when {@code sizes} is not null. */
    public StatsView(StatsViewModel model, ImageSizesViewModel sizes, Consumer<String> filter) {
        this.model = model;
        this.filter = filter == null ? q -> { } : filter;
        setId("stats-view");
        getStyleClass().add("stats-view");

        ProgressBar progress = new ProgressBar();
        progress.setId("stats-progress");
        progress.progressProperty().bind(model.progressProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("stats-cancel");
        cancel.setOnAction(e -> model.cancel());
        Label message = new Label();
        message.getStyleClass().add("stats-message");
        message.textProperty().bind(model.messageProperty());
        progress.visibleProperty().bind(model.runningProperty());
        progress.managedProperty().bind(model.runningProperty());
        cancel.visibleProperty().bind(model.runningProperty());
        cancel.managedProperty().bind(model.runningProperty());

        exportCsv.setId("stats-export-csv");
        exportPng.setId("stats-export-png");
        exportCsv.disableProperty().bind(model.statsProperty().isNull());
        exportPng.disableProperty().bind(model.statsProperty().isNull());
        exportCsv.setOnAction(e -> chooseAndRun("Export statistics as CSV", "statistics.csv", "CSV", "*.csv",
                this::writeCsv));
        exportPng.setOnAction(e -> chooseAndRun("Save charts as PNG", "statistics.png", "PNG image", "*.png",
                this::writePng));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, progress, cancel, message, spacer, exportCsv, exportPng);
        bar.getStyleClass().add("stats-toolbar");
        bar.setPadding(new Insets(8));
        setTop(bar);

        charts.getStyleClass().add("stats-charts");
        charts.setPrefColumns(2);
        charts.setHgap(8);
        charts.setVgap(8);
        charts.setPadding(new Insets(8));
        lengthsChart.setLegendVisible(true);
        charts.getChildren().addAll(turnsChart, kindsChart, placementChart, fromChart, lengthsChart, foldersChart);
        if (model.problems() != null) {
            charts.getChildren().add(problemsChart);
        }
        if (sizes != null) {
            charts.getChildren().add(new ImageSizesPane(sizes));
        }
        ScrollPane scroll = new ScrollPane(charts);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("stats-scroll");
        setCenter(scroll);

        model.statsProperty().addListener((obs, old, stats) -> show(stats));
        show(model.getStats());
    }

    public StatsViewModel model() {
        return model;
    }

    /** The pane holding the charts (what "Save charts as PNG" snapshots). */
    public Node chartsNode() {
        return charts;
    }

    private static BarChart<String, Number> chart(String id, String title, String xLabel) {
        CategoryAxis x = new CategoryAxis();
        x.setLabel(xLabel);
        NumberAxis y = CountAxis.create("count");
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setId(id);
        chart.setTitle(title);
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setPrefSize(CHART_WIDTH, 300);
        chart.getStyleClass().add("stats-chart");
        return chart;
    }

    private void show(DatasetStats stats) {
        if (stats == null) {
            for (BarChart<String, Number> c : List.of(turnsChart, placementChart, fromChart, foldersChart, kindsChart,
                    lengthsChart, problemsChart)) {
                c.getData().clear();
            }
            return;
        }
        fill(turnsChart, toStrings(stats.turnsHistogram()), StatsViewModel::turnsQuery);
        Map<String, Long> placements = new java.util.LinkedHashMap<>();
        Map<String, ImageToken.Placement> byLabel = new java.util.HashMap<>();
        stats.placements().forEach((p, n) -> {
            placements.put(StatsViewModel.placementLabel(p), n);
            byLabel.put(StatsViewModel.placementLabel(p), p);
        });
        fill(placementChart, placements, label -> StatsViewModel.placementQuery(byLabel.get(label)));
        fill(fromChart, stats.fromCounts(), StatsViewModel::fromQuery);
        fill(foldersChart, stats.imageFolders(StatsViewModel.TOP_FOLDERS), StatsViewModel::folderQuery);
        Map<String, Long> kinds = new java.util.LinkedHashMap<>();
        kinds.put(StatsViewModel.WITH_IMAGE, stats.withImage());
        kinds.put(StatsViewModel.TEXT_ONLY, stats.textOnly());
        kinds.put(StatsViewModel.MULTI_IMAGE, stats.multiImage());
        fill(kindsChart, kinds, StatsViewModel::kindQuery);
        fillLengths(stats);
        if (model.problems() != null) {
            Map<String, Long> problems = new java.util.LinkedHashMap<>();
            for (Map.Entry<ProblemKind, Long> e : StatsViewModel.problemCounts(model.problems()).entrySet()) {
                problems.put(e.getKey().kind(), e.getValue());
            }
            fill(problemsChart, problems, StatsViewModel::problemQuery);
        }
    }

    private static Map<String, Long> toStrings(Map<Integer, Long> map) {
        Map<String, Long> result = new java.util.LinkedHashMap<>();
        map.forEach((k, v) -> result.put(Integer.toString(k), v));
        return result;
    }

    private void fill(BarChart<String, Number> chart, Map<String, Long> counts, Function<String, String> query) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        List<XYChart.Data<String, Number>> data = new ArrayList<>();
        counts.forEach((key, count) -> data.add(new XYChart.Data<>(key, count)));
        series.getData().setAll(data);
        chart.getData().setAll(List.of(series));
        // the chart has made and styled its bars by now: mark them after it, or it would drop the mark
        for (XYChart.Data<String, Number> d : data) {
            wire(d.getNode(), d.getXValue(), d.getYValue().longValue(), query.apply(d.getXValue()));
        }
    }

    /** Questions (human turns) and answers (gpt turns) side by side per length bucket; no query selects by length. */
    private void fillLengths(DatasetStats stats) {
        List<XYChart.Series<String, Number>> series = List.of(lengthSeries(StatsViewModel.QUESTIONS,
                stats.humanLengths()), lengthSeries(StatsViewModel.ANSWERS, stats.gptLengths()));
        lengthsChart.getData().setAll(series);
        for (XYChart.Series<String, Number> s : series) {
            for (XYChart.Data<String, Number> d : s.getData()) {
                wire(d.getNode(), s.getName() + " of " + d.getXValue() + " characters", d.getYValue().longValue(), null);
            }
        }
    }

    private static XYChart.Series<String, Number> lengthSeries(String name, Map<String, Long> counts) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName(name);
        counts.forEach((bucket, count) -> series.getData().add(new XYChart.Data<>(bucket, count)));
        return series;
    }

    private void wire(Node node, String key, long count, String query) {
        if (node == null || node.getProperties().containsKey(StatsView.class)) {
            return;
        }
        node.getProperties().put(StatsView.class, query == null ? "" : query);
        String tip = key + ": " + count + (query == null ? "\n(no query selects these samples)" : "\nClick: " + query);
        Tooltip.install(node, new Tooltip(tip));
        if (query != null) {
            node.getStyleClass().add(CLICKABLE);
            node.setOnMouseClicked(e -> filter.accept(query));
        }
    }

    // ---- export ----

    @FunctionalInterface
    private interface Writer {
        void write(Path target) throws IOException;
    }

    private void chooseAndRun(String title, String name, String description, String pattern, Writer writer) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, pattern));
        Path parent = model.file().toAbsolutePath().getParent();
        if (parent != null && parent.toFile().isDirectory()) {
            chooser.setInitialDirectory(parent.toFile());
        }
        java.io.File chosen = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (chosen == null) {
            return;
        }
        try {
            writer.write(chosen.toPath());
        } catch (IOException | RuntimeException e) {
            new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR,
                    "Could not write " + chosen + ": " + e.getMessage()).show();
        }
    }

    /** Writes the statistics (and problems, if any) as CSV, atomically. */
    public void writeCsv(Path target) throws IOException {
        DatasetStats stats = model.getStats();
        if (stats == null) {
            throw new IOException("no statistics yet");
        }
        byte[] bytes = StatsCsv.toCsv(stats, model.problems()).getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(target, out -> out.write(bytes));
    }

    /** Writes a snapshot of the charts as PNG, atomically; call on the FX thread. */
    public void writePng(Path target) throws IOException {
        WritableImage image = charts.snapshot(new SnapshotParameters(), null);
        BufferedImage buffered = org.llavainspector.ui.common.FxImages.toBufferedImage(image);
        AtomicFile.write(target, out -> {
            if (!ImageIO.write(buffered, "png", out)) {
                throw new IOException("no PNG writer");
            }
        });
    }
}
