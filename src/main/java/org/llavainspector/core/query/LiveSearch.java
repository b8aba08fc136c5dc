package org.llavainspector.core.query;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.llavainspector.core.util.CancellableMonitor;

/**
 * Search as you type: at most one search runs, and starting a new one cancels the previous (whose future then
 * completes exceptionally with a {@link java.util.concurrent.CancellationException}).
 */
public final class LiveSearch {
    private final QueryEngine engine;
    private final Executor executor;
    private CancellableMonitor current;

    /** Searches run on {@code executor} (one task per search; the engine adds its own helpers). */
    public LiveSearch(QueryEngine engine, Executor executor) {
        this.engine = engine;
        this.executor = executor;
    }

    /** Cancels the running search and starts one for {@code query} over the records available now. */
    public CompletableFuture<QueryResult> search(Query query, CancellableMonitor.ProgressCallback progress) {
        return start(monitor -> engine.search(query, monitor), progress);
    }

    /** Cancels the running search and extends {@code previous} over the records indexed since (growing index). */
    public CompletableFuture<QueryResult> extend(QueryResult previous, CancellableMonitor.ProgressCallback progress) {
        return start(monitor -> engine.extend(previous, monitor), progress);
    }

    /** Cancels the running search, if any. */
    public synchronized void cancel() {
        if (current != null) {
            current.cancel();
            current = null;
        }
    }

    /** One search of the engine under a monitor. */
    @FunctionalInterface
    private interface Run {
        QueryResult run(CancellableMonitor monitor) throws IOException;
    }

    private synchronized CompletableFuture<QueryResult> start(Run run, CancellableMonitor.ProgressCallback progress) {
        cancel();
        CancellableMonitor monitor = new CancellableMonitor(progress);
        current = monitor;
        return CompletableFuture.supplyAsync(() -> {
            try {
                return run.run(monitor);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, executor);
    }
}
