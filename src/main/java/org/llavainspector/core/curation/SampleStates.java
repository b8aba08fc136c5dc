package org.llavainspector.core.curation;

import java.util.Arrays;

/**
 * The stored states of a session's samples, by file and record number: per file, pages of 4,096 slots made when a
 * sample of theirs is first written. A state is read and written without a key object and without hashing, which
 * is what lets one edit of 600K samples take a few milliseconds instead of hundreds (a hash map of {@link SampleKey}s
 * costs a key, an entry and a hash per sample). It keeps the counts of the status bar as states come and go, so that
 * they are never recounted by walking every sample.
 *
 * <p>One thread writes (under the session's lock); others may read states at any time and see each slot either
 * before or after a write. A structural change (a new page or file) is published through a volatile write. The counts
 * are for the writing thread, and for copies.
 */
final class SampleStates {
    private static final int PAGE_BITS = 12;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;

    /** Told each stored state, in file then record order. */
    @FunctionalInterface
    interface Visitor {
        void visit(int file, int record, SampleState state);
    }

    /** Per file, its pages; a page is null until a sample of it is written. */
    private volatile SampleState[][][] files;
    private final int[] marks;
    private int edited;
    private int size;

    SampleStates() {
        this(new SampleState[0][][], new int[Mark.values().length], 0, 0);
    }

    private SampleStates(SampleState[][][] files, int[] marks, int edited, int size) {
        this.files = files;
        this.marks = marks;
        this.edited = edited;
        this.size = size;
    }

    /** The state of record {@code record} of file {@code file}, or null when nothing is stored for it. */
    SampleState get(int file, int record) {
        SampleState[] page = existingPage(file, record);
        return page == null ? null : page[record & (PAGE_SIZE - 1)];
    }

    /** Stores the state of a sample; null or an empty state removes it. */
    void put(int file, int record, SampleState state) {
        SampleState stored = state == null || state.isEmpty() ? null : state;
        SampleState[] page = stored == null ? existingPage(file, record) : page(file, record);
        if (page == null) {
            return;
        }
        int slot = record & (PAGE_SIZE - 1);
        count(page[slot], -1);
        count(stored, 1);
        page[slot] = stored;
    }

    private void count(SampleState s, int delta) {
        if (s != null) {
            size += delta;
            if (s.mark() != null) {
                marks[s.mark().ordinal()] += delta;
            }
            if (s.isEdited()) {
                edited += delta;
            }
        }
    }

    private SampleState[] existingPage(int file, int record) {
        SampleState[][][] all = files;
        SampleState[][] pages = file < all.length ? all[file] : null;
        int p = record >>> PAGE_BITS;
        return pages != null && p < pages.length ? pages[p] : null;
    }

    /** The page of a sample, made (with the file's list of pages) when missing. */
    private SampleState[] page(int file, int record) {
        SampleState[][][] all = files;
        if (file >= all.length) {
            all = Arrays.copyOf(all, file + 1);
        }
        SampleState[][] pages = all[file] == null ? new SampleState[0][] : all[file];
        int p = record >>> PAGE_BITS;
        if (p >= pages.length) {
            pages = Arrays.copyOf(pages, Math.max(p + 1, pages.length * 2));
        }
        SampleState[] page = pages[p];
        if (page == null) {
            page = new SampleState[PAGE_SIZE];
            pages[p] = page;
        }
        if (all != files || all[file] != pages) {
            all[file] = pages;
            files = all;
        }
        return page;
    }

    /** Number of samples stored. */
    int size() {
        return size;
    }

    /** Number of samples with the mark. */
    int count(Mark mark) {
        return marks[mark.ordinal()];
    }

    /** Number of samples whose image is edited. */
    int edited() {
        return edited;
    }

    /** Tells {@code visitor} every stored state, in file then record order (the sidecar's order). */
    void forEach(Visitor visitor) {
        for (Cursor c = cursor(); c.next(); ) {
            visitor.visit(c.file(), c.record(), c.state());
        }
    }

    /** A walk over the stored states as they are now, in file then record order. */
    Cursor cursor() {
        return new Cursor(files);
    }

    /** Where a walk over the stored states is: {@link #next} moves to the next one. */
    static final class Cursor {
        private final SampleState[][][] all;
        private int file;
        private int page;
        private int slot = -1;
        private SampleState state;

        private Cursor(SampleState[][][] all) {
            this.all = all;
        }

        /** Moves to the next stored state; false when there is none. */
        boolean next() {
            for (; file < all.length; file++, page = 0, slot = -1) {
                SampleState[][] pages = all[file];
                for (; pages != null && page < pages.length; page++, slot = -1) {
                    SampleState[] p = pages[page];
                    while (p != null && ++slot < PAGE_SIZE) {
                        state = p[slot];
                        if (state != null) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        int file() {
            return file;
        }

        int record() {
            return (page << PAGE_BITS) + slot;
        }

        /** The state found by the last {@link #next} (as it was then: another thread may write meanwhile). */
        SampleState state() {
            return state;
        }
    }

    /** An independent copy (a few milliseconds for 600K samples: the pages are copied, not the states). */
    SampleStates copy() {
        SampleState[][][] all = files.clone();
        for (int f = 0; f < all.length; f++) {
            if (all[f] != null) {
                all[f] = all[f].clone();
                for (int p = 0; p < all[f].length; p++) {
                    if (all[f][p] != null) {
                        all[f][p] = all[f][p].clone();
                    }
                }
            }
        }
        return new SampleStates(all, marks.clone(), edited, size);
    }
}
