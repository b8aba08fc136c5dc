package org.llavainspector.ui.insight;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.concurrent.Task;
import org.llavainspector.core.dataset.ImageToken;
import org.llavainspector.core.stats.DatasetStats;
import org.llavainspector.core.util.CancellableMonitor;
import org.llavainspector.core.validate.ProblemIndex;
import org.llavainspector.core.validate.ProblemKind;
import org.llavainspector.ui.common.Background;
import org.llavainspector.ui.common.FxProgress;

/**
 * Computes the {@link DatasetStats} of one dataset file in the background and exposes the result, the progress and
 * the state as JavaFX properties. Also knows which query selects the samples behind each bar. FX thread only.
 */
public final class StatsViewModel {
    /** How many image folders the folder chart shows. */
    public static final int TOP_FOLDERS = 12;

    private final Path file;
    private final ProblemIndex problems;
    private final Executor executor;
    private final ReadOnlyObjectWrapper<DatasetStats> stats = new ReadOnlyObjectWrapper<>(this, "stats");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", -1);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private CancellableMonitor monitor;
    private Task<DatasetStats> task;

    /** A model for {@code file}; {@code problems} (nullable) gives the problem chart. Call {@link #start()}. */
    public StatsViewModel(Path file, ProblemIndex problems, Executor executor) {
        this.file = file;
        this.problems = problems;
        this.executor = executor;
    }

    /** Starts (or restarts) computing the statistics. */
    public void start() {
        cancel();
        CancellableMonitor m = FxProgress.monitor(fraction -> {
            if (running.get()) {
                progress.set(fraction);
            }
        });
        monitor = m;
        stats.set(null);
        progress.set(-1);
        running.set(true);
        message.set("Computing statistics of " + file.getFileName() + "…");
        task = Background.task(() -> DatasetStats.of(file, m))
                .onSuccess(result -> {
                    if (monitor == m && !m.isCancelled()) {
                        running.set(false);
                        progress.set(1);
                        message.set(result.records() + " records");
                        stats.set(result);
                    }
                })
                .onError(error -> {
                    if (monitor == m && !m.isCancelled()) {
                        running.set(false);
                        progress.set(0);
                        message.set(error instanceof CancellationException ? "Cancelled"
                                : "Statistics failed: " + error.getMessage());
                    }
                })
                .start(executor);
    }

    /** Stops a running computation; the statistics stay empty. */
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

    public Path file() {
        return file;
    }

    /** The problem index given to the model, or null. */
    public ProblemIndex problems() {
        return problems;
    }

    /** The statistics once computed, else null. */
    public ReadOnlyObjectProperty<DatasetStats> statsProperty() {
        return stats.getReadOnlyProperty();
    }

    public DatasetStats getStats() {
        return stats.get();
    }

    /** 0..1, or -1 while the total is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** One line for the status label. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    // ---- labels and queries of the bars (pure, static) ----

    /** Series names of the length chart. */
    public static final String QUESTIONS = "questions (human)";
    public static final String ANSWERS = "answers (gpt)";

    /** Category labels of the record kinds chart. */
    public static final String WITH_IMAGE = "with image";
    public static final String TEXT_ONLY = "text-only";
    public static final String MULTI_IMAGE = "multi-image";

    /** Label of a placement bar. */
    public static String placementLabel(ImageToken.Placement p) {
        return p.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The query for a bar of the turns chart. */
    public static String turnsQuery(String turns) {
        return "turns=" + turns;
    }

    /**
     * The query for a placement bar, or null where the query language has no equivalent. Only "none" (no
     * {@code <image>} token in any turn) has one: {@code -"<image>"}, the records whose text does not contain the
     * token (image paths and ids never do). Start, end, middle and multiple have no query.
     */
    public static String placementQuery(ImageToken.Placement p) {
        return "placement:" + p.label();
    }

    /** The query for a bar of the record kinds chart, or null. */
    public static String kindQuery(String kind) {
        switch (kind) {
            case WITH_IMAGE:
                return "has:image";
            case TEXT_ONLY:
                return "has:no-image";
            case MULTI_IMAGE:
                return "has:multi-image";
            default:
                return null;
        }
    }

    /** The query for a {@code from} bar. */
    public static String fromQuery(String from) {
        return "from:" + quoteIfNeeded(from);
    }

    /** The query for a folder bar; null for "(root)" and "(other)", which no query selects. */
    public static String folderQuery(String folder) {
        if (DatasetStats.ROOT_FOLDER.equals(folder)) {
            return "has:image -image:/"; // images with no folder in their path
        }
        if (folder.startsWith("(") && folder.endsWith(")")) {
            return null;
        }
        return "image:" + quoteIfNeeded(folder + "/");
    }

    /** The query for a problem kind bar. */
    public static String problemQuery(String kind) {
        return "problem:" + kind;
    }

    private static String quoteIfNeeded(String s) {
        boolean plain = !s.isEmpty() && s.chars().noneMatch(c -> Character.isWhitespace(c) || c == '"' || c == '('
                || c == ')' || c == '\\' || c == ':') && !s.startsWith("-");
        return plain ? s : '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** Records per problem kind (kinds without records left out), in the enum's order. */
    public static Map<ProblemKind, Long> problemCounts(ProblemIndex problems) {
        Map<ProblemKind, Long> counts = new EnumMap<>(ProblemKind.class);
        ProblemKind[] kinds = ProblemKind.values();
        long[] n = new long[kinds.length];
        for (int r = 0, size = problems.size(); r < size; r++) {
            int mask = problems.mask(r);
            if (mask != 0) {
                for (ProblemKind k : kinds) {
                    if ((mask & ProblemIndex.bit(k)) != 0) {
                        n[k.ordinal()]++;
                    }
                }
            }
        }
        for (ProblemKind k : kinds) {
            if (n[k.ordinal()] > 0) {
                counts.put(k, n[k.ordinal()]);
            }
        }
        return counts;
    }
}
