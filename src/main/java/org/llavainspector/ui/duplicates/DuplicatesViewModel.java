package org.llavainspector.ui.duplicates;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.concurrent.Task;
import org.llavainspector.core.compare.DuplicateGroups;
import org.llavainspector.core.compare.DuplicateGroups.Group;
import org.llavainspector.core.compare.DuplicateGroups.Kind;
import org.llavainspector.core.compare.ImageHashCache;
import org.llavainspector.core.compare.NearDuplicates;
import org.llavainspector.core.curation.Mark;
import org.llavainspector.core.dataset.DatasetIndex;
import org.llavainspector.core.image.ImageDecoder;
import org.llavainspector.core.image.ImageLoader;
import org.llavainspector.core.image.ImageSources;
import org.llavainspector.core.util.CancellableMonitor;
import org.llavainspector.ui.common.FxProgress;
import org.llavainspector.ui.common.Background;
import org.llavainspector.ui.curation.CurationViewModel;

/**
 * The duplicates of one dataset file: exact groups (same id, same first image, identical conversation) and, when
 * the collection has image sources, near-duplicate images, computed in one background run with progress and
 * cancel; and the curation actions on a group (keep one, reject the rest, as one undoable step). FX thread only.
 */
public final class DuplicatesViewModel {
    /** Where the groups come from and what the window does with samples (global numbers of the collection). */
    public interface Source {
        /** The index of the file, complete once {@link DatasetIndex#awaitComplete()} returns. */
        DatasetIndex index();

        /** The global sample number of record r of the file. */
        int globalOf(int record);

        /** The open image sources (may block while they open: called off the FX thread). */
        ImageSources imageSources();

        /** The hash cache file, or null to keep no cache. */
        Path hashCache();
    }

    private final Source source;
    private final CurationViewModel curation;
    private final Executor executor;
    private final Consumer<int[]> showInBrowser;
    private final ObservableMap<Kind, List<Group>> groups = FXCollections.observableMap(new EnumMap<>(Kind.class));
    private final ObservableList<Group> shown = FXCollections.observableArrayList();
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(this, "kind", Kind.IMAGE);
    private final ObjectProperty<Group> selected = new SimpleObjectProperty<>(this, "selected");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", -1);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private NearDuplicates.Result near;
    private CancellableMonitor monitor;
    private Task<Void> task;

    /**
     * @param showInBrowser filters the main browser to the given samples (global numbers, ascending)
     */
    public DuplicatesViewModel(Source source, CurationViewModel curation, Executor executor,
            Consumer<int[]> showInBrowser) {
        this.source = source;
        this.curation = curation;
        this.executor = executor;
        this.showInBrowser = showInBrowser;
        kind.addListener((o, a, b) -> refreshShown());
    }

    /** Starts (or restarts) finding the groups: exact ones first (shown at once), then near-duplicate images. */
    public void start() {
        cancel();
        AtomicReference<String> phase = new AtomicReference<>("");
        CancellableMonitor m = FxProgress.monitor((done, total) -> {
            if (running.get()) {
                progress.set(total > 0 ? Math.min(1, (double) done / total) : -1);
                message.set(phase.get() + (total > 0 ? String.format(" %,d of %,d", done, total) : ""));
            }
        });
        monitor = m;
        groups.clear();
        near = null;
        refreshShown();
        running.set(true);
        progress.set(-1);
        message.set("Reading " + source.index().file().getFileName() + "…");
        task = Background.<Void>task(() -> {
            DatasetIndex index = source.index().awaitComplete();
            phase.set("Comparing records:");
            List<Group> exact = DuplicateGroups.find(index, m);
            Platform.runLater(() -> {
                if (monitor == m && !m.isCancelled()) {
                    for (Kind k : Kind.exact()) {
                        groups.put(k, DuplicateGroups.ofKind(exact, k));
                    }
                    refreshShown();
                }
            });
            ImageSources sources = source.imageSources();
            if (sources.sources().isEmpty() && sources.rules().isEmpty()) {
                return null;
            }
            phase.set("Hashing images:");
            Path cacheFile = source.hashCache();
            ImageHashCache cache = loadCache(cacheFile);
            int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
            NearDuplicates.Result result = NearDuplicates.find(index, new ImageLoader(sources, new ImageDecoder()),
                    cache, NearDuplicates.DEFAULT_DISTANCE, threads, m);
            if (cache != null && cache.isChanged()) {
                cache.save(cacheFile);
            }
            Platform.runLater(() -> {
                if (monitor == m && !m.isCancelled()) {
                    near = result;
                    groups.put(Kind.NEAR_IMAGE, result.groups());
                    refreshShown();
                }
            });
            return null;
        }).onSuccess(v -> {
            if (monitor == m && !m.isCancelled()) {
                running.set(false);
                progress.set(1);
                message.set(summary());
            }
        }).onError(error -> {
            if (monitor == m && !m.isCancelled()) {
                running.set(false);
                progress.set(0);
                message.set(error instanceof CancellationException ? "Cancelled"
                        : "Finding duplicates failed: " + error.getMessage());
            }
        }).start(executor);
    }

    private static ImageHashCache loadCache(Path file) {
        if (file == null) {
            return null;
        }
        try {
            return ImageHashCache.load(file);
        } catch (IOException e) {
            return new ImageHashCache(); // damaged: hashed again and overwritten
        }
    }

    private String summary() {
        StringBuilder sb = new StringBuilder();
        for (Kind k : Kind.values()) {
            if (groups.containsKey(k)) {
                sb.append(sb.length() == 0 ? "" : " · ").append(groups.get(k).size()).append(' ').append(k.label());
            }
        }
        if (near == null) {
            sb.append(" · no image sources: near-duplicate images not searched");
        } else {
            String problems = NearDuplicates.describeProblems(near.hashes());
            sb.append(String.format(" · %,d images hashed (%,d decoded, %,d from the cache)%s",
                    near.hashes().hashedCount(), near.hashes().decoded(), near.hashes().fromCache(),
                    problems.isEmpty() ? "" : ", " + problems));
        }
        return sb.toString();
    }

    private void refreshShown() {
        List<Group> of = groups.getOrDefault(kind.get(), List.of());
        Group was = selected.get();
        shown.setAll(of);
        selected.set(was != null && of.contains(was) ? was : of.isEmpty() ? null : of.get(0));
    }

    /** Stops a running search; the groups found so far stay. */
    public void cancel() {
        if (monitor != null && running.get()) {
            monitor.cancel();
            if (task != null) {
                task.cancel(false);
            }
            running.set(false);
            progress.set(0);
            message.set("Cancelled");
        }
    }

    // ---- curation

    /** Marks the sample of record {@code keep} keep and every other record of the group reject: one undo step. */
    public void keepOnly(Group group, int keep) {
        Map<Integer, Mark> marks = new LinkedHashMap<>();
        for (int r : group.records()) {
            marks.put(source.globalOf(r), r == keep ? Mark.KEEP : Mark.REJECT);
        }
        curation.markEach(marks, "Keep 1 of " + group.size() + " duplicates");
    }

    /** In every group of the kind shown, keeps the first record and rejects the others: one undo step. */
    public int keepFirstInAll() {
        Map<Integer, Mark> marks = new LinkedHashMap<>();
        for (Group g : shown) {
            for (int r : g.records()) {
                // a record in several groups stays kept if it is first anywhere
                marks.merge(source.globalOf(r), r == g.records()[0] ? Mark.KEEP : Mark.REJECT,
                        (a, b) -> a == Mark.KEEP || b == Mark.KEEP ? Mark.KEEP : Mark.REJECT);
            }
        }
        curation.markEach(marks, "Keep the first of " + shown.size() + " groups of duplicates");
        return shown.size();
    }

    /** Filters the main browser to the samples of the group. */
    public void showInBrowser(Group group) {
        showInBrowser.accept(globals(group));
    }

    /** The global sample numbers of a group's records, ascending. */
    public int[] globals(Group group) {
        int[] out = new int[group.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = source.globalOf(group.records()[i]);
        }
        java.util.Arrays.sort(out);
        return out;
    }

    /** The first question of record r (a line of it), read off the FX thread. */
    public java.util.concurrent.CompletableFuture<String> firstQuestion(int record) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                String q = source.index().record(record).firstQuestion();
                return q == null ? "" : q.replace("<image>", "").strip();
            } catch (IOException e) {
                return "(cannot read: " + e.getMessage() + ")";
            }
        }, executor);
    }

    /** The mark of record r as it is now (null when none). */
    public Mark markOf(int record) {
        return curation.stateOf(source.globalOf(record)).mark();
    }

    // ---- what the view reads

    public Source source() {
        return source;
    }

    /** The near-duplicate result, once computed (for each image's distance), else null. */
    public NearDuplicates.Result near() {
        return near;
    }

    /** Groups found so far per kind (a kind is absent until computed). */
    public ObservableMap<Kind, List<Group>> groups() {
        return groups;
    }

    /** The groups of the selected kind. */
    public ObservableList<Group> shownGroups() {
        return shown;
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public ObjectProperty<Group> selectedProperty() {
        return selected;
    }

    /** 0..1, or -1 while the total is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Changes after every mark, undo or redo: cards re-read their marks. */
    public javafx.beans.property.ReadOnlyLongProperty curationVersionProperty() {
        return curation.versionProperty();
    }
}
