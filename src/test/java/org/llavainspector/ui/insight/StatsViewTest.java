package org.llavainspector.ui.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.llavainspector.core.dataset.DatasetScanner;
import org.llavainspector.core.dataset.DemoDataset;
import org.llavainspector.core.dataset.ImageToken;
import org.llavainspector.core.query.Query;
import org.llavainspector.core.stats.DatasetStats;
import org.llavainspector.core.util.TaskMonitor;
import org.llavainspector.core.validate.ProblemIndex;
import org.llavainspector.core.validate.ProblemKind;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The statistics dashboard on the demo dataset: chart data, bar clicks to queries, CSV and PNG export. */
@ExtendWith(ApplicationExtension.class)
class StatsViewTest {
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "stats-test");
        t.setDaemon(true);
        return t;
    });
    private StatsView view;
    private ProblemIndex problems;

    @TempDir
    Path temp;

    @Start
    void start(Stage stage) throws Exception {
        problems = new ProblemIndex();
        DatasetScanner.scan(DemoDataset.file(), problems, TaskMonitor.NONE);
        StatsViewModel model = new StatsViewModel(DemoDataset.file(), problems, executor);
        view = new StatsView(model, queries::add);
        Scene scene = new Scene(view, 1000, 800);
        scene.getStylesheets().add(getClass().getResource("/org/llavainspector/ui/theme-light.css").toExternalForm());
        scene.getStylesheets().add(StatsWindow.CSS);
        stage.setScene(scene);
        stage.show();
        model.start();
    }

    @AfterEach
    void close() throws Exception {
        org.testfx.api.FxToolkit.cleanupStages();
        WaitForAsyncUtils.waitForFxEvents();
        executor.shutdownNow();
    }

    private static DatasetStats expected() throws Exception {
        DatasetStats stats = new DatasetStats();
        DatasetScanner.scan(DemoDataset.file(), stats, TaskMonitor.NONE);
        return stats;
    }

    private void waitForStats() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.model().getStats() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static XYChart.Data<String, Number> bar(FxRobot robot, String chartId, String key) {
        BarChart<String, Number> chart = robot.lookup("#" + chartId).queryAs(BarChart.class);
        return chart.getData().get(0).getData().stream().filter(d -> d.getXValue().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no bar " + key + " in " + chartId));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Number> bars(FxRobot robot, String chartId) {
        BarChart<String, Number> chart = robot.lookup("#" + chartId).queryAs(BarChart.class);
        Map<String, Number> map = new java.util.LinkedHashMap<>();
        chart.getData().get(0).getData().forEach(d -> map.put(d.getXValue(), d.getYValue()));
        return map;
    }

    private static void click(FxRobot robot, Node node) {
        robot.interact(() -> node.fireEvent(new MouseEvent(MouseEvent.MOUSE_CLICKED, 1, 1, 1, 1, MouseButton.PRIMARY,
                1, false, false, false, false, true, false, false, true, false, true, null)));
    }

    @Test
    void chartsShowTheStatisticsOfTheDataset(FxRobot robot) throws Exception {
        waitForStats();
        DatasetStats stats = expected();
        assertEquals(30, stats.records());
        Map<String, Number> turns = bars(robot, "chart-turns");
        assertEquals(stats.turnsHistogram().size(), turns.size());
        stats.turnsHistogram().forEach((n, count) -> assertEquals(count, turns.get(Integer.toString(n)).longValue()));
        assertEquals(stats.turnsHistogram().get(8), bar(robot, "chart-turns", "8").getYValue().longValue());

        Map<String, Number> kinds = bars(robot, "chart-kinds");
        assertEquals(stats.withImage(), kinds.get("with image").longValue());
        assertEquals(1L, kinds.get("text-only").longValue());
        assertEquals(1L, kinds.get("multi-image").longValue());

        Map<String, Number> from = bars(robot, "chart-from");
        stats.fromCounts().forEach((k, v) -> assertEquals(v, from.get(k).longValue()));
        assertTrue(from.containsKey("system"));

        Map<String, Number> placement = bars(robot, "chart-placement");
        stats.placements().forEach((p, v) -> assertEquals(v, placement.get(StatsViewModel.placementLabel(p)).longValue()));

        Map<String, Number> folders = bars(robot, "chart-folders");
        assertEquals(stats.imageFolders(12).keySet(), folders.keySet());

        BarChart<String, Number> lengths = robot.lookup("#chart-lengths").queryAs(BarChart.class);
        assertEquals(2, lengths.getData().size(), "questions and answers");
        Map<String, Number> questions = new java.util.LinkedHashMap<>();
        lengths.getData().get(0).getData().forEach(d -> questions.put(d.getXValue(), d.getYValue()));
        assertEquals(StatsViewModel.QUESTIONS, lengths.getData().get(0).getName());
        stats.humanLengths().forEach((bucket, n) -> assertEquals(n, questions.get(bucket).longValue()));

        Map<String, Number> problemBars = bars(robot, "chart-problems");
        StatsViewModel.problemCounts(problems).forEach((k, v) -> assertEquals(v, problemBars.get(k.kind()).longValue()));
    }

    @Test
    void countsAreLabelledWithWholeNumbersOnly(FxRobot robot) throws Exception {
        waitForStats();
        BarChart<?, ?> kinds = robot.lookup("#chart-kinds").queryAs(BarChart.class); // bars of 28, 1 and 1
        List<String> labels = WaitForAsyncUtils.asyncFx(() -> kinds.getYAxis().getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof javafx.scene.text.Text && n.isVisible())
                .map(n -> ((javafx.scene.text.Text) n).getText()).filter(t -> !t.isEmpty()).toList()).get();
        assertTrue(!labels.isEmpty() && labels.stream().allMatch(t -> t.matches("[0-9,]+")), labels.toString());
        javafx.util.StringConverter<Number> format = ((javafx.scene.chart.NumberAxis) kinds.getYAxis()).getTickLabelFormatter();
        assertEquals("", format.toString(0.25));
        assertEquals("12,500", format.toString(12500.0));
    }

    @Test
    void clickingBarsFiltersWithTheirQuery(FxRobot robot) throws Exception {
        waitForStats();
        Node turns8 = bar(robot, "chart-turns", "8").getNode();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(turns8.getStyleClass().contains(StatsView.CLICKABLE), "a bar with a query looks clickable: "
                + turns8.getStyleClass());
        assertNotNull(turns8);
        robot.clickOn(turns8);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("turns=8"), queries);

        click(robot, bar(robot, "chart-kinds", "text-only").getNode());
        click(robot, bar(robot, "chart-kinds", "multi-image").getNode());
        click(robot, bar(robot, "chart-from", "system").getNode());
        assertEquals(List.of("turns=8", "has:no-image", "has:multi-image", "from:system"), queries);

        String folder = expected().imageFolders(12).keySet().stream().filter(f -> !f.startsWith("(")).findFirst()
                .orElseThrow();
        click(robot, bar(robot, "chart-folders", folder).getNode());
        assertEquals("image:" + folder + "/", queries.get(queries.size() - 1));
        int before = queries.size();
        if (expected().imageFolders(12).containsKey(DatasetStats.ROOT_FOLDER)) {
            click(robot, bar(robot, "chart-folders", DatasetStats.ROOT_FOLDER).getNode());
            assertEquals(before + 1, queries.size(), "(root) selects the images with no folder");
            assertEquals("has:image -image:/", queries.get(queries.size() - 1));
        }
    }

    @Test
    void everyEmittedQueryParses() throws Exception {
        DatasetStats stats = expected();
        for (String q : List.of(StatsViewModel.turnsQuery("4"), StatsViewModel.kindQuery("with image"),
                StatsViewModel.kindQuery("text-only"), StatsViewModel.kindQuery("multi-image"),
                StatsViewModel.fromQuery("system"), StatsViewModel.fromQuery("odd role"),
                StatsViewModel.folderQuery("coco/train2017"), StatsViewModel.placementQuery(ImageToken.Placement.NONE))) {
            assertEquals(q, Query.parse(q).text());
        }
        for (ProblemKind k : ProblemKind.values()) {
            Query.parse(StatsViewModel.problemQuery(k.kind()));
        }
        assertEquals("placement:start", StatsViewModel.placementQuery(ImageToken.Placement.START));
        assertEquals("has:image -image:/", StatsViewModel.folderQuery(DatasetStats.ROOT_FOLDER));
        assertEquals("from:\"odd role\"", StatsViewModel.fromQuery("odd role"));
        assertTrue(stats.records() > 0);
    }

    @Test
    void csvHasOneRowPerCount(FxRobot robot) throws Exception {
        DatasetStats stats = expected();
        String csv = StatsCsv.toCsv(stats);
        List<String> lines = csv.lines().toList();
        assertEquals("section,key,count", lines.get(0));
        assertTrue(lines.contains("summary,records,30"));
        assertTrue(lines.contains("kinds,text-only,1"));
        assertTrue(lines.contains("kinds,multi-image,1"));
        assertTrue(lines.contains("turns,8," + stats.turnsHistogram().get(8)));
        assertTrue(lines.contains("from,system," + stats.fromCounts().get("system")));
        stats.gptLengths().forEach((b, n) -> assertTrue(lines.contains("answer length (chars)," + b + "," + n)));
        stats.imageFolders(Integer.MAX_VALUE).forEach((f, n) -> assertTrue(lines.contains("folders," + f + "," + n)));
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("problems,")));
        assertEquals("\"a,b\"", StatsCsv.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", StatsCsv.field("say \"hi\""));

        waitForStats();
        Path file = temp.resolve("stats.csv");
        robot.interact(() -> {
            try {
                view.writeCsv(file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertEquals(StatsCsv.toCsv(stats, problems), Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void pngOfTheChartsIsWritten(FxRobot robot) throws Exception {
        waitForStats();
        Path file = temp.resolve("charts.png");
        robot.interact(() -> {
            try {
                view.writePng(file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image);
        assertTrue(image.getWidth() > 100 && image.getHeight() > 100, image.getWidth() + "x" + image.getHeight());
    }

    @Test
    void cancelStopsTheComputation(FxRobot robot) throws Exception {
        waitForStats();
        robot.interact(() -> {
            view.model().start();
            view.model().cancel();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(view.model().getStats());
        assertEquals(false, view.model().runningProperty().get());
        assertTrue(robot.lookup("#stats-cancel").tryQuery().isPresent());
        assertTrue(robot.lookup("#stats-progress").tryQuery().isPresent());
    }
}
