package org.llavainspector.ui.browse;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableListBase;

/**
 * The rows the list's table holds: at most {@code capacity} consecutive samples of the samples shown, starting at
 * {@link #base()}. The list's own scroll bar covers all the samples and moves the window ({@link #moveTo}).
 *
 * <p>Why a window: on each layout JavaFX 21's {@code VirtualFlow} goes over every row before the one it shows (its
 * size estimate and its position), even with a fixed row height. 595,375 rows deep that took about 20 ms of the FX
 * thread per scroll step, two thirds of its time in {@code bench ui}'s list scroll; over a window it is bounded.
 *
 * <p>The window keeps a copy of its samples. Samples appended to the list (a file being indexed) join it while it
 * has room and ends where the list ended; any other change (a filter) fills it again from the same start, or less
 * when the list has become shorter.
 *
 * <p>The grid shows the window in rows of several samples: {@link #alignTo} keeps its start, and the samples it
 * holds when full, a whole number of rows, so that each sample stays in the same column as in the whole list.
 */
final class SampleWindow extends ObservableListBase<Integer> {
    private final ObservableList<Integer> all;
    private final int capacity;
    private int base;
    private int[] rows = new int[0];
    /** The window starts at a multiple of this, and holds a multiple of it when full (1: anywhere, capacity). */
    private int align = 1;

    SampleWindow(ObservableList<Integer> all, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.all = all;
        this.capacity = capacity;
        all.addListener(this::allChanged);
        refill(0);
    }

    @Override
    public Integer get(int index) {
        Objects.checkIndex(index, rows.length);
        return rows[index];
    }

    @Override
    public int size() {
        return rows.length;
    }

    /** The position (in the samples shown) of the window's first row. */
    int base() {
        return base;
    }

    /** How many samples are shown in all. */
    int total() {
        return all.size();
    }

    /** The most rows the window holds: its capacity, less what is left over from a whole number of aligned rows. */
    int capacity() {
        return Math.max(align, capacity / align * align);
    }

    /**
     * Makes the window start at a multiple of {@code n} (the samples in a row of the grid), and hold a multiple of
     * it when full, centred as near to {@code position} as that allows. Returns false when nothing changed.
     */
    boolean alignTo(int n, int position) {
        if (n < 1) {
            throw new IllegalArgumentException("align " + n);
        }
        align = n;
        return centreOn(position);
    }

    /** True when the sample at {@code position} (in all the samples shown) is in the window. */
    boolean holds(int position) {
        return position >= base && position < base + rows.length;
    }

    /**
     * Whether the samples at positions {@code first} to {@code last} (of all shown) come within {@code margin} of an
     * edge of the window beyond which there are more samples: then the window is to move.
     */
    boolean nearEdge(int first, int last, int margin) {
        int end = base + rows.length;
        return first - base < margin && base > 0 || last >= end - margin && end < all.size();
    }

    /**
     * Moves the window to start at {@code first}, or as near as keeps it full, and reports the change as one
     * replacement of all its rows. Returns false when it is there already.
     */
    boolean moveTo(int first) {
        int wanted = clamp(first);
        if (wanted == base && rows.length == Math.min(capacity(), all.size() - wanted)) {
            return false;
        }
        refill(wanted);
        return true;
    }

    /** Moves the window so that {@code position} is in its middle (or as near as keeps it full). */
    boolean centreOn(int position) {
        return moveTo(position - capacity() / 2);
    }

    /**
     * The aligned start nearest to {@code first} (at or below it) from which the window is full, or, near the end of
     * the list, the first aligned start from which it holds the last sample.
     */
    private int clamp(int first) {
        int over = all.size() - capacity();
        int last = over <= 0 ? 0 : (over + align - 1) / align * align;
        return Math.min(Math.max(0, first) / align * align, last);
    }

    private void refill(int newBase) {
        int[] old = rows;
        base = newBase;
        int n = Math.max(0, Math.min(capacity(), all.size() - newBase));
        rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = all.get(newBase + i);
        }
        if (old.length == 0 && n == 0) {
            return;
        }
        beginChange();
        if (old.length > 0) {
            nextRemove(0, boxed(old));
        }
        if (n > 0) {
            nextAdd(0, n);
        }
        endChange();
    }

    private void allChanged(ListChangeListener.Change<? extends Integer> c) {
        int end = base + rows.length; // where the window ended in the list before the change
        boolean appendedOnly = true;
        int firstAdded = Integer.MAX_VALUE;
        while (c.next()) {
            if (c.wasRemoved() || c.wasPermutated() || c.wasUpdated() || !c.wasAdded()) {
                appendedOnly = false;
            } else {
                firstAdded = Math.min(firstAdded, c.getFrom());
            }
        }
        if (!appendedOnly || firstAdded < end) {
            refill(clamp(base)); // the list changed under the window: fill it again
            return;
        }
        if (rows.length >= capacity() || firstAdded != end) {
            return; // the new samples lie beyond the window
        }
        int n = Math.min(capacity(), all.size() - base);
        int before = rows.length;
        rows = java.util.Arrays.copyOf(rows, n);
        for (int i = before; i < n; i++) {
            rows[i] = all.get(base + i);
        }
        beginChange();
        nextAdd(before, n);
        endChange();
    }

    private static List<Integer> boxed(int[] values) {
        return new AbstractList<>() {
            @Override
            public Integer get(int index) {
                return values[index];
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }
}
