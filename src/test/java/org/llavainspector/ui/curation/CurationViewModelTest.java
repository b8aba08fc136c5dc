package org.llavainspector.ui.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.llavainspector.TestFiles;
import org.llavainspector.core.curation.Mark;
import org.llavainspector.core.curation.SampleKey;
import org.llavainspector.core.curation.SampleState;
import org.llavainspector.core.curation.Session;
import org.llavainspector.core.curation.SessionStore;
import org.llavainspector.core.dataset.DatasetCollection;
import org.llavainspector.core.util.TaskMonitor;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window attaches the curation session in the background: what needs the disk runs off the FX thread, edits of
 * the session it replaces are saved before the new one is read, and an attach overtaken by a later one is dropped.
 */
@ExtendWith(ApplicationExtension.class)
class CurationViewModelTest {
    @TempDir
    Path dir;
    private final ExecutorService indexer = Executors.newSingleThreadExecutor();
    private final ExecutorService background = Executors.newCachedThreadPool();
    private final List<String> notes = new ArrayList<>();

    @Start
    void start(Stage stage) {
    }

    @AfterEach
    void stop() {
        indexer.shutdownNow();
        background.shutdownNow();
    }

    private Path copyOfDemo(String name) throws Exception {
        Path f = dir.resolve(name);
        Files.copy(Path.of("samples/demo.json"), f);
        return f;
    }

    private DatasetCollection collectionOf(Path... files) throws Exception {
        DatasetCollection c = new DatasetCollection(indexer, TaskMonitor.NONE);
        for (Path f : files) {
            c.add(f);
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            c.refresh();
            return c.isComplete();
        });
        return c;
    }

    private static <T> T fx(java.util.concurrent.Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    @Test
    void theSessionIsReadOffTheFxThreadAndEditsOfTheOneItReplacesAreKept() throws Exception {
        SessionStore store = SessionStore.inFolder(dir.resolve("sessions"));
        CurationViewModel curation = new CurationViewModel(store, store, null, notes::add, notes::add);
        Path a = copyOfDemo("a.json");
        DatasetCollection onlyA = collectionOf(a);
        fx(() -> curation.attachInBackground(onlyA, Runnable::run)).get(10, TimeUnit.SECONDS);
        fx(() -> {
            curation.mark(List.of(3), Mark.REJECT);
            return null;
        });

        // the same file again: the background reader waits on a latch, and the FX thread goes on meanwhile
        CountDownLatch release = new CountDownLatch(1);
        List<String> threads = new ArrayList<>();
        java.util.concurrent.Executor gated = work -> background.execute(() -> {
            threads.add(Thread.currentThread().getName());
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            work.run();
        });
        DatasetCollection againA = collectionOf(a);
        CompletableFuture<Void> attached = fx(() -> curation.attachInBackground(againA, gated));
        assertNull(fx(curation::session), "no session while it is read");
        release.countDown();
        attached.get(10, TimeUnit.SECONDS);
        assertNotNull(fx(curation::session));
        assertEquals(1, threads.size());
        assertTrue(!threads.get(0).contains("FX") && !threads.get(0).contains("JavaFX"), threads.toString());
        assertEquals(Mark.REJECT, fx(() -> curation.stateOf(3).mark()),
                "the mark of the replaced session was saved before the same sidecar was read again");
        fx(() -> {
            curation.close();
            return null;
        });
    }

    /**
     * Every sample of a file chosen and marked (Ctrl+A, then N): the status bar counts them, pressing N again clears
     * them, undo and redo step through the same states, and the sidecar names each sample's record by its id.
     */
    @Test
    void markingEverySampleIsCountedUndoneAndSavedWithTheIdsOfItsRecords() throws Exception {
        int n = 20_000;
        StringBuilder records = new StringBuilder("[");
        for (int r = 0; r < n; r++) {
            records.append(r == 0 ? "" : ",\n").append("{\"id\": \"s").append(r).append("\", \"image\": \"s").append(r)
                    .append(".jpg\", \"conversations\": []}");
        }
        Path file = TestFiles.write(dir, "many.json", records.append("]\n").toString());
        SessionStore store = SessionStore.inFolder(dir.resolve("sessions"));
        CurationViewModel curation = new CurationViewModel(store, store, null, notes::add, notes::add);
        DatasetCollection collection = collectionOf(file);
        fx(() -> curation.attachInBackground(collection, Runnable::run)).get(10, TimeUnit.SECONDS);
        List<Integer> all = new ArrayList<>();
        for (int g = 0; g < n; g++) {
            all.add(g);
        }
        List<String> seen = new ArrayList<>();
        List<Runnable> steps = List.of(() -> curation.mark(all, Mark.REJECT), () -> curation.mark(all.subList(0, 5000),
                Mark.KEEP), () -> curation.mark(all, Mark.KEEP), () -> curation.mark(all, Mark.KEEP),
                curation::undo, curation::undo, curation::redo, () -> curation.unmark(all.subList(0, 15_000)));
        for (Runnable step : steps) {
            fx(() -> {
                step.run();
                return null;
            });
            seen.add(fx(() -> curation.summaryProperty().get()));
        }
        assertEquals(List.of("20,000 reject", "5,000 keep, 15,000 reject", "20,000 keep", "no marks", "20,000 keep",
                "5,000 keep, 15,000 reject", "20,000 keep", "5,000 keep"), seen);

        fx(() -> {
            curation.flush();
            return null;
        });
        Session saved = SessionStore.load(fx(curation::sidecar));
        assertEquals(5000, saved.states().size());
        assertEquals(new SampleState("s19999", null, Mark.KEEP, List.of(), null),
                saved.state(new SampleKey(0, 19_999)));
        fx(() -> {
            curation.close();
            return null;
        });
    }

    @Test
    void anAttachOvertakenByALaterOneIsDropped() throws Exception {
        SessionStore store = SessionStore.inFolder(dir.resolve("sessions"));
        CurationViewModel curation = new CurationViewModel(store, store, null, notes::add, notes::add);
        Path a = copyOfDemo("a.json");
        Path b = copyOfDemo("b.json");
        DatasetCollection onlyA = collectionOf(a);
        DatasetCollection aAndB = collectionOf(a, b);
        CountDownLatch slowFirst = new CountDownLatch(1);
        java.util.concurrent.Executor slow = work -> background.execute(() -> {
            try {
                slowFirst.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            work.run();
        });
        CompletableFuture<Void> first = fx(() -> curation.attachInBackground(onlyA, slow));
        CompletableFuture<Void> second = fx(() -> curation.attachInBackground(aAndB, background));
        second.get(10, TimeUnit.SECONDS);
        Path sidecarOfBoth = fx(curation::sidecar);
        assertNotNull(sidecarOfBoth);
        slowFirst.countDown();
        first.get(10, TimeUnit.SECONDS);
        assertEquals(sidecarOfBoth, fx(curation::sidecar), "the earlier attach, finishing last, did not replace the later");
        assertNotEquals(null, fx(curation::session));
        fx(() -> {
            curation.close();
            return null;
        });
    }
}
