package org.llavainspector.ui.curation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.llavainspector.core.curation.Autosaver;
import org.llavainspector.core.curation.Edit;
import org.llavainspector.core.curation.ImagePathRewrite;
import org.llavainspector.core.curation.Mark;
import org.llavainspector.core.curation.SampleKey;
import org.llavainspector.core.curation.SampleKeys;
import org.llavainspector.core.curation.SampleState;
import org.llavainspector.core.curation.Session;
import org.llavainspector.core.curation.SessionStore;
import org.llavainspector.core.curation.SourceCheck;
import org.llavainspector.core.curation.UndoStack;
import org.llavainspector.core.dataset.Dataset;
import org.llavainspector.core.dataset.DatasetCollection;

/**
 * Curation of the open collection: marks, tags, notes and image-path edits in an overlay over the read-only files
 * (a {@link Session}), every change undoable, autosaved to a sidecar a few seconds after it and restored when the
 * same files are opened again. Sample numbers here are the collection's global numbers.
 */
public final class CurationViewModel implements AutoCloseable {
    private final SessionStore store;
    private final SessionStore appOwnedStore;
    private final Path appOwnedFolder;
    private final Consumer<String> notify;
    private final Consumer<String> inform;
    private final ReadOnlyLongWrapper version = new ReadOnlyLongWrapper();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private DatasetCollection collection;
    private Session session;
    private UndoStack undo;
    private Autosaver autosaver;
    /** The attaches in the background still reading (and saving the sessions they replace), for close to wait on. */
    private CompletableFuture<?> preparing = CompletableFuture.completedFuture(null);
    /** How many attaches began: an attach that finishes after a later one began is dropped. */
    private long attachments;
    /** The number of the last attach that was installed (or found nothing to install). */
    private long installed;
    private boolean closed;
    private String restoredFilter;
    private Path sidecar;

    /**
     * @param store where sessions are kept (beside the datasets when their folder is writable)
     * @param appOwnedStore where sessions of datasets inside {@code appOwnedFolder} (the bundled demo) are kept
     * @param notify shows a one-line warning or error to the user (it stays until dismissed)
     * @param inform shows a one-line note of what happened, such as a restored session (it goes away by itself)
     */
    public CurationViewModel(SessionStore store, SessionStore appOwnedStore, Path appOwnedFolder, Consumer<String> notify,
            Consumer<String> inform) {
        this.store = store;
        this.appOwnedStore = appOwnedStore;
        this.appOwnedFolder = appOwnedFolder == null ? null : appOwnedFolder.toAbsolutePath().normalize();
        this.notify = notify;
        this.inform = inform;
    }

    /**
     * Starts (or restores) the session over every file of the collection; called on the FX thread after files were
     * added. A restored session whose files changed since is reported, never silently applied to other records. What
     * needs the disk (saving the previous session, reading the sidecar, the files' identities) runs on
     * {@code executor}: the FX thread never waits on it. Until the returned future completes (on the FX thread) there is
     * no session, and marks are not taken (the window says so: see {@link #isAttaching}).
     */
    public CompletableFuture<Void> attachInBackground(DatasetCollection collection, Executor executor) {
        Attaching attaching = begin(collection);
        CompletableFuture<Void> attached = new CompletableFuture<>();
        CompletableFuture<Prepared> prepared = CompletableFuture.supplyAsync(attaching::prepare, executor);
        // close waits for every attach still running: each may be saving the session it replaced
        preparing = CompletableFuture.allOf(preparing.exceptionally(e -> null), prepared.exceptionally(e -> null));
        prepared.whenComplete((p, error) -> Platform.runLater(() -> {
            install(attaching, error == null ? p : Prepared.failed(error.getCause() == null ? error : error.getCause()));
            attached.complete(null);
        }));
        return attached;
    }

    /** True while the session of the files last opened is being read: marks and edits wait for it. */
    public boolean isAttaching() {
        return !closed && installed != attachments;
    }

    /** FX thread: takes the collection and puts the session in use away (it is saved by {@link Attaching#prepare}). */
    private Attaching begin(DatasetCollection collection) {
        this.collection = collection;
        closed = false;
        List<Path> files = new ArrayList<>();
        collection.datasets().forEach(d -> files.add(d.file()));
        Attaching attaching = new Attaching(++attachments, files, appOwned(files) ? appOwnedStore : store, autosaver);
        autosaver = null;
        session = null;
        undo = null;
        sidecar = null;
        restoredFilter = null;
        changed();
        return attaching;
    }

    /** What {@link Attaching#prepare} read: the session and where it lives, or why there is none. */
    private record Prepared(Path sidecar, Session session, boolean restored, List<String> messages) {
        static Prepared failed(Throwable error) {
            return new Prepared(null, null, false, List.of("curation session: " + error.getMessage()));
        }
    }

    /** One call of attach: its number (a later call supersedes it), the files, and the session it replaces. */
    private record Attaching(long number, List<Path> files, SessionStore where, Autosaver previous) {
        /** Any thread: saves the previous session, then reads (or creates) the new one. */
        Prepared prepare() {
            List<String> messages = new ArrayList<>();
            if (previous != null) {
                // saved before the new one is read: they may share a sidecar
                try {
                    previous.close();
                } catch (IOException e) {
                    messages.add("saving the session failed: " + e.getMessage());
                }
            }
            if (!files.stream().allMatch(java.nio.file.Files::isRegularFile)) {
                // a file that cannot be read is reported by the indexer; curation needs every file of the collection
                return new Prepared(null, null, false, messages);
            }
            try {
                Path sidecar = where.locate(files);
                Optional<Session> restored = SessionStore.loadIfPresent(sidecar);
                Session session = restored.orElse(Session.create(files));
                if (restored.isPresent()) {
                    for (SourceCheck.Change change : SourceCheck.check(session)) {
                        messages.add(change.message());
                    }
                }
                return new Prepared(sidecar, session, restored.isPresent(), messages);
            } catch (IOException | RuntimeException e) {
                messages.add("curation session: " + e.getMessage());
                return new Prepared(null, null, false, messages);
            }
        }
    }

    /** FX thread: puts the prepared session in use, unless a later attach (or close) came in between. */
    private void install(Attaching attaching, Prepared prepared) {
        prepared.messages().forEach(notify);
        if (attaching.number() == attachments) {
            installed = attaching.number();
        }
        if (attaching.number() != attachments || closed || prepared.session() == null) {
            // a superseded session was never shown nor edited: there is nothing of it to save
            changed();
            return;
        }
        sidecar = prepared.sidecar();
        session = prepared.session();
        Path where = sidecar;
        if (prepared.restored()) {
            if (!session.states().isEmpty()) {
                inform.accept("restored " + describe() + " from " + where.getFileName());
            }
            restoredFilter = session.filter();
        }
        // the files of this session (a file opened later comes with a session of its own), held here: the autosave
        // thread reads them too, for the ids of the samples marked in this session
        List<Dataset> datasets = collection.datasets();
        session.bind(new Session.SourceRecords() {
            @Override
            public String id(SampleKey key) {
                Dataset d = datasetOf(datasets, key);
                return d == null || key.record() >= d.index().size() ? null : d.index().id(key.record());
            }

            @Override
            public List<String> images(SampleKey key) {
                Dataset d = datasetOf(datasets, key);
                return d == null || key.record() >= d.index().size() ? List.of() : d.index().images(key.record());
            }
        });
        undo = new UndoStack(session);
        undo.addListener(() -> Platform.runLater(this::changed));
        session.addListener(keys -> Platform.runLater(this::changed));
        autosaver = new Autosaver(session, where, e -> Platform.runLater(
                () -> notify.accept("autosave to " + where + " failed: " + e.getMessage())));
        changed();
    }

    private boolean appOwned(List<Path> files) {
        return appOwnedFolder != null && files.stream().anyMatch(f -> f.toAbsolutePath().normalize().startsWith(appOwnedFolder));
    }

    private static Dataset datasetOf(List<Dataset> datasets, SampleKey key) {
        return key.file() < datasets.size() ? datasets.get(key.file()) : null;
    }

    private void changed() {
        version.set(version.get() + 1);
        canUndo.set(undo != null && undo.canUndo());
        canRedo.set(undo != null && undo.canRedo());
        summary.set(session == null ? "" : describe());
    }

    private String describe() {
        StringBuilder sb = new StringBuilder();
        session.markCounts().forEach((mark, n) -> {
            if (n > 0) {
                sb.append(sb.length() == 0 ? "" : ", ").append(String.format("%,d", n)).append(' ').append(mark.label());
            }
        });
        int edited = session.editedCount();
        if (edited > 0) {
            sb.append(sb.length() == 0 ? "" : ", ").append(String.format("%,d", edited)).append(" edited");
        }
        return sb.length() == 0 ? "no marks" : sb.toString();
    }

    /** The filter of a session just restored, once (null when there is none or it was taken). */
    public String takeRestoredFilter() {
        String f = restoredFilter;
        restoredFilter = null;
        return f;
    }

    /** What is said about a sample in a few words ("keep · edited · #cats #blurry"), empty when nothing. */
    public static String label(SampleState state) {
        StringBuilder text = new StringBuilder();
        if (state.mark() != null) {
            text.append(state.mark().label());
        }
        if (state.isEdited()) {
            text.append(text.length() == 0 ? "" : " · ").append("edited");
        }
        if (!state.tags().isEmpty()) {
            text.append(text.length() == 0 ? "" : " · ").append('#').append(String.join(" #", state.tags()));
        }
        return text.toString();
    }

    /** The key of global sample g. */
    public SampleKey keyOf(int g) {
        return new SampleKey(collection.fileIndexOf(g), collection.recordOf(g));
    }

    /** The keys of the given samples, packed (no object for each of a selection of 600K). */
    private SampleKeys keys(Collection<Integer> samples) {
        SampleKeys.Builder keys = new SampleKeys.Builder(samples.size());
        for (int g : samples) {
            keys.add(collection.fileIndexOf(g), collection.recordOf(g));
        }
        return keys.build();
    }

    /** What is said about sample g (empty when nothing, or no session). */
    public SampleState stateOf(int g) {
        return session == null ? SampleState.EMPTY : session.state(keyOf(g));
    }

    /**
     * Marks the samples; when every one of them already has that mark, the mark is removed instead (press again to
     * undo a mark). One undoable step.
     */
    public void mark(Collection<Integer> samples, Mark mark) {
        if (session == null || samples.isEmpty()) {
            return;
        }
        SampleKeys keys = keys(samples);
        undo.perform(Edit.mark(session, keys, allMarked(keys, mark) ? null : mark));
    }

    /** True when every sample has the mark (read as stored: no key nor id is made for each of 600K). */
    private boolean allMarked(SampleKeys keys, Mark mark) {
        for (int i = 0; i < keys.size(); i++) {
            if (session.markOf(keys.file(i), keys.record(i)) != mark) {
                return false;
            }
        }
        return true;
    }

    /**
     * Gives each sample its own mark (null clears it) as one undoable step, e.g. keep one sample of a group of
     * duplicates and reject the others.
     */
    public void markEach(Map<Integer, Mark> marks, String label) {
        if (session == null || marks.isEmpty()) {
            return;
        }
        Map<SampleKey, Mark> byKey = new LinkedHashMap<>();
        marks.forEach((g, m) -> byKey.put(keyOf(g), m));
        undo.perform(Edit.of(session, label, byKey.keySet(), (key, state) -> state.withMark(byKey.get(key))));
    }

    public void unmark(Collection<Integer> samples) {
        if (session != null && !samples.isEmpty()) {
            undo.perform(Edit.mark(session, keys(samples), null));
        }
    }

    public void addTag(Collection<Integer> samples, String tag) {
        if (session != null && !samples.isEmpty() && !tag.isBlank()) {
            undo.perform(Edit.addTag(session, keys(samples), tag));
        }
    }

    public void removeTag(Collection<Integer> samples, String tag) {
        if (session != null && !samples.isEmpty()) {
            undo.perform(Edit.removeTag(session, keys(samples), tag));
        }
    }

    public void setNote(int g, String note) {
        if (session != null) {
            undo.perform(Edit.setNote(session, keyOf(g), note == null || note.isBlank() ? null : note.strip()));
        }
    }

    /** Replaces sample g's image paths (an empty list means text-only; null restores the source's). */
    public void setImage(int g, List<String> paths) {
        if (session != null) {
            undo.perform(Edit.setImage(session, keyOf(g), paths));
        }
    }

    /** The images of sample g as they are now (edited, else the source's). */
    public List<String> imagesOf(int g) {
        return session == null ? List.of() : session.images(keyOf(g));
    }

    /** Applies a path rewrite to the samples as one undoable step; returns how many samples changed. */
    public int rewrite(ImagePathRewrite rewrite, Collection<Integer> samples) {
        if (session == null) {
            return 0;
        }
        Edit edit = rewrite.edit(session, keys(samples));
        undo.perform(edit);
        return edit.size();
    }

    public Optional<String> undo() {
        return undo == null ? Optional.empty() : undo.undo().map(Edit::label);
    }

    public Optional<String> redo() {
        return undo == null ? Optional.empty() : undo.redo().map(Edit::label);
    }

    /** Where the session is saved (null before files are open), so that files that go with it can lie beside it. */
    public Path sidecar() {
        return session == null ? null : sidecar;
    }

    /** The session (null before files are open). */
    public Session session() {
        return session;
    }

    /** Keys of the given samples, for exports and previews. */
    public List<SampleKey> keysOf(Collection<Integer> samples) {
        return keys(samples);
    }

    /** Changes after every edit, mark, undo or redo: views re-read what they show. */
    public ReadOnlyLongProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** "12 keep, 3 reject, 2 edited", for the status bar. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Writes pending changes now (on quit). */
    public void flush() {
        if (autosaver != null) {
            try {
                autosaver.flush();
            } catch (IOException e) {
                notify.accept("saving the session failed: " + e.getMessage());
            }
        }
    }

    /** Saves the session (after a session being attached in the background, and the one it replaced, are saved). */
    @Override
    public void close() {
        closed = true;
        try {
            preparing.join();
        } catch (RuntimeException e) {
            // reported when it was installed
        }
        if (autosaver != null) {
            try {
                autosaver.close();
            } catch (IOException e) {
                notify.accept("saving the session failed: " + e.getMessage());
            }
            autosaver = null;
        }
    }
}
