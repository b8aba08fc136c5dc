package org.llavainspector.core.curation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Linear undo and redo of the {@link Edit}s of one session. Performing a new edit forgets what could be redone.
 * Used from one thread (the UI thread); listeners hear of every change, e.g. to enable the Undo menu item.
 */
public final class UndoStack {
    /** Edits kept for undo by default; older ones are forgotten (a path rewrite can hold a million states). */
    public static final int DEFAULT_LIMIT = 200;

    private final Session session;
    private final int limit;
    private final Deque<Edit> done = new ArrayDeque<>();
    private final Deque<Edit> undone = new ArrayDeque<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public UndoStack(Session session) {
        this(session, DEFAULT_LIMIT);
    }

    public UndoStack(Session session, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("undo limit must be at least 1: " + limit);
        }
        this.session = session;
        this.limit = limit;
    }

    public Session session() {
        return session;
    }

    /** Applies the edit and records it for undo; an edit that changes nothing is ignored (returns false). */
    public boolean perform(Edit edit) {
        if (edit.isEmpty()) {
            return false;
        }
        edit.apply(session);
        done.push(edit);
        if (done.size() > limit) {
            done.removeLast();
        }
        undone.clear();
        fire();
        return true;
    }

    /** Undoes the last edit, if any; returns it. */
    public Optional<Edit> undo() {
        Edit e = done.poll();
        if (e == null) {
            return Optional.empty();
        }
        e.revert(session);
        undone.push(e);
        fire();
        return Optional.of(e);
    }

    /** Redoes the last undone edit, if any; returns it. */
    public Optional<Edit> redo() {
        Edit e = undone.poll();
        if (e == null) {
            return Optional.empty();
        }
        e.apply(session);
        done.push(e);
        fire();
        return Optional.of(e);
    }

    public boolean canUndo() {
        return !done.isEmpty();
    }

    public boolean canRedo() {
        return !undone.isEmpty();
    }

    /** The label of the edit {@link #undo()} would undo. */
    public Optional<String> undoLabel() {
        return Optional.ofNullable(done.peek()).map(Edit::label);
    }

    /** The label of the edit {@link #redo()} would redo. */
    public Optional<String> redoLabel() {
        return Optional.ofNullable(undone.peek()).map(Edit::label);
    }

    /** Forgets all history (the session keeps its state). */
    public void clear() {
        done.clear();
        undone.clear();
        fire();
    }

    /** Called after every perform, undo, redo and clear. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private void fire() {
        listeners.forEach(Runnable::run);
    }
}
