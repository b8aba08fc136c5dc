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
    public synchronized CompletableFuture<QueryResult> search(Query query, CancellableMonitor.ProgressCallback progress) {
        CancellableMonitor monitor = restart(progress);
        return CompletableFuture.supplyAsync(() -> {
            try {
                return engine.search(query, monitor);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, executor);
    }

    /** Cancels the running search and extends {@code previous} over the records indexed since (growing index). */
    public synchronized CompletableFuture<QueryResult> extend(QueryResult previous,
            CancellableMonitor.ProgressCallback progress) {
        CancellableMonitor monitor = restart(progress);
        return CompletableFuture.supplyAsync(() -> {
            try {
                return engine.extend(previous, monitor);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, executor);
    }

    /** Cancels the running search, if any. */
    public synchronized void cancel() {
        if (current != null) {
            current.cancel();
            current = null;
        }
    }

    private CancellableMonitor restart(CancellableMonitor.ProgressCallback progress) {
        cancel();
        current = new CancellableMonitor(progress);
        return current;
    }
}
