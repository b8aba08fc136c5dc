package org.llavainspector.ui.insight;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.llavainspector.core.compare.CompareCategory;
import org.llavainspector.core.compare.ComparisonQueryFields;
import org.llavainspector.core.compare.DatasetComparison;
import org.llavainspector.core.compare.RecordDiff;
import org.llavainspector.core.compare.RecordPair;
import org.llavainspector.core.dataset.DatasetCollection;
import org.llavainspector.core.dataset.DatasetIndex;
import org.llavainspector.core.dataset.SampleRecord;
import org.llavainspector.core.util.CancellableMonitor;
import org.llavainspector.ui.common.Background;
import org.llavainspector.ui.common.FxProgress;

/**
 * Compares file A with file B of the open collection in the background (once both are indexed), with progress and
 * cancel, and hands the result on as {@code cmp:} query fields. Also lists the pairs behind a category and reads a
 * chosen pair side by side. FX thread only.
 */
public final class CompareViewModel {
    private final DatasetCollection collection;
    private final int fileA;
    private final int fileB;
    private final Executor executor;
    private final Consumer<ComparisonQueryFields> onResult;
    private final ReadOnlyObjectWrapper<ComparisonQueryFields> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", -1);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<CompareCategory> pairCategory = new ReadOnlyObjectWrapper<>(this, "pairCategory",
            CompareCategory.CHANGED);
    private final ObservableList<RecordPair> pairs = FXCollections.observableArrayList();
    private final ObservableList<RecordDiff.Row> diff = FXCollections.observableArrayList();
    private CancellableMonitor monitor;
    private Task<DatasetComparison> task;
    private Task<?> reading;

    /**
     * @param fileA    position of file A in the collection
     * @param fileB    position of file B (another file)
     * @param onResult told the result of each comparison that completes
     */
    public CompareViewModel(DatasetCollection collection, int fileA, int fileB, Executor executor,
            Consumer<ComparisonQueryFields> onResult) {
        if (fileA == fileB) {
            throw new IllegalArgumentException("compare a file with another one");
        }
        this.collection = collection;
        this.fileA = fileA;
        this.fileB = fileB;
        this.executor = executor;
        this.onResult = onResult;
    }

    /** Starts (or restarts) the comparison; it waits until both files are indexed. */
    public void start() {
        cancel();
        DatasetIndex a = index(fileA);
        DatasetIndex b = index(fileB);
        CancellableMonitor m = FxProgress.monitor(fraction -> {
            if (running.get()) {
                progress.set(fraction);
            }
        });
        monitor = m;
        result.set(null);
        pairs.clear();
        diff.clear();
        progress.set(-1);
        running.set(true);
        message.set(a.isComplete() && b.isComplete() ? "Comparing…" : "Waiting for the files to be indexed…");
        CompletableFuture.allOf(a.completion(), b.completion()).whenComplete((v, e) -> Platform.runLater(() -> {
            if (monitor != m || m.isCancelled()) {
                return;
            }
            if (e != null) {
                failed(e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e);
                return;
            }
            message.set("Comparing " + a.file().getFileName() + " with " + b.file().getFileName() + "…");
            task = Background.task(() -> DatasetComparison.compare(a, b, m))
                    .onSuccess(r -> {
                        if (monitor == m && !m.isCancelled()) {
                            completed(new ComparisonQueryFields(r, fileA, fileB));
                        }
                    })
                    .onError(error -> {
                        if (monitor == m && !m.isCancelled()) {
                            failed(error);
                        }
                    })
                    .start(executor);
        }));
    }

    private void completed(ComparisonQueryFields fields) {
        running.set(false);
        progress.set(1);
        DatasetComparison r = fields.comparison();
        message.set(String.format("%,d same · %,d changed · %,d only in A · %,d only in B · %,d same conversation"
                + " under another key", r.same().size(), r.changed().size(), r.onlyInA().length, r.onlyInB().length,
                r.sameConversationDifferentKey().size()));
        result.set(fields);
        onResult.accept(fields);
        showPairs(CompareCategory.CHANGED);
    }

    private void failed(Throwable error) {
        running.set(false);
        progress.set(0);
        message.set(error instanceof CancellationException ? "Cancelled"
                : "Comparison failed: " + String.valueOf(error.getMessage())
                        .replace("org.llavainspector.core.dataset.DatasetException: ", ""));
    }

    /** Stops a running comparison; the result stays empty. */
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

    /** Lists the pairs of {@code category} when it has pairs (same, changed, moved); other categories are ignored. */
    public void showPairs(CompareCategory category) {
        ComparisonQueryFields r = result.get();
        if (r == null || !category.paired()) {
            return;
        }
        pairCategory.set(category);
        pairs.setAll(r.pairs(category));
        diff.clear();
    }

    /** Reads both records of a pair in the background and shows them side by side. */
    public void showPair(RecordPair pair) {
        if (reading != null) {
            reading.cancel();
        }
        if (pair == null) {
            diff.clear();
            return;
        }
        DatasetIndex a = index(fileA);
        DatasetIndex b = index(fileB);
        reading = Background.task(() -> RecordDiff.of(SampleRecord.parse(pair.a(), a.readBytes(pair.a())),
                SampleRecord.parse(pair.b(), b.readBytes(pair.b()))))
                .onSuccess(diff::setAll)
                .onError(e -> message.set("cannot read the pair: " + e.getMessage()))
                .start(executor);
    }

    /** The global sample numbers of {@code category} in A and B, ascending (what the filter {@code cmp:...} shows). */
    public int[] samples(CompareCategory category) {
        ComparisonQueryFields r = result.get();
        if (r == null) {
            return new int[0];
        }
        int[] inA = Arrays.stream(r.records(category, fileA)).map(rec -> collection.globalOf(fileA, rec)).toArray();
        int[] inB = Arrays.stream(r.records(category, fileB)).map(rec -> collection.globalOf(fileB, rec)).toArray();
        int[] all = new int[inA.length + inB.length];
        System.arraycopy(inA, 0, all, 0, inA.length);
        System.arraycopy(inB, 0, all, inA.length, inB.length);
        return Arrays.stream(all).filter(g -> g >= 0).sorted().toArray();
    }

    private DatasetIndex index(int file) {
        return collection.datasets().get(file).index();
    }

    /** The id of record {@code record} of A (side 0) or B (side 1), from the index. */
    public String idOf(int side, int record) {
        return index(side == 0 ? fileA : fileB).id(record);
    }

    /** The file name of A. */
    public String nameA() {
        return index(fileA).file().getFileName().toString();
    }

    /** The file name of B. */
    public String nameB() {
        return index(fileB).file().getFileName().toString();
    }

    /** The comparison once complete, else null. */
    public ReadOnlyObjectProperty<ComparisonQueryFields> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** 0..1, or -1 while unknown. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** What is happening, or the summary of the result. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The category whose pairs {@link #pairs()} lists. */
    public ReadOnlyObjectProperty<CompareCategory> pairCategoryProperty() {
        return pairCategory.getReadOnlyProperty();
    }

    /** The pairs of {@link #pairCategoryProperty()}. */
    public ObservableList<RecordPair> pairs() {
        return pairs;
    }

    /** The rows of the pair shown side by side (empty when none is chosen). */
    public ObservableList<RecordDiff.Row> diff() {
        return diff;
    }
}
