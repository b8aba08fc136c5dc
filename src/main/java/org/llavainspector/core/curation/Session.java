package org.llavainspector.core.curation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.IntPredicate;
import org.llavainspector.core.util.PathIdentity;

/**
 * The curation overlay over read-only dataset files: per sample an edited {@code image}, a mark, tags and a note
 * ({@link SampleState}), plus what the user had open (image sources, prefix rules, filter). The source files are never
 * written; exports and the sidecar ({@link SessionStore}) are.
 *
 * <p>Samples change only through {@link Edit}s, normally via an {@link UndoStack}, on one thread (the UI thread).
 * Reads ({@link #state}, the query filters) are safe from any thread; {@link #snapshot()} gives a consistent copy for
 * saving in the background.
 *
 * <p>A sample that has nothing but a mark given in this session is stored as one state shared by all such samples
 * ({@link #markOnly}), so that marking 600K samples makes no object for each; its id is its record's, looked up when
 * it is read. That is the id the record had when it was marked: the source records do not change while the session
 * is bound to them ({@link #bind} is called once, before the first edit).
 */
public final class Session {
    /** Told after every change; {@code keys} are the samples that changed (empty when only settings changed). */
    @FunctionalInterface
    public interface Listener {
        void changed(Collection<SampleKey> keys);
    }

    /**
     * Read access to the source records, for what the overlay does not hold: the images a sample has in its file
     * (what a path rewrite starts from) and its id (remembered, to detect a changed file). Must be thread-safe.
     */
    public interface SourceRecords {
        /** Nothing known: no ids, no images. */
        SourceRecords NONE = new SourceRecords() {
            @Override
            public String id(SampleKey key) {
                return null;
            }

            @Override
            public List<String> images(SampleKey key) {
                return List.of();
            }
        };

        /** The id of the sample in its file, or null. */
        String id(SampleKey key);

        /** The image paths of the sample in its file (empty for a text-only record). */
        List<String> images(SampleKey key);
    }

    /** A consistent copy of everything the sidecar holds. */
    public record Snapshot(long version, List<SourceIdentity> sources, List<String> imageSources,
            List<String> imageRules, String filter, Map<SampleKey, SampleState> states) {
    }

    /** The stored state of a sample with nothing but a mark given in this session, one per mark; id null. */
    private static final SampleState[] MARK_ONLY = {SampleState.EMPTY.withMark(Mark.KEEP),
            SampleState.EMPTY.withMark(Mark.REJECT), SampleState.EMPTY.withMark(Mark.FLAG)};

    private final List<SourceIdentity> sources;
    private final SampleStates states;
    private final Map<SampleKey, SampleState> readOnlyStates = new StatesView();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private volatile SourceRecords records = SourceRecords.NONE;
    private volatile List<String> imageSources = List.of();
    private volatile List<String> imageRules = List.of();
    private volatile String filter = "";
    private volatile long version;

    Session(List<SourceIdentity> sources) {
        this(sources, new SampleStates());
    }

    private Session(List<SourceIdentity> sources, SampleStates states) {
        this.sources = List.copyOf(sources);
        this.states = states;
    }

    /** A new, empty session over the given dataset files (their identity is read now). */
    public static Session create(List<Path> datasetFiles) throws IOException {
        List<SourceIdentity> ids = new ArrayList<>();
        for (Path f : datasetFiles) {
            ids.add(SourceIdentity.of(f));
        }
        return new Session(ids);
    }

    /** Restores a saved snapshot (see {@link SessionStore#load}). */
    static Session restore(Snapshot snapshot) {
        Session s = new Session(snapshot.sources());
        s.imageSources = List.copyOf(snapshot.imageSources());
        s.imageRules = List.copyOf(snapshot.imageRules());
        s.filter = snapshot.filter() == null ? "" : snapshot.filter();
        snapshot.states().forEach((k, v) -> s.states.put(k.file(), k.record(), v));
        return s;
    }

    /**
     * An independent copy of the session as it is now, bound to the same source records: what a background export
     * reads while the user goes on editing.
     */
    public Session copy() {
        synchronized (lock) {
            Session c = new Session(sources, states.copy());
            c.records = records;
            c.imageSources = imageSources;
            c.imageRules = imageRules;
            c.filter = filter;
            return c;
        }
    }

    /** The dataset files, in the order their samples are numbered ({@link SampleKey#file()}). */
    public List<SourceIdentity> sources() {
        return sources;
    }

    /** The position of {@code file} among the sources (same file, compared by real path), or -1. */
    public int fileNumber(Path file) {
        for (int f = 0; f < sources.size(); f++) {
            if (PathIdentity.same(sources.get(f).path(), file)) {
                return f;
            }
        }
        return -1;
    }

    /** Lets the session read ids and source images (call once the files are indexed). */
    public void bind(SourceRecords sourceRecords) {
        this.records = sourceRecords == null ? SourceRecords.NONE : sourceRecords;
    }

    public SourceRecords records() {
        return records;
    }

    /** What is said about a sample ({@link SampleState#EMPTY} when nothing). */
    public SampleState state(SampleKey key) {
        SampleState s = states.get(key.file(), key.record());
        return s == null ? SampleState.EMPTY : resolved(key, s);
    }

    /** The mark of record {@code record} of file {@code file}, or null: for loops over many samples (no key, no id). */
    public Mark markOf(int file, int record) {
        return stored(file, record).mark();
    }

    /** The state as stored, without the id of a {@link #markOnly} state ({@link SampleState#EMPTY} when nothing). */
    private SampleState stored(int file, int record) {
        SampleState s = states.get(file, record);
        return s == null ? SampleState.EMPTY : s;
    }

    /** The stored state of a sample, or null when nothing is said about it: what an {@link Edit} starts from. */
    SampleState storedOrNull(int file, int record) {
        return states.get(file, record);
    }

    /** A stored state as it is read: a {@link #markOnly} state with its record's id. */
    SampleState resolved(SampleKey key, SampleState stored) {
        return isMarkOnly(stored) ? stored.withId(records.id(key)) : stored;
    }

    /** The stored state of every sample that has nothing but {@code mark}, given in this session. */
    static SampleState markOnly(Mark mark) {
        return MARK_ONLY[mark.ordinal()];
    }

    /** True for the shared state of samples marked in this session that have nothing else. */
    private static boolean isMarkOnly(SampleState stored) {
        return stored.mark() != null && stored == MARK_ONLY[stored.mark().ordinal()];
    }

    /** Every sample with a non-empty state, as a live read-only view. */
    public Map<SampleKey, SampleState> states() {
        return readOnlyStates;
    }

    /** The images the sample has now: the edited ones, else those of its source record. */
    public List<String> images(SampleKey key) {
        SampleState s = stored(key.file(), key.record());
        return s.image() != null ? s.image() : records.images(key);
    }

    /** Number of samples whose image is edited (kept as samples change: the UI thread asks after every edit). */
    public int editedCount() {
        return states.edited();
    }

    /** Number of samples per mark (kept as samples change: the UI thread asks after every edit). */
    public Map<Mark, Integer> markCounts() {
        Map<Mark, Integer> counts = new EnumMap<>(Mark.class);
        for (Mark m : Mark.values()) {
            counts.put(m, states.count(m));
        }
        return counts;
    }

    /** All tags in use, sorted. */
    public List<String> tags() {
        Set<String> all = new TreeSet<>();
        states.forEach((file, record, s) -> all.addAll(s.tags()));
        return List.copyOf(all);
    }

    /** Image sources the user had open (zips and folders, as paths). */
    public List<String> imageSources() {
        return imageSources;
    }

    /** Prefix rules the user had set ({@code PREFIX=SOURCE}). */
    public List<String> imageRules() {
        return imageRules;
    }

    /** The filter text the user had typed. */
    public String filter() {
        return filter;
    }

    /** Remembers the image sources and rules (saved, not undoable). */
    public void setImageSources(List<String> sourcePaths, List<String> rules) {
        synchronized (lock) {
            imageSources = List.copyOf(sourcePaths);
            imageRules = List.copyOf(rules);
            version++;
        }
        notifyListeners(List.of());
    }

    /** Remembers the filter text (saved, not undoable). */
    public void setFilter(String text) {
        String value = text == null ? "" : text;
        synchronized (lock) {
            if (value.equals(filter)) {
                return;
            }
            filter = value;
            version++;
        }
        notifyListeners(List.of());
    }

    /** Grows by one with every change; what the autosaver compares. */
    public long version() {
        return version;
    }

    /**
     * A consistent copy for saving (cheap: the states are immutable, only their pages are copied, a few milliseconds
     * for 600K samples, during which an edit on the UI thread waits). The ids of {@link #markOnly} states are looked up
     * as they are read, by the thread that saves.
     */
    public Snapshot snapshot() {
        synchronized (lock) {
            return new Snapshot(version, sources, imageSources, imageRules, filter, copy().states());
        }
    }

    /**
     * The samples of {@code states} in file then record order: as they come when the map is a session's (read one by
     * one, so that what is made to read each is garbage at once, not 600K objects alive at the next collection),
     * else sorted.
     */
    static Iterable<Map.Entry<SampleKey, SampleState>> inOrder(Map<SampleKey, SampleState> states) {
        if (states instanceof StatesView) {
            return states.entrySet();
        }
        List<Map.Entry<SampleKey, SampleState>> sorted = new ArrayList<>(states.entrySet());
        sorted.sort(Map.Entry.comparingByKey());
        return sorted;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /** Stores the new states of the given samples at once (an empty or null state removes the sample). */
    void put(SampleKeys keys, SampleState[] newStates) {
        synchronized (lock) {
            for (int i = 0; i < newStates.length; i++) {
                states.put(keys.file(i), keys.record(i), newStates[i]);
            }
            version++;
        }
        notifyListeners(keys);
    }

    private void notifyListeners(Collection<SampleKey> keys) {
        for (Listener l : listeners) {
            l.changed(keys);
        }
    }

    // ---- filters for the query language (mark:, tag:, is:edited); each is safe to call from many threads ----

    /**
     * The records of source {@code file} with the mark {@code value}: {@code keep}, {@code reject}, {@code flag},
     * {@code none} (unmarked) or {@code any} (marked at all).
     *
     * @throws IllegalArgumentException for another value, with a short reason listing the known ones
     */
    public IntPredicate markFilter(int file, String value) {
        String v = value.strip();
        if (v.equalsIgnoreCase("none")) {
            return r -> stored(file, r).mark() == null;
        }
        if (v.equalsIgnoreCase("any")) {
            return r -> stored(file, r).mark() != null;
        }
        Mark mark = Mark.byLabel(v).orElseThrow(() -> new IllegalArgumentException(
                "unknown mark '" + value + "' (known: " + Mark.labels() + ", none, any)"));
        return r -> stored(file, r).mark() == mark;
    }

    /**
     * The records of source {@code file} tagged {@code tag} (tags are lower-case); {@code *} means any tag at all.
     *
     * @throws IllegalArgumentException for a blank tag or one with spaces or commas
     */
    public IntPredicate tagFilter(int file, String tag) {
        String t = Tags.normalise(tag);
        if (t.equals("*")) {
            return r -> !stored(file, r).tags().isEmpty();
        }
        return r -> stored(file, r).hasTag(t);
    }

    /** The records of source {@code file} whose image is edited. */
    public IntPredicate editedFilter(int file) {
        return r -> stored(file, r).isEdited();
    }

    /** The records of source {@code file} that have a note. */
    public IntPredicate noteFilter(int file) {
        return r -> stored(file, r).note() != null;
    }

    /** {@link #states()}: the stored states as a map, read as {@link #state} reads them, in file then record order. */
    private final class StatesView extends AbstractMap<SampleKey, SampleState> {
        @Override
        public int size() {
            return states.size();
        }

        @Override
        public SampleState get(Object key) {
            SampleState s = key instanceof SampleKey k ? states.get(k.file(), k.record()) : null;
            return s == null ? null : resolved((SampleKey) key, s);
        }

        @Override
        public boolean containsKey(Object key) {
            return key instanceof SampleKey k && states.get(k.file(), k.record()) != null;
        }

        @Override
        public void forEach(BiConsumer<? super SampleKey, ? super SampleState> action) {
            states.forEach((file, record, s) -> {
                SampleKey key = new SampleKey(file, record);
                action.accept(key, resolved(key, s));
            });
        }

        @Override
        public Set<Entry<SampleKey, SampleState>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public int size() {
                    return states.size();
                }

                @Override
                public Iterator<Entry<SampleKey, SampleState>> iterator() {
                    return new Entries(states.cursor());
                }
            };
        }
    }

    /** The entries of {@link StatesView}, one step ahead of the caller. */
    private final class Entries implements Iterator<Map.Entry<SampleKey, SampleState>> {
        private final SampleStates.Cursor cursor;
        private boolean ahead;

        Entries(SampleStates.Cursor cursor) {
            this.cursor = cursor;
            this.ahead = cursor.next();
        }

        @Override
        public boolean hasNext() {
            return ahead;
        }

        @Override
        public Map.Entry<SampleKey, SampleState> next() {
            if (!ahead) {
                throw new NoSuchElementException();
            }
            SampleKey key = new SampleKey(cursor.file(), cursor.record());
            Map.Entry<SampleKey, SampleState> entry = Map.entry(key, resolved(key, cursor.state()));
            ahead = cursor.next();
            return entry;
        }
    }
}
