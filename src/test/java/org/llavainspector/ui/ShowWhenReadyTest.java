package org.llavainspector.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.controlsfx.control.NotificationPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.llavainspector.TestFiles;
import org.llavainspector.core.dataset.DemoDataset;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The app's start: the window opens its files hidden and shows itself once it has something to show (the first
 * sample with its detail, the end of an empty file, an error), so that its first layout is not a stall on screen.
 */
@ExtendWith(ApplicationExtension.class)
class ShowWhenReadyTest {
    /** Long enough that a window shown by the deadline fails the tests below (they wait 20 s at most). */
    private static final Duration NEVER = Duration.ofMinutes(5);
    private Stage stage;
    private AppContext context;
    private MainWindow window;
    /** What the window held when it was shown: the first sample's id (or "none"), and the number of samples. */
    private final List<String> seenAtShow = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() throws Exception {
        org.testfx.api.FxToolkit.cleanupStages();
        WaitForAsyncUtils.waitForFxEvents();
        if (context != null) {
            context.close();
        }
    }

    /** Makes the window, opens {@code file} in it and asks it to show itself when ready (as InspectorApp does). */
    private void startWith(FxRobot robot, Path file, Duration atMost) throws Exception {
        Path home = Files.createTempDirectory("show-when-ready");
        robot.interact(() -> {
            context = new AppContext(home);
            window = new MainWindow(stage, context, null);
            window.model().open(List.of(file), List.of(), List.of());
            assertFalse(stage.isShowing(), "nothing to show yet");
            window.showWhenReady(atMost, () -> {
                var current = window.model().currentProperty().get();
                seenAtShow.add(current == null ? "none" : current.id());
                seenAtShow.add(String.valueOf(window.model().visibleSamples().size()));
            });
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, stage::isShowing);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String notification(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup("#notifications").queryAs(NotificationPane.class).getText())
                .get(5, TimeUnit.SECONDS);
    }

    @Test
    void theDemoShowsWithItsFirstSampleInTheDetailPane(FxRobot robot) throws Exception {
        startWith(robot, DemoDataset.file(), NEVER);
        String firstId = WaitForAsyncUtils.asyncFx(() -> window.model().idOf(window.model().visibleSamples().get(0)))
                .get(5, TimeUnit.SECONDS);
        assertEquals(firstId, seenAtShow.get(0), "shown with the first sample current, its detail loaded");
        assertTrue(Integer.parseInt(seenAtShow.get(1)) > 0, "and the grid holding samples");
        assertEquals(2, seenAtShow.size(), "shown once");
        assertNotNull(window.detail().getSample());
    }

    @Test
    void aBrokenFileShowsTheWindowWithTheError(FxRobot robot, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path broken = TestFiles.write(dir, "broken.json", "[{\"id\": \"a\", \"conversations\": [}]");
        startWith(robot, broken, NEVER);
        assertEquals("none", seenAtShow.get(0));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> notification(robot).contains("broken.json"));
        String said = notification(robot);
        assertTrue(said.matches(".*broken\\.json.*\\d+:\\d+.*"), "names the file and the position: " + said);
    }

    @Test
    void anEmptyFileShowsTheEmptyWindow(FxRobot robot, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path empty = TestFiles.write(dir, "empty.json", "[]");
        startWith(robot, empty, NEVER);
        assertEquals(List.of("none", "0"), seenAtShow);
    }

    @Test
    void theWindowShowsAtTheDeadlineWhateverHappens(FxRobot robot, @org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        // a file still being written by another program: its first record does not come before the deadline
        Path fifo = dir.resolve("slow.jsonl");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        long t0 = System.nanoTime();
        startWith(robot, fifo, Duration.ofMillis(300));
        assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(300), "not before the deadline");
        assertEquals("none", seenAtShow.get(0), "shown with nothing to show yet");
        try (var out = Files.newOutputStream(fifo)) { // lets the indexer finish
            out.write("{\"id\": \"x\", \"conversations\": []}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
