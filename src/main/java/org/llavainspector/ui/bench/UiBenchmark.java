package org.llavainspector.ui.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import org.llavainspector.ui.common.NextFrame;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.llavainspector.bench.ResultTable;
import org.llavainspector.ui.AppContext;
import org.llavainspector.ui.MainWindow;
import org.llavainspector.ui.browse.GridBrowseView;
import org.llavainspector.ui.browse.TableBrowseView;
import org.llavainspector.ui.main.MainView;
import org.llavainspector.ui.main.MainViewModel;

/**
 * Measures how smooth the real main window stays under load, from the FX thread's point of view: the longest
 * gap between two pulses (an {@link AnimationTimer} sees every frame) (1) while a large file is indexed: in a window
 * started as the app starts (it shows itself when its first sample is ready, and is measured from its first frame
 * on), the same in a warm JVM, and added with File > Open to a window showing the demo; (2) while
 * the thumbnail grid is scrolled from the first to the last row of a 600K-sample dataset with thumbnails loading,
 * and then the list, and (3) the time from a J key press to the next sample being shown. Run by {@code bench ui}.
 *
 * <p>Arguments: {@code INDEX_FILE GRID_FILE [--images ZIP]}; prints a markdown table on stdout and exits.
 */
public final class UiBenchmark extends Application {
    private final List<Long> pulses = new ArrayList<>();
    private boolean recording;
    private volatile long pulseCount;
    /** Frames slower than this are listed on stderr with when they happened, to find their cause. */
    private static final double SLOW_FRAME_MS = 40;
    private MainViewModel model;
    private MainView view;
    private AppContext context;
    /**
     * The windows' preferences and curation sessions: a folder of this run's own, so that what a user left behind
     * (a filter saved in the demo's session, a smaller thumbnail budget) does not change what is measured.
     */
    private Path home;
    private final ResultTable table = new ResultTable(new java.io.PrintWriter(System.err, true), "bench ui: ");

    /** Entry point for {@code bench ui}; a class that is not an Application, so the classpath launch works. */
    public static final class Main {
        private Main() {
        }

        public static void main(String[] args) {
            org.llavainspector.ui.InspectorApp.quietJavaFxStartup(true);
            Application.launch(UiBenchmark.class, args);
        }
    }

    @Override
    public void start(Stage stage) {
        org.llavainspector.ui.InspectorApp.quietJavaFxStartup(false);
        List<String> args = getParameters().getRaw();
        Path indexFile = Path.of(args.get(0));
        Path gridFile = Path.of(args.get(1));
        List<Path> images = args.size() > 3 && "--images".equals(args.get(2)) ? List.of(Path.of(args.get(3))) : List.of();
        // the window is closed and opened again between the measures: the toolkit must not quit in between
        Platform.setImplicitExit(false);
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulseCount++;
                if (recording) {
                    pulses.add(System.nanoTime());
                }
            }
        }.start();
        CompletableFuture.runAsync(() -> {
            int code = 0;
            try {
                home = java.nio.file.Files.createTempDirectory("llava-bench-ui");
                run(stage, indexFile, gridFile, images);
            } catch (Throwable t) {
                t.printStackTrace();
                code = 2;
            }
            deleteHome();
            System.exit(code);
        });
    }

    private void run(Stage stage, Path indexFile, Path gridFile, List<Path> images) throws Exception {
        // 1. the app started with a large file, as `java -jar llava-inspector.jar FILE` starts it: the window opens the
        // file and shows itself when its first sample is ready; then the rest is indexed in front of the user
        Started started = startAsTheAppDoes(stage, indexFile, "indexing");
        row("start the app with " + indexFile.getFileName() + " (" + String.format(Locale.ROOT, "%,d", started.records())
                + " samples): first samples taken in after the file was opened", fmt(started.firstSamples()) + " ms", "< 500 ms");
        row("  the window on screen with them (its first frame painted), after the window was made",
                fmt(started.onScreen()) + " ms, " + String.format(Locale.ROOT, "%,d", started.indexedThen()) + " samples indexed then", "");
        row("  whole file indexed", fmt(started.indexed()) + " ms", "");
        row("  longest gap between FX pulses while the rest is indexed, from the window's first frame on",
                fmt(started.gaps().max()) + " ms (p99 " + fmt(started.gaps().p99()) + ", " + started.gaps().frames() + " frames)", "< 50 ms");
        // the same start in a running app (the window and the JIT are warm)
        closeWindow(stage);
        Started again = startAsTheAppDoes(stage, indexFile, "indexing again");
        row("  the same start again in the running app, a new window: longest gap while the rest is indexed",
                fmt(again.gaps().max()) + " ms (p99 " + fmt(again.gaps().p99()) + ", " + again.gaps().frames() + " frames)", "< 50 ms");
        // how a user opens it in a running app: the window shows the demo dataset (what the app opens on start),
        // then File > Open adds the file to the collection in the same window
        closeWindow(stage);
        startAsTheAppDoes(stage, org.llavainspector.core.dataset.DemoDataset.file(), "demo");
        Thread.sleep(1000); // the demo's thumbnails are shown
        settle();
        int demo = call(() -> model.visibleSamples().size());
        startRecording();
        long t0 = System.nanoTime();
        fx(() -> model.open(List.of(indexFile), List.of(), List.of()));
        waitUntil(() -> model.visibleSamples().size() > demo, 60);
        double addedFirst = ms(System.nanoTime() - t0);
        waitUntil(() -> model.indexProgressProperty().get() >= 1 && model.collection().isComplete(), 300);
        Gaps added = stopRecording(t0);
        reportSlowFrames("File > Open beside the demo", added, t0);
        row("opened with File > Open in the window showing the demo dataset: first samples taken in",
                fmt(addedFirst) + " ms", "< 500 ms");
        row("  longest gap between FX pulses while it is indexed", fmt(added.max()) + " ms (p99 " + fmt(added.p99()) + ", "
                + added.frames() + " frames)", "< 50 ms");

        // 2. grid scrolled end to end with thumbnails loading
        newWindow(stage);
        settle();
        fx(() -> model.open(List.of(gridFile), images, List.of()));
        waitUntil(() -> model.collection().isComplete() && model.collection().size() > 0, 300);
        settle();
        int total = call(() -> model.visibleSamples().size());
        // the grid's scroll bar stands for all its rows (the grid holds a window of them): scrolled as the bar does
        GridBrowseView gridView = call(() -> (GridBrowseView) view.lookup("#browse-grid"));
        Scroll grid = scrollEndToEnd(call(gridView::rowCount), gridView::scrollToRow, gridView::lastRowShown, "scrolling");
        row("scroll the grid through " + String.format(Locale.ROOT, "%,d", total) + " samples (" + grid.rows() + " rows, "
                + grid.describe() + ")", grid.result(), "< 50 ms");
        var stats = context.images().thumbnailStats();
        row("  thumbnails decoded / dropped before decoding (scrolled away) / cache peak of budget",
                stats.decodes() + " / " + stats.droppedBeforeStart() + " / " + (stats.peakWeight() >> 20) + " of "
                        + (stats.budget() >> 20) + " MiB", "peak ≤ budget");

        // 2b. the same samples in the list, scrolled end to end (each row's first question is read off the FX thread)
        fx(() -> model.gridModeProperty().set(false));
        settle();
        // the list's scroll bar stands for all the samples (its table holds a window of them): scrolled as the bar does
        TableBrowseView listView = call(() -> (TableBrowseView) view.lookup("#browse-list"));
        Scroll list = scrollEndToEnd(total, listView::scrollTo, listView::lastShown, "list scrolling");
        row("scroll the list through the same samples (" + list.describe() + ")", list.result(), "< 50 ms");
        fx(() -> model.gridModeProperty().set(true));
        settle();

        // 3. next sample after a key press (with prefetch)
        fx(() -> model.currentPositionProperty().set(1000));
        waitUntil(() -> model.currentProperty().get() != null && model.currentProperty().get().sample() == model.visibleSamples().get(1000), 10);
        double[] latency = new double[200];
        List<String> slowPresses = new ArrayList<>();
        for (int i = 0; i < latency.length; i++) {
            int expected = call(() -> model.visibleSamples().get(model.currentPositionProperty().get() + 1));
            long k0 = System.nanoTime();
            fx(() -> Node.class.cast(view).fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "j", "j", KeyCode.J, false, false, false, false)));
            waitUntil(() -> model.currentProperty().get() != null && model.currentProperty().get().sample() == expected
                    && shownText().contains(String.valueOf(model.currentProperty().get().id())), 10);
            fx(() -> { });
            latency[i] = ms(System.nanoTime() - k0);
            if (latency[i] > SLOW_FRAME_MS) {
                slowPresses.add(fmt(latency[i]) + " ms at JVM uptime " + (java.lang.management.ManagementFactory
                        .getRuntimeMXBean().getUptime() - (long) latency[i]) + " ms");
            }
            Thread.sleep(30);
        }
        System.err.println("bench ui: J presses slower than " + fmt(SLOW_FRAME_MS) + " ms: " + slowPresses.size()
                + (slowPresses.isEmpty() ? "" : ": " + String.join(", ", slowPresses)));
        Arrays.sort(latency);
        row("next sample shown after J (200 presses)", "median " + fmt(latency[latency.length / 2]) + " ms, p95 "
                + fmt(latency[latency.length * 95 / 100]) + " ms, max " + fmt(latency[latency.length - 1]) + " ms", "< 50 ms");
        table.print(new java.io.PrintWriter(System.out, true));
        context.close();
    }

    /** The figures of a start: see {@link #startAsTheAppDoes}. */
    private record Started(int records, double firstSamples, double onScreen, int indexedThen, double indexed, Gaps gaps) {
    }

    /**
     * Starts a window the way the app starts (InspectorApp): made hidden, the file opened, the window shown by
     * {@link MainWindow#showWhenReady}. Measures the time from opening the file to the first samples taken in, from
     * making the window to its first frame painted, and the pulse gaps from that frame until the file is indexed.
     */
    private Started startAsTheAppDoes(Stage stage, Path file, String phase) throws Exception {
        long[] at = new long[2]; // the window made, the file opened
        java.util.concurrent.atomic.AtomicLong painted = new java.util.concurrent.atomic.AtomicLong(); // its first frame
        AtomicInteger indexedThen = new AtomicInteger();
        startRecording();
        fx(() -> {
            at[0] = System.nanoTime();
            MainWindow window = makeWindow(stage);
            at[1] = System.nanoTime();
            model.open(List.of(file), List.of(), List.of());
            window.showWhenReady(org.llavainspector.ui.InspectorApp.SHOW_AT_THE_LATEST, () -> afterFirstFrame(time -> {
                painted.set(time);
                Platform.runLater(() -> indexedThen.set(model.collection().size()));
            }));
        });
        waitUntil(() -> !model.visibleSamples().isEmpty(), 60);
        double firstSamples = ms(System.nanoTime() - at[1]);
        waitUntil(() -> painted.get() != 0 && indexedThen.get() != 0, 60);
        waitUntil(() -> model.indexProgressProperty().get() >= 1 && model.collection().isComplete(), 300);
        double indexed = ms(System.nanoTime() - at[1]);
        Gaps gaps = stopRecording(painted.get());
        reportSlowFrames(phase, gaps, painted.get());
        int records = call(() -> model.visibleSamples().size());
        return new Started(records, firstSamples, ms(painted.get() - at[0]), indexedThen.get(), indexed, gaps);
    }

    /**
     * Tells when the window's first frame has been painted: the frame is handed to JavaFX's render thread at the end
     * of the next pulse, and a job handed to that thread after it runs once it is painted. The render thread is
     * JavaFX's own executor, reached by reflection (JavaFX runs from the class path here, so its internals are
     * open); if that fails, a snapshot (rendered by the same thread, after the frame) is waited for instead, which
     * holds up the FX thread meanwhile and so makes the next gap longer than a user would see.
     */
    private static void afterFirstFrame(java.util.function.LongConsumer painted) {
        NextFrame.run(() -> Platform.runLater(() -> {
            java.util.concurrent.Executor renderer = renderThread();
            if (renderer != null) {
                renderer.execute(() -> painted.accept(System.nanoTime()));
            } else {
                new javafx.scene.shape.Rectangle(1, 1).snapshot(null, null);
                painted.accept(System.nanoTime());
            }
        }));
    }

    /** JavaFX's render thread, an executor; null if it cannot be reached. */
    private static java.util.concurrent.Executor renderThread() {
        try {
            java.lang.reflect.Method instance = Class.forName("com.sun.javafx.tk.quantum.QuantumRenderer")
                    .getMethod("getInstance");
            instance.setAccessible(true);
            return (java.util.concurrent.Executor) instance.invoke(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.err.println("bench ui: JavaFX's render thread cannot be reached (" + e + "): a snapshot tells when the first frame is painted");
            return null;
        }
    }

    /** Closes the window and its context. */
    private void closeWindow(Stage stage) throws Exception {
        fx(() -> stage.close());
        context.close();
    }

    /** Closes the window (and its context) and opens a new one, empty. */
    private void newWindow(Stage stage) throws Exception {
        closeWindow(stage);
        fx(() -> openWindow(stage));
    }

    /** What the detail pane's header shows (its title names the sample's id). */
    private String shownText() {
        Node title = view.lookup("#detail-id");
        return title instanceof javafx.scene.control.Labeled ? ((javafx.scene.control.Labeled) title).getText() : "";
    }

    private void openWindow(Stage stage) {
        makeWindow(stage);
        stage.show();
    }

    /** Makes the window on {@code stage}, with a context of its own, without showing it. */
    private MainWindow makeWindow(Stage stage) {
        context = new AppContext(home);
        MainWindow window = new MainWindow(stage, context, null);
        model = window.model();
        view = window.view();
        return window;
    }

    private void deleteHome() {
        if (home == null) {
            return;
        }
        try (var files = java.nio.file.Files.walk(home)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("bench ui: could not delete " + home + ": " + e.getMessage());
        }
    }

    /** The gaps of a recording: the longest, the 99th percentile, how many, and those over {@link #SLOW_FRAME_MS}. */
    private record Gaps(double max, double p99, int frames, List<Gap> slow) {
    }

    /** A gap between two pulses: when it began (a nanoTime) and how long it was. */
    private record Gap(long start, double ms) {
    }

    /** A scroll from the first row to the last: its pulse gaps, how long it took, and the last row shown. */
    private record Scroll(int rows, int jumps, double ms, Gaps gaps, int lastShown) {
        String describe() {
            return jumps + " jumps in " + fmt(ms) + " ms; last row shown " + (lastShown < 0 ? "?" : lastShown);
        }

        String result() {
            return "longest pulse gap " + fmt(gaps.max) + " ms (p99 " + fmt(gaps.p99) + ")";
        }
    }

    /**
     * Scrolls from the first of {@code rows} rows to the last in 600 jumps (each puts a row at the top), one every
     * 16 ms, recording the pulses; {@code lastShown} tells which row is last on screen at the end.
     */
    private Scroll scrollEndToEnd(int rows, java.util.function.IntConsumer jumpTo, java.util.function.IntSupplier lastShown,
            String phase) throws Exception {
        int jumps = 600;
        startRecording();
        long s0 = System.nanoTime();
        for (int i = 1; i <= jumps; i++) {
            int target = (int) ((long) rows * i / jumps) - 1;
            fx(() -> jumpTo.accept(Math.max(0, target)));
            Thread.sleep(16);
        }
        double took = ms(System.nanoTime() - s0);
        Gaps gaps = stopRecording();
        reportSlowFrames(phase, gaps, s0);
        return new Scroll(rows, jumps, took, gaps, call(lastShown::getAsInt));
    }

    /** Waits until the window has painted a few frames in a row, so that its first layout is not counted. */
    private void settle() throws Exception {
        long seen = pulseCount;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pulseCount < seen + 10 && System.nanoTime() < end) {
            Thread.sleep(5);
        }
    }

    /** Lists the slow frames of a recording on stderr: when (ms after {@code t0}) and how long. */
    private static void reportSlowFrames(String phase, Gaps gaps, long t0) {
        List<String> slow = gaps.slow().stream().map(g -> fmt(g.ms()) + " ms at +" + fmt(ms(g.start() - t0)) + " ms")
                .toList();
        long uptimeAtT0 = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()
                - (System.nanoTime() - t0) / 1_000_000;
        System.err.println("bench ui: " + phase + " (from JVM uptime " + uptimeAtT0 + " ms): " + slow.size()
                + " frames slower than " + fmt(SLOW_FRAME_MS) + " ms" + (slow.isEmpty() ? "" : ": " + String.join(", ", slow.subList(0, Math.min(20, slow.size())))));
    }

    private void startRecording() throws Exception {
        fx(() -> {
            pulses.clear();
            recording = true;
        });
    }

    private Gaps stopRecording() throws Exception {
        return stopRecording(0);
    }

    /** Stops recording; the gaps between the pulses after {@code from} (a nanoTime), the first one from it. */
    private Gaps stopRecording(long from) throws Exception {
        return call(() -> {
            recording = false;
            List<Long> after = new ArrayList<>();
            if (from != 0) {
                after.add(from);
            }
            pulses.stream().filter(p -> p > from).forEach(after::add);
            double[] gaps = new double[Math.max(1, after.size() - 1)];
            List<Gap> slow = new ArrayList<>();
            for (int i = 1; i < after.size(); i++) {
                gaps[i - 1] = ms(after.get(i) - after.get(i - 1));
                if (gaps[i - 1] > SLOW_FRAME_MS) {
                    slow.add(new Gap(after.get(i - 1), gaps[i - 1]));
                }
            }
            Arrays.sort(gaps);
            return new Gaps(gaps[gaps.length - 1], gaps[Math.min(gaps.length - 1, gaps.length * 99 / 100)], after.size() - 1,
                    slow);
        });
    }

    private void row(String what, String result, String target) {
        table.row(what, result, target);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String fmt(double ms) {
        return String.format(Locale.ROOT, "%.1f", ms);
    }

    private static void fx(Runnable r) throws Exception {
        call(() -> {
            r.run();
            return null;
        });
    }

    private static <T> T call(java.util.concurrent.Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!call(condition)) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(2);
        }
    }
}
