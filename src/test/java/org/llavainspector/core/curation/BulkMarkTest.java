package org.llavainspector.core.curation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Marks of a whole dataset at once (Ctrl+A, then a mark key): 100,000 samples over two files, some of which already
 * say something (a tag, a note, an edited image, a mark and an id restored from a sidecar), given in a shuffled order
 * with repeats. Every step gives exactly the states and counts it should, and undo and redo bring back exactly the
 * states before and after.
 */
class BulkMarkTest {
    private static final int FIRST_FILE = 60_000;
    private static final int SECOND_FILE = 40_000;

    @TempDir
    Path dir;
    private Session session;
    private UndoStack undo;
    private List<SampleKey> selection;

    @BeforeEach
    void setUp() {
        session = restoredSession();
        undo = new UndoStack(session);
        selection = new ArrayList<>();
        for (int r = 0; r < FIRST_FILE; r++) {
            selection.add(new SampleKey(0, r));
        }
        for (int r = 0; r < SECOND_FILE; r++) {
            selection.add(new SampleKey(1, r));
        }
        selection.addAll(selection.subList(1000, 1100));
        Collections.shuffle(selection, new Random(7));
    }

    /** A session as restored from a sidecar, with states on a few samples inside the selection and one outside. */
    private static Session restoredSession() {
        Map<SampleKey, SampleState> states = new HashMap<>();
        states.put(new SampleKey(0, 3), new SampleState("old3", null, Mark.FLAG, List.of(), null));
        states.put(new SampleKey(0, 4), new SampleState(null, null, Mark.KEEP, List.of(), null));
        states.put(new SampleKey(0, 10), new SampleState("r10", List.of("fixed.jpg"), null, List.of(), null));
        states.put(new SampleKey(1, 20), new SampleState("r20", null, Mark.REJECT, List.of("dup"), "a note"));
        states.put(new SampleKey(1, 39_999), new SampleState(null, null, null, List.of("blurry"), null));
        states.put(new SampleKey(1, 50_000), new SampleState("r50000", null, Mark.KEEP, List.of(), null));
        Session s = Session.restore(new Session.Snapshot(0, List.of(), List.of(), List.of(), "", states));
        s.bind(new FakeRecords());
        return s;
    }

    @Test
    void markingUnmarkingUndoAndRedoOfAHundredThousandSamples() {
        Map<SampleKey, SampleState> start = copyOfStates();
        Edit reject = Edit.mark(session, selection, Mark.REJECT);
        assertEquals(99_999, reject.size(), "each sample once, though a hundred were chosen twice, but for the one"
                + " rejected already");
        undo.perform(reject);
        Map<SampleKey, SampleState> rejected = copyOfStates();
        assertEquals(100_001, rejected.size());
        assertEquals(new SampleState("r12345", null, Mark.REJECT, List.of(), null),
                rejected.get(new SampleKey(0, 12_345)), "a sample marked here has its record's id");
        assertEquals(new SampleState("old3", null, Mark.REJECT, List.of(), null), rejected.get(new SampleKey(0, 3)),
                "a restored id is kept");
        assertEquals(new SampleState("r4", null, Mark.REJECT, List.of(), null), rejected.get(new SampleKey(0, 4)),
                "a restored sample without an id takes its record's, as any edit of it does");
        assertEquals(new SampleState("r10", List.of("fixed.jpg"), Mark.REJECT, List.of(), null),
                rejected.get(new SampleKey(0, 10)));
        assertEquals(new SampleState("r20", null, Mark.REJECT, List.of("dup"), "a note"),
                rejected.get(new SampleKey(1, 20)));
        assertEquals(new SampleState("r39999", null, Mark.REJECT, List.of("blurry"), null),
                rejected.get(new SampleKey(1, 39_999)));
        assertEquals(start.get(new SampleKey(1, 50_000)), rejected.get(new SampleKey(1, 50_000)), "not selected");
        assertCounts(100_000, 1, 0, 1, rejected);

        undo.perform(Edit.mark(session, selection, Mark.KEEP));
        Map<SampleKey, SampleState> kept = copyOfStates();
        assertEquals(new SampleState("old3", null, Mark.KEEP, List.of(), null), kept.get(new SampleKey(0, 3)));
        assertCounts(0, 100_001, 0, 1, kept);

        undo.perform(Edit.mark(session, selection, null));
        Map<SampleKey, SampleState> cleared = copyOfStates();
        assertEquals(Map.of(new SampleKey(0, 10), new SampleState("r10", List.of("fixed.jpg"), null, List.of(), null),
                new SampleKey(1, 20), new SampleState("r20", null, null, List.of("dup"), "a note"),
                new SampleKey(1, 39_999), new SampleState("r39999", null, null, List.of("blurry"), null),
                new SampleKey(1, 50_000), start.get(new SampleKey(1, 50_000))), cleared);
        assertCounts(0, 1, 0, 1, cleared);

        List<Map<SampleKey, SampleState>> steps = List.of(start, rejected, kept, cleared);
        for (int i = steps.size() - 2; i >= 0; i--) {
            undo.undo();
            assertEquals(steps.get(i), copyOfStates(), "undone to step " + i);
            assertCounts(steps.get(i));
        }
        for (int i = 1; i < steps.size(); i++) {
            undo.redo();
            assertEquals(steps.get(i), copyOfStates(), "redone to step " + i);
            assertCounts(steps.get(i));
        }
    }

    @Test
    void theSidecarIsTheOneOfTheSameMarksGivenOneSampleAtATime() throws IOException {
        undo.perform(Edit.mark(session, selection, Mark.FLAG));
        undo.perform(Edit.mark(session, selection.subList(0, 30_000), Mark.KEEP));
        Session oneByOne = restoredSession();
        UndoStack itsUndo = new UndoStack(oneByOne);
        for (SampleKey k : selection) {
            itsUndo.perform(Edit.of(oneByOne, "flag", List.of(k), s -> s.withMark(Mark.FLAG)));
        }
        for (SampleKey k : selection.subList(0, 30_000)) {
            itsUndo.perform(Edit.of(oneByOne, "keep", List.of(k), s -> s.withMark(Mark.KEEP)));
        }
        Path bulk = dir.resolve("bulk" + SessionStore.SUFFIX);
        Path single = dir.resolve("single" + SessionStore.SUFFIX);
        SessionStore.save(session, bulk);
        SessionStore.save(oneByOne, single);
        assertArrayEquals(Files.readAllBytes(single), Files.readAllBytes(bulk));
        assertEquals(oneByOne.markCounts(), session.markCounts());
    }

    private Map<SampleKey, SampleState> copyOfStates() {
        return new HashMap<>(session.states());
    }

    private void assertCounts(int reject, int keep, int flag, int edited, Map<SampleKey, SampleState> states) {
        Map<Mark, Integer> expected = new EnumMap<>(Map.of(Mark.KEEP, keep, Mark.REJECT, reject, Mark.FLAG, flag));
        assertEquals(expected, session.markCounts());
        assertEquals(edited, session.editedCount());
        assertCounts(states);
    }

    /** The session's counts are those of walking its states. */
    private void assertCounts(Map<SampleKey, SampleState> states) {
        Map<Mark, Integer> walked = new EnumMap<>(Mark.class);
        for (Mark m : Mark.values()) {
            walked.put(m, (int) states.values().stream().filter(s -> s.mark() == m).count());
        }
        assertEquals(walked, session.markCounts());
        assertEquals(states.values().stream().filter(SampleState::isEdited).count(), session.editedCount());
    }
}
