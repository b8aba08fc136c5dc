package org.llavainspector.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/**
 * The one way the UI runs slow work: {@code Background.task(() -> read()).onSuccess(show).onError(report).start(executor)}.
 * The work runs on the executor; the callbacks run on the FX thread. The returned {@link Task} can be cancelled.
 */
public final class Background<T> {
    private final Callable<T> work;
    private Consumer<T> onSuccess = value -> { };
    private Consumer<Throwable> onError = error -> { };

    private Background(Callable<T> work) {
        this.work = work;
    }

    public static <T> Background<T> task(Callable<T> work) {
        return new Background<>(work);
    }

    public Background<T> onSuccess(Consumer<T> action) {
        this.onSuccess = action;
        return this;
    }

    public Background<T> onError(Consumer<Throwable> action) {
        this.onError = action;
        return this;
    }

    /** Submits the work; call on the FX thread. */
    public Task<T> start(Executor executor) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> onError.accept(task.getException()));
        try {
            executor.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            task.cancel(); // the window is closing: nothing left to do
        }
        return task;
    }
}
