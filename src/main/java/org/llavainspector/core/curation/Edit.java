package org.llavainspector.core.curation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One undoable change to a session: the states of some samples before and after. Every kind of change (an image
 * edit, a mark, a tag, a note, a whole path rewrite) is one {@code Edit}, so undo is one step whatever it touched.
 *
 * <p>Made by the factories below from the session's current states; applied with {@link UndoStack#perform}. The
 * states are held as the session stores them (see {@link Session#markOnly}), so that applying and undoing an edit of
 * 600K samples only puts them back.
 */
public final class Edit {
    private final String label;
    private final SampleKeys keys;
    private final SampleState[] before;
    private final SampleState[] after;

    private Edit(String label, SampleKeys keys, SampleState[] before, SampleState[] after) {
        this.label = label;
        this.keys = keys;
        this.before = before;
        this.after = after;
    }

    /**
     * Sets the image paths of one sample; null (or the paths its source already has) drops the edit, an empty list
     * removes the {@code image} field on export.
     */
    public static Edit setImage(Session session, SampleKey key, List<String> paths) {
        List<String> value = paths == null || paths.equals(session.records().images(key)) ? null : List.copyOf(paths);
        return of(session, "Edit image of " + key, List.of(key), s -> s.withImage(value));
    }

    /**
     * Gives the samples a mark; null clears it. Made without a key or a state object for each sample that has no
     * more than a mark: a whole dataset of 600K samples is marked in milliseconds.
     */
    public static Edit mark(Session session, Collection<SampleKey> keys, Mark mark) {
        String what = mark == null ? "Clear mark of " : "Mark " + mark.label() + ": ";
        return build(session, what + count(keys), keys, (file, record, stored) -> marked(session, file, record,
                stored, mark));
    }

    /** The stored state of a sample once it has {@code mark}: {@code stored} itself when it has that mark already. */
    private static SampleState marked(Session session, int file, int record, SampleState stored, Mark mark) {
        SampleState from = stored == null ? SampleState.EMPTY : stored;
        if (from.mark() == mark) {
            return stored;
        }
        if (from.id() == null && from.image() == null && from.tags().isEmpty() && from.note() == null) {
            // nothing but a mark, and the record's id (looked up when read: the one it has here)
            return mark == null ? null : Session.markOnly(mark);
        }
        return stored(session, new SampleKey(file, record), from, from.withMark(mark));
    }

    /** How {@code to} is stored: null when empty, else with the id of {@code from} or, if none, of its record. */
    private static SampleState stored(Session session, SampleKey key, SampleState from, SampleState to) {
        if (to.isEmpty()) {
            return null;
        }
        return to.withId(from.id() != null ? from.id() : session.records().id(key));
    }

    /** Adds a tag to the samples (see {@link Tags#normalise} for what a tag may be). */
    public static Edit addTag(Session session, Collection<SampleKey> keys, String tag) {
        String t = Tags.normalise(tag);
        return of(session, "Tag " + t + ": " + count(keys), keys, s -> {
            if (s.hasTag(t)) {
                return s;
            }
            List<String> tags = new ArrayList<>(s.tags());
            tags.add(t);
            return s.withTags(tags);
        });
    }

    /** Removes a tag from the samples. */
    public static Edit removeTag(Session session, Collection<SampleKey> keys, String tag) {
        String t = Tags.normalise(tag);
        return of(session, "Untag " + t + ": " + count(keys), keys, s -> {
            List<String> tags = new ArrayList<>(s.tags());
            return tags.remove(t) ? s.withTags(tags) : s;
        });
    }

    /** Sets the note of one sample; null or blank removes it. */
    public static Edit setNote(Session session, SampleKey key, String note) {
        return of(session, "Note on " + key, List.of(key), s -> s.withNote(note));
    }

    /** Drops everything said about the samples (their edits, marks, tags and notes). */
    public static Edit clear(Session session, Collection<SampleKey> keys) {
        return of(session, "Clear " + count(keys), keys, s -> SampleState.EMPTY.withId(s.id()));
    }

    /**
     * The general form: {@code change} maps each sample's current state to its new one; samples it leaves as they
     * are are not part of the edit.
     */
    public static Edit of(Session session, String label, Collection<SampleKey> keys,
            UnaryOperator<SampleState> change) {
        return of(session, label, keys, (key, state) -> change.apply(state));
    }

    /** A change that also looks at which sample it changes. */
    @FunctionalInterface
    public interface Change {
        SampleState apply(SampleKey key, SampleState current);
    }

    /** The general form with a {@link Change} that sees the sample's key. */
    public static Edit of(Session session, String label, Collection<SampleKey> keys, Change change) {
        return build(session, label, keys, (file, record, stored) -> {
            SampleKey k = new SampleKey(file, record);
            SampleState from = stored == null ? SampleState.EMPTY : session.resolved(k, stored);
            SampleState to = change.apply(k, from);
            if (to == null) {
                to = SampleState.EMPTY;
            }
            return sameContent(from, to) ? stored : stored(session, k, from, to);
        });
    }

    /** A change of the stored state of one sample (null when there is none); {@code stored} itself for no change. */
    @FunctionalInterface
    private interface StoredChange {
        SampleState apply(int file, int record, SampleState stored);
    }

    /** The edit of the samples {@code change} changes, each sample taken once. */
    private static Edit build(Session session, String label, Collection<SampleKey> keys, StoredChange change) {
        SampleKeys unique = SampleKeys.distinct(keys);
        SampleState[] was = new SampleState[unique.size()];
        SampleState[] will = new SampleState[unique.size()];
        int n = 0;
        for (int i = 0; i < unique.size(); i++) {
            was[i] = session.storedOrNull(unique.file(i), unique.record(i));
            will[i] = change.apply(unique.file(i), unique.record(i), was[i]);
            n += will[i] != was[i] ? 1 : 0;
        }
        return n == unique.size() ? new Edit(label, unique, was, will) : changedOnly(label, unique, was, will, n);
    }

    /** The edit of the {@code n} samples whose state changes (a mark given to samples that have it already). */
    private static Edit changedOnly(String label, SampleKeys keys, SampleState[] was, SampleState[] will, int n) {
        SampleKeys.Builder changed = new SampleKeys.Builder(n);
        SampleState[] before = new SampleState[n];
        SampleState[] after = new SampleState[n];
        for (int i = 0, j = 0; i < was.length; i++) {
            if (will[i] != was[i]) {
                changed.add(keys.file(i), keys.record(i));
                before[j] = was[i];
                after[j] = will[i];
                j++;
            }
        }
        return new Edit(label, changed.build(), before, after);
    }

    private static boolean sameContent(SampleState a, SampleState b) {
        return Objects.equals(a.image(), b.image()) && a.mark() == b.mark() && a.tags().equals(b.tags())
                && Objects.equals(a.note(), b.note());
    }

    private static String count(Collection<SampleKey> keys) {
        return keys.size() == 1 ? keys.iterator().next().toString()
                : String.format(Locale.ROOT, "%,d samples", keys.size());
    }

    /** What the edit does, for the Edit menu ("Undo Mark keep: 12 samples"). */
    public String label() {
        return label;
    }

    /** Number of samples the edit changes. */
    public int size() {
        return keys.size();
    }

    /** True when the edit changes nothing (it is then not recorded). */
    public boolean isEmpty() {
        return keys.isEmpty();
    }

    /** The samples the edit changes. */
    public List<SampleKey> keys() {
        return keys;
    }

    void apply(Session session) {
        session.put(keys, after);
    }

    void revert(Session session) {
        session.put(keys, before);
    }

    @Override
    public String toString() {
        return label + " (" + keys.size() + " samples)";
    }
}
