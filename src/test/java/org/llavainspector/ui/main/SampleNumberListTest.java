package org.llavainspector.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

class SampleNumberListTest {
    /** Applies every change the list reports to a plain observable list: both must end up equal. */
    private static ObservableList<Integer> mirror(SampleNumberList list, List<String> log) {
        ObservableList<Integer> copy = FXCollections.observableArrayList(list);
        list.addListener((ListChangeListener<Integer>) c -> {
            while (c.next()) {
                if (c.wasRemoved()) {
                    log.add("removed " + c.getRemovedSize() + " at " + c.getFrom());
                    copy.remove(c.getFrom(), c.getFrom() + c.getRemovedSize());
                }
                if (c.wasAdded()) {
                    log.add("added " + c.getFrom() + ".." + c.getTo());
                    copy.addAll(c.getFrom(), c.getAddedSubList());
                }
            }
        });
        return copy;
    }

    @Test
    void appendedRangesAndReplacementsAreReportedAsListChanges() {
        SampleNumberList list = new SampleNumberList();
        List<String> log = new ArrayList<>();
        ObservableList<Integer> copy = mirror(list, log);

        list.appendRange(0, 3);
        list.appendRange(3, 3); // nothing new: no change
        list.appendRange(3, 1000);
        assertEquals(List.of("added 0..3", "added 3..1000"), log);
        assertEquals(copy, list);
        assertEquals(999, list.get(999));

        list.replaceAll(new int[] {5, 17, 800});
        assertEquals(List.of(5, 17, 800), list);
        assertEquals(copy, list);
        assertEquals("removed 1000 at 0", log.get(2));

        list.replaceAllWithRange(4);
        assertEquals(List.of(0, 1, 2, 3), list);
        assertEquals(copy, list);

        list.replaceAll(new int[0]);
        assertTrue(list.isEmpty());
        assertEquals(copy, list);
    }

    @Test
    void indexOfFindsASampleInAscendingAndInAnyOrder() {
        SampleNumberList list = new SampleNumberList();
        list.appendRange(0, 600_000);
        assertEquals(123_456, list.indexOf(123_456));
        assertEquals(-1, list.indexOf(600_000));
        assertEquals(-1, list.indexOf("123"));
        assertTrue(list.contains(0));

        list.replaceAll(new int[] {2, 40, 41, 90});
        assertEquals(2, list.indexOf(41));
        assertEquals(-1, list.indexOf(3));

        list.replaceAll(new int[] {9, 4, 7});
        assertEquals(1, list.indexOf(4));
        assertEquals(2, list.lastIndexOf(7));
        assertFalse(list.contains(5));

        list.replaceAll(new int[] {1, 2});
        list.appendRange(0, 2); // appended numbers below the last: no longer ascending, still found
        assertEquals(List.of(1, 2, 0, 1), list);
        assertEquals(2, list.indexOf(0));
        assertEquals(3, list.lastIndexOf(1));
    }

    @Test
    void theListCannotBeChangedThroughTheListApi() {
        SampleNumberList list = new SampleNumberList();
        list.appendRange(0, 3);
        assertThrows(UnsupportedOperationException.class, () -> list.add(4));
        assertThrows(UnsupportedOperationException.class, () -> list.set(0, 4));
        assertThrows(UnsupportedOperationException.class, () -> list.remove(0));
        assertThrows(IndexOutOfBoundsException.class, () -> list.get(3));
    }

    @Test
    void aReplacementIsCopiedNotShared() {
        SampleNumberList list = new SampleNumberList();
        int[] matches = {1, 2, 3};
        list.replaceAll(matches);
        matches[0] = 99;
        assertEquals(1, list.get(0));
    }
}
