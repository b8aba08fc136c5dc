package org.llavainspector.ui.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.llavainspector.core.dataset.DatasetIndex;
import org.llavainspector.core.dataset.DemoDataset;
import org.llavainspector.core.image.ImageDecoder;
import org.llavainspector.core.image.ImageHeaderReader;
import org.llavainspector.core.image.ImageLimits;
import org.llavainspector.core.image.ImageLoader;
import org.llavainspector.core.image.ImageSizes;
import org.llavainspector.core.image.ImageSources;
import org.llavainspector.core.util.TaskMonitor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The image-size tile of the dashboard on the demo dataset: sizes learnt by loads, then read from all headers. */
@ExtendWith(ApplicationExtension.class)
class ImageSizesPaneTest {
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "sizes-test");
        t.setDaemon(true);
        return t;
    });
    private final ImageSizes sizes = new ImageSizes();
    private ImageSources sources;
    private DatasetIndex index;
    private ImageSizesViewModel model;
    private ImageSizesPane pane;

    @Start
    void start(Stage stage) throws Exception {
        sources = ImageSources.open(List.of(DemoDataset.folder().resolve("images.zip")), List.of());
        index = DatasetIndex.build(DemoDataset.file(), TaskMonitor.NONE);
        model = new ImageSizesViewModel(new ImageSizesViewModel.Input(sizes,
                () -> ImageSizesViewModel.distinctImages(index), () -> new ImageHeaderReader(sources, sizes)), executor);
        pane = new ImageSizesPane(model);
        Scene scene = new Scene(pane, 600, 400);
        scene.getStylesheets().add(getClass().getResource("/org/llavainspector/ui/theme-light.css").toExternalForm());
        scene.getStylesheets().add(StatsWindow.CSS);
        stage.setScene(scene);
        stage.show();
        model.start();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(model::close).get();
        org.testfx.api.FxToolkit.cleanupStages();
        executor.shutdownNow();
        index.close();
        sources.close();
    }

    @Test
    void fillsInAsSizesBecomeKnownAndAfterReadingAllHeaders(FxRobot robot) throws Exception {
        waitFor(() -> model.getSummary() != null);
        assertEquals(24, model.getSummary().images()); // the demo's distinct image paths
        assertEquals(0, model.getSummary().sized());

        // what the app does when it shows a thumbnail and a full image
        ImageLoader loader = new ImageLoader(sources, new ImageDecoder(ImageLimits.DEFAULTS), sizes);
        loader.thumbnail("000000319154.jpg"); // 375 x 500
        loader.full("coco/train2017/000000039769.jpg"); // 640 x 480
        waitFor(() -> model.getSummary().sized() == 2);
        Map<String, Long> bars = bars();
        assertEquals(1L, bars.get("256-511"));
        assertEquals(1L, bars.get("512-1023"));
        assertEquals(0L, bars.get("<256"));

        robot.clickOn("#image-sizes-read-all");
        waitFor(() -> !model.runningProperty().get() && model.getSummary().sized() == 23);
        ImageSizes.Summary s = model.getSummary();
        assertEquals(1, s.missing()); // 000000033471.jpg is left out of images.zip on purpose
        assertEquals(0, s.unreadable());
        assertEquals(0, s.unknown());
        bars = bars();
        assertEquals(4L, bars.get("256-511"));
        assertEquals(19L, bars.get("512-1023"));
        assertEquals(List.of("<256", "256-511", "512-1023", "1024-2047", "2048-4095", ">=4096"),
                List.copyOf(bars.keySet()));
        String known = robot.lookup("#image-sizes-known").queryAs(Label.class).getText();
        assertTrue(known.contains("23 of 24 images") && known.contains("1 missing"), known);
    }

    private Map<String, Long> bars() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Map<String, Long> out = new LinkedHashMap<>();
            for (XYChart.Data<String, Number> d : pane.chart().getData().get(0).getData()) {
                out.put(d.getXValue(), d.getYValue().longValue());
            }
            return out;
        }).get();
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
    }
}
