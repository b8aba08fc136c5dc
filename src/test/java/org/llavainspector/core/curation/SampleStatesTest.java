package org.llavainspector.core.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The session's table of stored states: put, get and remove by file and record, counts, order, copies. */
class SampleStatesTest {
    private static final SampleState KEEP = SampleState.EMPTY.withMark(Mark.KEEP);
    private static final SampleState EDITED_REJECT =
            SampleState.EMPTY.withImage(List.of("x.jpg")).withMark(Mark.REJECT);
    private static final SampleState TAGGED = SampleState.EMPTY.withTags(List.of("dup"));

    @Test
    void statesArePutReadAndRemovedByFileAndRecord() {
        SampleStates t = new SampleStates();
        t.put(0, 5, KEEP);
        t.put(2, 1_000_000, EDITED_REJECT);
        assertSame(KEEP, t.get(0, 5));
        assertSame(EDITED_REJECT, t.get(2, 1_000_000));
        assertNull(t.get(0, 4));
        assertNull(t.get(1, 5), "a file between two with states");
        assertNull(t.get(7, 0), "a file never written");
        assertNull(t.get(0, 9_000_000), "far beyond the file's pages");
        assertEquals(2, t.size());

        t.put(0, 5, TAGGED);
        assertSame(TAGGED, t.get(0, 5), "replaced");
        t.put(0, 5, null);
        assertNull(t.get(0, 5));
        t.put(2, 1_000_000, SampleState.EMPTY.withId("r1"));
        assertNull(t.get(2, 1_000_000), "an empty state is not stored, even with an id");
        t.put(3, 3, null);
        assertEquals(0, t.size(), "removing what is not there changes nothing");
    }

    @Test
    void theCountsFollowEveryPutAndRemove() {
        SampleStates t = new SampleStates();
        t.put(0, 0, KEEP);
        t.put(0, 1, KEEP);
        t.put(0, 2, EDITED_REJECT);
        t.put(1, 0, TAGGED);
        assertEquals(List.of(2, 1, 0, 1, 4), counts(t));
        t.put(0, 1, EDITED_REJECT);
        assertEquals(List.of(1, 2, 0, 2, 4), counts(t));
        t.put(0, 2, null);
        t.put(1, 0, SampleState.EMPTY);
        assertEquals(List.of(1, 1, 0, 1, 2), counts(t));
    }

    /** keep, reject, flag, edited, size. */
    private static List<Integer> counts(SampleStates t) {
        return List.of(t.count(Mark.KEEP), t.count(Mark.REJECT), t.count(Mark.FLAG), t.edited(), t.size());
    }

    @Test
    void statesComeInFileThenRecordOrderWhateverTheOrderTheyWerePutIn() {
        SampleStates t = new SampleStates();
        int[][] keys = {{1, 7}, {0, 4096}, {0, 4095}, {2, 0}, {0, 0}, {1, 0}, {0, 123_456}};
        for (int[] k : keys) {
            t.put(k[0], k[1], KEEP);
        }
        List<String> seen = new ArrayList<>();
        t.forEach((file, record, s) -> seen.add(file + ":" + record));
        assertEquals(List.of("0:0", "0:4095", "0:4096", "0:123456", "1:0", "1:7", "2:0"), seen);
    }

    @Test
    void aCopyIsIndependentOfTheTableItWasMadeFrom() {
        SampleStates t = new SampleStates();
        t.put(0, 1, KEEP);
        SampleStates copy = t.copy();
        t.put(0, 1, TAGGED);
        t.put(0, 2, KEEP);
        t.put(4, 2, KEEP);
        copy.put(0, 3, EDITED_REJECT);
        assertSame(KEEP, copy.get(0, 1));
        assertNull(copy.get(0, 2));
        assertNull(copy.get(4, 2));
        assertNull(t.get(0, 3));
        assertEquals(List.of(1, 1, 0, 1, 2), counts(copy));
        assertEquals(List.of(2, 0, 0, 0, 3), counts(t));
    }
}
