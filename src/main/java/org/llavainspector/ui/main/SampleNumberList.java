package org.llavainspector.ui.main;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import javafx.collections.ObservableListBase;

/**
 * The samples shown, as an observable list of global sample numbers held in an {@code int} array.
 *
 * <p>An observable list of boxed {@code Integer}s took an object of 16 bytes per sample: 600K objects made while a
 * large file is indexed, which young collections then copied (twice) while the grid was being scrolled. Here the
 * numbers take 4 bytes each in one array, and {@link #get} boxes on demand.
 *
 * <p>Read-only through the {@code List} API; the view-model changes it by appending a range of new samples or by
 * replacing all of them (a filter). Sample numbers are usually ascending, and then {@link #indexOf} is a binary
 * search instead of a scan of 600K samples.
 */
final class SampleNumberList extends ObservableListBase<Integer> {
    private int[] numbers = new int[0];
    private int size;
    private boolean ascending = true;

    @Override
    public Integer get(int index) {
        Objects.checkIndex(index, size);
        return numbers[index];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int indexOf(Object o) {
        if (!(o instanceof Integer)) {
            return -1;
        }
        int value = (Integer) o;
        if (ascending) {
            int at = Arrays.binarySearch(numbers, 0, size, value);
            return at >= 0 ? at : -1;
        }
        for (int i = 0; i < size; i++) {
            if (numbers[i] == value) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public int lastIndexOf(Object o) {
        if (ascending) {
            return indexOf(o); // ascending numbers are distinct
        }
        if (o instanceof Integer) {
            int value = (Integer) o;
            for (int i = size - 1; i >= 0; i--) {
                if (numbers[i] == value) {
                    return i;
                }
            }
        }
        return -1;
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }

    /** Appends the samples {@code from} (inclusive) to {@code to} (exclusive): one change, an addition at the end. */
    void appendRange(int from, int to) {
        if (to <= from) {
            return;
        }
        int n = to - from;
        if (size + n > numbers.length) {
            numbers = Arrays.copyOf(numbers, Math.max(size + n, numbers.length + (numbers.length >> 1) + 16));
        }
        if (size > 0 && numbers[size - 1] >= from) {
            ascending = false;
        }
        for (int i = 0; i < n; i++) {
            numbers[size + i] = from + i;
        }
        int start = size;
        size += n;
        beginChange();
        nextAdd(start, size);
        endChange();
    }

    /** Shows exactly {@code shown} (copied), in that order: one change that replaces everything. */
    void replaceAll(int[] shown) {
        replaceWith(shown.clone());
    }

    /** Shows the samples {@code 0} to {@code count - 1}. */
    void replaceAllWithRange(int count) {
        int[] all = new int[count];
        Arrays.setAll(all, i -> i);
        replaceWith(all);
    }

    /** Takes {@code shown} as the list's own array. */
    private void replaceWith(int[] shown) {
        int[] old = numbers;
        int oldSize = size;
        numbers = shown;
        size = numbers.length;
        ascending = isAscending(numbers);
        beginChange();
        if (oldSize > 0) {
            nextRemove(0, new Boxed(old, oldSize));
        }
        if (size > 0) {
            nextAdd(0, size);
        }
        endChange();
    }

    private static boolean isAscending(int[] a) {
        for (int i = 1; i < a.length; i++) {
            if (a[i] <= a[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /** The numbers of a replaced array as a list, for the change event's removed elements. */
    private static final class Boxed extends AbstractList<Integer> {
        private final int[] numbers;
        private final int size;

        Boxed(int[] numbers, int size) {
            this.numbers = numbers;
            this.size = size;
        }

        @Override
        public Integer get(int index) {
            Objects.checkIndex(index, size);
            return numbers[index];
        }

        @Override
        public int size() {
            return size;
        }
    }
}
