package org.llavainspector.ui.main;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.util.Duration;
import org.llavainspector.core.compare.ComparisonQueryFields;
import org.llavainspector.core.dataset.Dataset;
import org.llavainspector.core.dataset.DatasetCollection;
import org.llavainspector.core.dataset.DatasetException;
import org.llavainspector.core.dataset.FirstImagePaths;
import org.llavainspector.core.image.ImageSources;
import org.llavainspector.core.image.SourceCandidates;
import org.llavainspector.core.util.TaskMonitor;
import org.llavainspector.core.validate.ProblemIndex;
import org.llavainspector.ui.AppContext;
import org.llavainspector.ui.common.Background;
import org.llavainspector.ui.common.FramePacer;
import org.llavainspector.ui.common.NextFrame;
import org.llavainspector.core.curation.Session;
import org.llavainspector.ui.curation.CurationViewModel;
import org.llavainspector.ui.detail.SampleDetail;

/**
 * State of the main window: the open collection, the samples shown (all, or those matching the filter), the
 * current sample and the status line. Views bind to its properties; every slow step runs in the background.
 */
public final class MainViewModel {
    private static final Duration PULSE = Duration.millis(100);

    private final AppContext context;
    private final CurationViewModel curation;
    private final ObservableList<Integer> selection = FXCollections.observableArrayList();
    private final DatasetCollection collection;
    private final AtomicLong indexedBytes = new AtomicLong();
    private final AtomicLong totalBytes = new AtomicLong();
    private final SampleNumberList visible = new SampleNumberList();
    private final IntegerProperty currentPosition = new SimpleIntegerProperty(-1);
    private final ReadOnlyObjectWrapper<SampleDetail> current = new ReadOnlyObjectWrapper<>();
    private final IntegerProperty total = new SimpleIntegerProperty();
    private final IntegerProperty imageGeneration = new SimpleIntegerProperty();
    private final ReadOnlyStringWrapper imageSourceNames = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper imageSourcePaths = new ReadOnlyStringWrapper("");
    private final DoubleProperty indexProgress = new SimpleDoubleProperty(1);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private static final String APP_NAME = "LLaVA Inspector";
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(APP_NAME);
    private final BooleanProperty gridMode = new SimpleBooleanProperty(true);
    private final List<Consumer<String>> errorListeners = new ArrayList<>();
    private final List<Consumer<String>> infoListeners = new ArrayList<>();
    private final List<Dataset> reportedFailures = new ArrayList<>();
    private final Random random = new Random();
    private final List<ProblemIndex> problemIndexes = new ArrayList<>();
    private final BooleanProperty indexingComplete = new SimpleBooleanProperty(true);
    private final ObjectProperty<ComparisonQueryFields> comparison = new SimpleObjectProperty<>();
    private final Timeline pulse = new Timeline(new KeyFrame(PULSE, e -> takeInNewSamples()));
    /** The indexer gives way while the window is late drawing (see FramePacer). */
    private final FramePacer pacer = new FramePacer();
    /** The {@code PREFIX=SRC} rules of the image sources in use, and whether those sources have been opened. */
    private List<String> sourceRules = List.of();
    private boolean sourcesKnown;
    private boolean filtered;
    private Task<SampleDetail> loading;

    public MainViewModel(AppContext context) {
        this.context = context;
        this.curation = new CurationViewModel(context.sessions(), context.appOwnedSessions(), demoFolder(), this::reportError,
                this::reportInfo);
        this.collection = new DatasetCollection(context.indexer(), new TaskMonitor() {
            @Override
            public void progress(long done, long total) {
                indexedBytes.set(done);
                totalBytes.set(total);
                pacer.giveWay(); // called on the indexer's thread every thousand records or so
            }
        });
        pulse.setCycleCount(Timeline.INDEFINITE);
        currentPosition.addListener((obs, old, pos) -> loadCurrent());
    }

    /**
     * Opens dataset files into the collection, with extra image sources and {@code PREFIX=SRC} rules, and the zips and
     * image folders beside each file that hold images of its first records.
     */
    public void open(List<Path> files, List<Path> imageSources, List<String> prefixRules) {
        // the sources open in the background while indexing starts; thumbnails wait for them
        context.images().addSourcesInBackground(() -> {
            SourceCandidates candidates = SourceCandidates.named(imageSources);
            for (Path file : files) {
                if (java.nio.file.Files.isRegularFile(file)) {
                    candidates = candidates.proposing(ImageSources.proposeSourcesBeside(file),
                            FirstImagePaths.of(file));
                }
            }
            return candidates;
        }, prefixRules).whenComplete((changed, e) -> javafx.application.Platform.runLater(
                () -> sourcesOpened("image sources", prefixRules, changed, e)));
        startIndexing(files);
    }

    private void startIndexing(List<Path> files) {
        for (Path file : files) {
            ProblemIndex problems = new ProblemIndex();
            problemIndexes.add(problems);
            collection.add(file, problems);
            context.background().execute(() -> context.recentFiles().add(file)); // saves the preferences: not on the FX thread
        }
        title.set(titleOf(collection.datasets().stream().map(d -> d.file().getFileName().toString()).toList()));
        pulse.play();
        pacer.start();
        takeInNewSamples();
        // the session is read (and the one it replaces saved) off the FX thread
        curation.attachInBackground(collection, context.background()).thenRun(this::sessionAttached);
    }

    private void sessionAttached() {
        Session session = curation.session();
        if (session == null) {
            return;
        }
        if (session.imageSources().isEmpty()) {
            recordImageSources();
            return;
        }
        // sources the user had added last time (those beside the files are found again anyway)
        List<String> rules = session.imageRules();
        context.images().addSourcesInBackground(() -> SourceCandidates.named(session.imageSources().stream()
                        .map(Path::of).filter(java.nio.file.Files::exists).toList()), rules)
                .whenComplete((changed, e) -> javafx.application.Platform.runLater(
                        () -> sourcesOpened("image sources of the session", rules, changed, e)));
    }

    /**
     * Image sources were added (or failed to open): the session remembers them; when they changed, views reload their
     * thumbnails (not when the file opened brought none that it uses: every cell on screen would be painted again).
     */
    private void sourcesOpened(String what, List<String> rules, Boolean changed, Throwable error) {
        if (error != null) {
            reportError(what + ": " + (error.getCause() == null ? error : error.getCause()).getMessage());
        }
        List<String> all = new ArrayList<>(sourceRules);
        rules.stream().filter(r -> !all.contains(r)).forEach(all::add);
        sourceRules = all;
        sourcesKnown = true;
        recordImageSources();
        List<Path> opened = context.images().sourcePaths();
        imageSourceNames.set(sourcesLine(opened.stream().map(p -> String.valueOf(p.getFileName())).toList()));
        imageSourcePaths.set(opened.stream().map(Path::toString).collect(java.util.stream.Collectors.joining("\n")));
        if (Boolean.TRUE.equals(changed)) {
            imageGeneration.set(imageGeneration.get() + 1);
            if (currentPosition.get() >= 0) {
                loadCurrent(); // an image it missed may be found now
            }
        }
    }

    /** The session remembers the image sources in use (they are opened again with it). */
    private void recordImageSources() {
        Session session = curation.session();
        if (session != null && sourcesKnown) {
            session.setImageSources(context.images().sourcePaths().stream().map(Path::toString).toList(), sourceRules);
        }
    }

    /** The folder File ▸ Open starts in: that of the file the user opened last (not the bundled demo's), if any. */
    public java.util.Optional<Path> folderToOpenFrom() {
        Path demo = demoFolder();
        return context.recentFiles().list().stream().map(p -> p.toAbsolutePath().normalize().getParent())
                .filter(dir -> dir != null && !isInside(dir, demo))
                .filter(java.nio.file.Files::isDirectory).findFirst();
    }

    /** Whether {@code folder} (absolute, normalised) is {@code demoFolder} or inside it; false when there is no demo. */
    static boolean isInside(Path folder, Path demoFolder) {
        return demoFolder != null && folder.startsWith(demoFolder.toAbsolutePath().normalize());
    }

    /** The bundled demo dataset's folder, or null when it cannot be found. */
    static Path demoFolder() {
        try {
            return org.llavainspector.core.dataset.DemoDataset.folder();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Marks, tags, notes, image edits, undo and autosave of the open collection. */
    public CurationViewModel curation() {
        return curation;
    }

    /**
     * Samples chosen in the list for actions on several at once (empty when only the current one is meant); see
     * {@link #targets()}.
     */
    public ObservableList<Integer> selection() {
        return selection;
    }

    /** The samples an action applies to: the list's multi-selection when it has several, else the current sample. */
    public List<Integer> targets() {
        if (selection.size() > 1) {
            return List.copyOf(selection);
        }
        int g = currentSample();
        return g < 0 ? List.of() : List.of(g);
    }

    /** The global number of the current sample, or -1. */
    public int currentSample() {
        int pos = currentPosition.get();
        return pos < 0 || pos >= visible.size() ? -1 : visible.get(pos);
    }

    /** The image sources in use (found beside the datasets or given), for the status bar. */
    public ReadOnlyStringProperty imageSourcesProperty() {
        return imageSourceNames.getReadOnlyProperty();
    }

    /** The full paths of the image sources in use, one a line (the status bar's tooltip). */
    public ReadOnlyStringProperty imageSourcePathsProperty() {
        return imageSourcePaths.getReadOnlyProperty();
    }

    /**
     * The status bar's line for the image sources: the first {@value #SOURCES_NAMED} names and how many more (a
     * folder full of sub-folders can bring dozens, and the line must leave the counts beside it room).
     */
    static String sourcesLine(List<String> names) {
        return names.isEmpty() ? "no image sources" : "images: " + namedAndMore(names, SOURCES_NAMED);
    }

    /** The first {@code named} of {@code names}, then how many more: {@code a, b + 3 more}. */
    private static String namedAndMore(List<String> names, int named) {
        String first = String.join(", ", names.subList(0, Math.min(named, names.size())));
        return names.size() > named ? first + " + " + (names.size() - named) + " more" : first;
    }

    private static final int SOURCES_NAMED = 3;

    /** Changes whenever the image sources change, so that views reload their thumbnails. */
    public ReadOnlyIntegerProperty imageGenerationProperty() {
        return imageGeneration;
    }

    /** Adds what the indexer found since the last pulse; reports files that failed. */
    private void takeInNewSamples() {
        int before = collection.size();
        int added = collection.refresh();
        if (added > 0) {
            total.set(collection.size());
            if (!filtered) {
                visible.appendRange(before, before + added);
            }
            if (currentPosition.get() < 0 && !visible.isEmpty()) {
                // a frame later: the grid's first cells and the first sample's detail (with its image and sample
                // loads) are each a frame's worth of work the first time, and together they made one long frame.
                // Asked again before that frame, it is asked twice: the second finds a sample current already.
                NextFrame.run(() -> {
                    if (currentPosition.get() < 0 && !visible.isEmpty()) {
                        currentPosition.set(0);
                    }
                });
            }
        }
        for (Dataset d : collection.datasets()) {
            if (d.index().completion().isCompletedExceptionally() && !reportedFailures.contains(d)) {
                reportedFailures.add(d);
                d.index().completion().exceptionally(e -> {
                    reportError(e instanceof DatasetException ? e.getMessage() : String.valueOf(e.getCause() == null
                            ? e : e.getCause()).replace("org.llavainspector.core.dataset.DatasetException: ", ""));
                    return null;
                });
            }
        }
        boolean complete = collection.isComplete();
        indexingComplete.set(complete);
        long all = Math.max(1, totalBytes.get());
        indexProgress.set(complete ? 1 : Math.min(0.99, (double) indexedBytes.get() / all));
        updateStatus(complete);
        if (complete) {
            pulse.stop();
            pacer.stop();
        }
    }

    private void updateStatus(boolean complete) {
        StringBuilder sb = new StringBuilder();
        sb.append(collection.size() == 1 ? "1 sample" : String.format("%,d samples", collection.size()));
        if (filtered) {
            sb.append(String.format(" · %,d shown", visible.size()));
        }
        if (!complete) {
            sb.append(String.format(" · indexing %d%%", (int) (indexProgress.get() * 100)));
        }
        status.set(sb.toString());
    }

    /** Shows only these samples (global numbers, ascending), or all when {@code matches} is null; starts at the first. */
    public void showOnly(int[] matches) {
        showOnly(matches, false);
    }

    /**
     * Shows only these samples (global numbers, ascending), or all when {@code matches} is null. With
     * {@code keepCurrent} the current sample stays current when it is among them (the same filter run again over more
     * samples); otherwise, or when it is not, the first one is.
     */
    public void showOnly(int[] matches, boolean keepCurrent) {
        int was = keepCurrent ? currentSample() : -1;
        filtered = matches != null;
        if (matches == null) {
            visible.replaceAllWithRange(collection.size());
        } else {
            visible.replaceAll(matches);
        }
        int kept = was < 0 ? -1 : visible.indexOf(was);
        currentPosition.set(kept >= 0 ? kept : visible.isEmpty() ? -1 : 0);
        loadCurrent();
        updateStatus(collection.isComplete());
    }

    /** Reads the current sample again (after its image paths were edited). */
    public void reloadCurrent() {
        loadCurrent();
    }

    private void loadCurrent() {
        if (loading != null) {
            loading.cancel();
        }
        int pos = currentPosition.get();
        if (pos < 0 || pos >= visible.size()) {
            current.set(null);
            return;
        }
        int g = visible.get(pos);
        Dataset dataset = collection.datasetOf(g);
        int record = collection.recordOf(g);
        List<String> edited = curation.stateOf(g).image();
        loading = Background.task(() -> SampleReader.read(dataset, g, record, context.images(), edited))
                .onSuccess(current::set)
                .onError(e -> reportError("sample " + g + ": " + e.getMessage()))
                .start(context.background());
        prefetchNeighbours(pos);
    }

    private void prefetchNeighbours(int pos) {
        List<String> paths = new ArrayList<>();
        for (int p = Math.max(0, pos - 2); p < Math.min(visible.size(), pos + 6); p++) {
            String image = firstImage(visible.get(p));
            if (image != null) {
                paths.add(image);
            }
        }
        context.images().prefetch(paths);
    }

    // navigation

    public void next() {
        move(1);
    }

    public void previous() {
        move(-1);
    }

    public void move(int delta) {
        if (!visible.isEmpty()) {
            currentPosition.set(Math.max(0, Math.min(visible.size() - 1, currentPosition.get() + delta)));
        }
    }

    public void random() {
        if (!visible.isEmpty()) {
            currentPosition.set(random.nextInt(visible.size()));
        }
    }

    /**
     * Jumps to a sample given by its number (as shown, 0-based global) or its id; returns false when none matches.
     */
    public boolean jumpTo(String target) {
        String t = target.strip();
        if (t.matches("\\d+")) {
            int g = Integer.parseInt(t);
            int pos = visible.indexOf(g);
            if (pos >= 0) {
                currentPosition.set(pos);
                return true;
            }
        }
        for (int pos = 0; pos < visible.size(); pos++) {
            int g = visible.get(pos);
            if (t.equals(collection.datasetOf(g).index().id(collection.recordOf(g)))) {
                currentPosition.set(pos);
                return true;
            }
        }
        return false;
    }

    // what views read

    public DatasetCollection collection() {
        return collection;
    }

    public AppContext context() {
        return context;
    }

    /** Global numbers of the samples shown, in order. */
    public ObservableList<Integer> visibleSamples() {
        return visible;
    }

    /** Position of the current sample in {@link #visibleSamples()}, -1 for none. */
    public IntegerProperty currentPositionProperty() {
        return currentPosition;
    }

    /** The current sample, read in the background; null while none. */
    public ReadOnlyObjectProperty<SampleDetail> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total;
    }

    /** 0..1 while files are being indexed, 1 when done. */
    public DoubleProperty indexProgressProperty() {
        return indexProgress;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The window's title: the open files' names (two at most, then how many more) and the app's name. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    static String titleOf(List<String> files) {
        if (files.isEmpty()) {
            return APP_NAME;
        }
        return namedAndMore(files, 2) + " — " + APP_NAME;
    }

    /** The validation problems found while indexing file f (record → kinds), for {@code problem:} queries. */
    public ProblemIndex problemsOfFile(int f) {
        return problemIndexes.get(f);
    }

    /** True when every open file has been indexed. */
    public javafx.beans.property.ReadOnlyBooleanProperty indexingCompleteProperty() {
        return indexingComplete;
    }

    /** The last comparison of two open files (Insight ▸ Compare with…), behind {@code cmp:}; null until one ran. */
    public ObjectProperty<ComparisonQueryFields> comparisonProperty() {
        return comparison;
    }

    public BooleanProperty gridModeProperty() {
        return gridMode;
    }

    /** The first image path of sample g, or null (index data: no disk access). */
    public String firstImage(int g) {
        return collection.datasetOf(g).index().firstImage(collection.recordOf(g));
    }

    /** The id of sample g (index data: no disk access). */
    public String idOf(int g) {
        return collection.datasetOf(g).index().id(collection.recordOf(g));
    }

    /** Tells the listener about every error worth a notification (one line, naming file and position). */
    public void onError(Consumer<String> listener) {
        errorListeners.add(listener);
    }

    void reportError(String message) {
        errorListeners.forEach(l -> l.accept(message));
    }

    /** Tells the listener about news worth a passing note, such as marks restored from a session. */
    public void onInfo(Consumer<String> listener) {
        infoListeners.add(listener);
    }

    void reportInfo(String message) {
        infoListeners.forEach(l -> l.accept(message));
    }
}
