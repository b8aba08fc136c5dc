package org.llavainspector.ui.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

/** The list's window over the samples shown: where it starts, what it holds and the changes it reports. */
class SampleWindowTest {
    private final ObservableList<Integer> all = FXCollections.observableArrayList();
    private final List<String> changes = new ArrayList<>();

    private SampleWindow window(int capacity) {
        SampleWindow w = new SampleWindow(all, capacity);
        w.addListener((ListChangeListener<Integer>) c -> {
            while (c.next()) {
                changes.add((c.wasRemoved() ? "-" + c.getRemovedSize() : "") + (c.wasAdded() ? "+" + c.getFrom() + ".." + c.getTo() : ""));
            }
        });
        return w;
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    @Test
    void holdsTheFirstSamplesAndMovesToWhereItIsSentStayingFull() {
        all.setAll(range(100, 125)); // 25 samples, numbered 100 to 124
        SampleWindow w = window(10);
        assertEquals(range(100, 110), List.copyOf(w));
        assertEquals(0, w.base());
        assertTrue(w.moveTo(20), "moved");
        assertEquals(15, w.base(), "no further than keeps it full");
        assertEquals(range(115, 125), List.copyOf(w));
        assertEquals(List.of("-10+0..10"), changes, "one replacement of all its rows");
        assertFalse(w.moveTo(99), "already as far as it goes");
        assertTrue(w.centreOn(12));
        assertEquals(7, w.base());
        assertTrue(w.holds(7) && w.holds(16) && !w.holds(6) && !w.holds(17));
        assertThrows(IndexOutOfBoundsException.class, () -> w.get(10));
    }

    @Test
    void samplesAppendedJoinTheWindowWhileItHasRoomAndEndsWhereTheListEnded() {
        all.setAll(range(0, 4));
        SampleWindow w = window(10);
        all.addAll(range(4, 7));
        assertEquals(range(0, 7), List.copyOf(w));
        all.addAll(range(7, 15)); // three of them fit
        assertEquals(range(0, 10), List.copyOf(w));
        assertEquals(List.of("+4..7", "+7..10"), changes);
        changes.clear();
        all.addAll(range(15, 20)); // beyond a full window: nothing to tell
        assertEquals(List.of(), changes);
        assertEquals(20, w.total());
    }

    @Test
    void aFilterFillsTheWindowAgainFromTheSameStartOrLessWhenTheListIsShorter() {
        all.setAll(range(0, 100));
        SampleWindow w = window(10);
        w.moveTo(50);
        changes.clear();
        all.setAll(range(0, 100).stream().filter(i -> i % 2 == 0).toList()); // 50 samples
        assertEquals(40, w.base(), "as near to where it was as keeps it full");
        assertEquals(List.of(80, 82, 84, 86, 88, 90, 92, 94, 96, 98), List.copyOf(w));
        all.setAll(range(0, 3));
        assertEquals(0, w.base());
        assertEquals(range(0, 3), List.copyOf(w));
        all.clear();
        assertEquals(0, w.size());
        assertEquals(List.of("-10+0..10", "-10+0..3", "-3"), changes);
    }

    @Test
    void alignedToRowsItStartsARowHoldsWholeRowsAndReachesTheLastSample() {
        all.setAll(range(0, 100));
        SampleWindow w = window(20);
        assertTrue(w.alignTo(3, 50), "moved to hold 50 in its middle");
        assertEquals(18, w.capacity(), "six whole rows of three");
        assertEquals(39, w.base(), "50 - 9, at the start of its row");
        assertEquals(range(39, 57), List.copyOf(w));
        w.moveTo(95);
        assertEquals(84, w.base(), "the first row start from which it holds the last sample");
        assertEquals(range(84, 100), List.copyOf(w), "less than full, up to the last sample");
        all.addAll(range(100, 105)); // appended: it fills up to its capacity
        assertEquals(range(84, 102), List.copyOf(w));
        all.setAll(range(0, 50)); // a filter: refilled from a row start
        assertEquals(0, w.base() % 3);
        assertTrue(w.holds(49), "the last sample");
        assertEquals(33, w.base(), "the first row start from which it holds the last sample");
        assertFalse(w.alignTo(3, 33 + 9), "where it is already");
    }

    @Test
    void rowsWithinTheMarginOfAnEdgeWithSamplesBeyondItAreNearIt() {
        all.setAll(range(0, 100));
        SampleWindow w = window(20);
        assertFalse(w.nearEdge(0, 5, 3), "the first samples: nothing before the window");
        assertTrue(w.nearEdge(10, 17, 3), "17 is within 3 of its end, 20, and there are samples beyond");
        assertFalse(w.nearEdge(10, 16, 3));
        w.moveTo(40);
        assertTrue(w.nearEdge(42, 45, 3), "42 is within 3 of its start, 40, and there are samples before");
        assertFalse(w.nearEdge(43, 56, 3));
        w.moveTo(80);
        assertFalse(w.nearEdge(90, 99, 3), "the last samples: nothing after the window");
    }
}
