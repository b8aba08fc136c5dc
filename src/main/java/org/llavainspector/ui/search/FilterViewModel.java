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
    /** Runs a query over the whole collection and returns the matching global sample numbers, ascending. */
    @FunctionalInterface
    public interface Searcher {
        int[] search(String query, CancellableMonitor monitor) throws Exception;
    }

    private final MainViewModel main;
    private final Searcher searcher;
    private final Executor executor;
    private final StringProperty query = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper matches = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private Task<int[]> running;
    private CancellableMonitor runningMonitor;

    public FilterViewModel(MainViewModel main, Searcher searcher, Executor executor) {
        this.main = main;
        this.searcher = searcher;
        this.executor = executor;
    }

    /** Runs the current query (called by the view after a short pause in typing, or on Enter). */
    public void apply() {
        if (running != null) {
            runningMonitor.cancel();
            running.cancel();
        }
        String q = query.get() == null ? "" : query.get().strip();
        if (q.isEmpty()) {
            error.set("");
            matches.set("");
            main.showOnly(null);
            return;
        }
        CancellableMonitor monitor = new CancellableMonitor();
        runningMonitor = monitor;
        matches.set("searching…");
        running = Background.task(() -> searcher.search(q, monitor))
                .onSuccess(found -> {
                    error.set("");
                    matches.set(String.format("%,d match%s", found.length, found.length == 1 ? "" : "es"));
                    main.showOnly(found);
                })
                .onError(e -> {
                    if (!(e instanceof java.util.concurrent.CancellationException) && !monitor.isCancelled()) {
                        error.set(e.getMessage());
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
