package org.llavainspector.ui.search;

import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import org.llavainspector.core.util.CancellableMonitor;
import org.llavainspector.ui.common.Background;
import org.llavainspector.ui.main.MainViewModel;

/**
 * The filter: the query text, the live match count, the last syntax error. Each new query cancels the search
 * still running for the previous one; searches run off the FX thread.
 */
public final class FilterViewModel {
    /**
     * Prepares a query on the FX thread (parsing it, taking what it needs from the collection) and returns the
     * search to run in the background, which gives the matching global sample numbers, ascending.
     */
    @FunctionalInterface
    public interface Searcher {
        java.util.concurrent.Callable<int[]> prepare(String query, CancellableMonitor monitor) throws Exception;
    }

    private final MainViewModel main;
    private final Searcher searcher;
    private final Executor executor;
    private final StringProperty query = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper matches = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private Task<int[]> running;
    private CancellableMonitor runningMonitor;
    private boolean active;
    private java.util.function.Consumer<String> onApplied = text -> { };

    public FilterViewModel(MainViewModel main, Searcher searcher, Executor executor) {
        this.main = main;
        this.searcher = searcher;
        this.executor = executor;
    }

    /** Told the text of every query applied (empty when the filter was cleared). */
    public void onApplied(java.util.function.Consumer<String> listener) {
        this.onApplied = listener;
    }

    /** Runs the current query (called by the view after a short pause in typing, or on Enter); shows its first match. */
    public void apply() {
        run(false);
    }

    /**
     * Runs the current query again over the samples there are now (more files were indexed); the current sample stays
     * current when it still matches.
     */
    public void rerun() {
        run(true);
    }

    private void run(boolean keepCurrent) {
        if (running != null) {
            runningMonitor.cancel();
            running.cancel();
        }
        String q = query.get() == null ? "" : query.get().strip();
        onApplied.accept(q);
        if (q.isEmpty()) {
            error.set("");
            matches.set("");
            if (active) {
                active = false;
                main.showOnly(null, keepCurrent);
            }
            return;
        }
        CancellableMonitor monitor = new CancellableMonitor();
        runningMonitor = monitor;
        java.util.concurrent.Callable<int[]> search;
        try {
            search = searcher.prepare(q, monitor);
        } catch (Exception e) {
            error.set(e.getMessage());
            matches.set("");
            return;
        }
        matches.set("searching…");
        running = Background.task(search)
                .onSuccess(found -> {
                    active = true;
                    error.set("");
                    matches.set(String.format("%,d match%s", found.length, found.length == 1 ? "" : "es"));
                    main.showOnly(found, keepCurrent);
                })
                .onError(e -> {
                    if (!(e instanceof java.util.concurrent.CancellationException) && !monitor.isCancelled()) {
                        error.set("search failed: " + e.getMessage());
                        matches.set("");
                    }
                })
                .start(executor);
    }

    public StringProperty queryProperty() {
        return query;
    }

    /** "1,234 matches", "searching…" or empty. */
    public ReadOnlyStringProperty matchesProperty() {
        return matches.getReadOnlyProperty();
    }

    /** The query's syntax error (one line naming the column), or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
