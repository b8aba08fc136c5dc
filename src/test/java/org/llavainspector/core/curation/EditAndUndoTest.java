package org.llavainspector.core.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EditAndUndoTest {
    private static final SampleKey A = new SampleKey(0, 0);
    private static final SampleKey B = new SampleKey(0, 1);
    private static final SampleKey C = new SampleKey(1, 0);

    private Session session;
    private UndoStack undo;
    private final List<Collection<SampleKey>> heard = new ArrayList<>();

    @BeforeEach
    void setUp() {
        session = new Session(List.of());
        session.bind(new FakeRecords().with(0, 0, "a.jpg").with(0, 1, "b1.jpg", "b2.jpg"));
        session.addListener(heard::add);
        undo = new UndoStack(session);
    }

    @Test
    void editingOneImageAndUndoingIt() {
        assertTrue(undo.perform(Edit.setImage(session, A, List.of("coco/a.jpg"))));
        assertEquals(List.of("coco/a.jpg"), session.images(A));
        assertEquals("r0", session.state(A).id(), "the id is remembered to detect a changed source");
        assertEquals(1, session.editedCount());
        assertEquals(List.of(List.of(A)), heard);
        undo.undo();
        assertEquals(List.of("a.jpg"), session.images(A));
        assertTrue(session.states().isEmpty());
        undo.redo();
        assertEquals(List.of("coco/a.jpg"), session.images(A));
    }

    @Test
    void listValuedImagesAreEditedAsAWholeAndEmptyMeansNoImage() {
        undo.perform(Edit.setImage(session, B, List.of("x/b1.jpg", "x/b2.jpg")));
        assertEquals(List.of("x/b1.jpg", "x/b2.jpg"), session.images(B));
        undo.perform(Edit.setImage(session, B, List.of()));
        assertEquals(List.of(), session.images(B));
        assertTrue(session.state(B).isEdited());
        undo.undo();
        assertEquals(List.of("x/b1.jpg", "x/b2.jpg"), session.images(B));
    }

    @Test
    void settingTheSourceImagesAgainDropsTheEdit() {
        undo.perform(Edit.setImage(session, A, List.of("z.jpg")));
        undo.perform(Edit.setImage(session, A, List.of("a.jpg")));
        assertFalse(session.state(A).isEdited());
        assertTrue(session.states().isEmpty());
        assertFalse(undo.perform(Edit.setImage(session, A, null)), "nothing to drop: not recorded");
    }

    @Test
    void marksOnSeveralSamplesAreOneStep() {
        undo.perform(Edit.mark(session, List.of(A, B, C), Mark.KEEP));
        undo.perform(Edit.mark(session, List.of(B), Mark.REJECT));
        assertEquals(Map.of(Mark.KEEP, 2, Mark.REJECT, 1, Mark.FLAG, 0), session.markCounts());
        assertEquals("Mark reject: 0:1", undo.undoLabel().orElseThrow());
        undo.undo();
        assertEquals(Mark.KEEP, session.state(B).mark());
        undo.undo();
        assertTrue(session.states().isEmpty());
        assertFalse(undo.canUndo());
        assertTrue(undo.canRedo());
        assertEquals("Mark keep: 3 samples", undo.redoLabel().orElseThrow());
        undo.redo();
        assertEquals(3, session.states().size());
        undo.perform(Edit.mark(session, List.of(A), null));
        assertNull(session.state(A).mark());
        assertFalse(undo.canRedo(), "a new edit forgets what could be redone");
    }

    @Test
    void markingWhatIsAlreadyMarkedChangesNothing() {
        undo.perform(Edit.mark(session, List.of(A, B), Mark.FLAG));
        Edit again = Edit.mark(session, List.of(A, B, C), Mark.FLAG);
        assertEquals(List.of(C), again.keys());
        assertFalse(undo.perform(Edit.mark(session, List.of(A), Mark.FLAG)));
    }

    @Test
    void tagsAreNormalisedAddedAndRemoved() {
        undo.perform(Edit.addTag(session, List.of(A, B), " Blurry "));
        undo.perform(Edit.addTag(session, List.of(A), "crop"));
        assertEquals(List.of("blurry", "crop"), session.state(A).tags());
        assertEquals(List.of("blurry", "crop"), session.tags());
        undo.perform(Edit.removeTag(session, List.of(A, B), "BLURRY"));
        assertEquals(List.of("crop"), session.state(A).tags());
        assertTrue(session.state(B).isEmpty());
        undo.undo();
        assertEquals(List.of("blurry"), session.state(B).tags());
        assertThrows(IllegalArgumentException.class, () -> Edit.addTag(session, List.of(A), "two words"));
        assertThrows(IllegalArgumentException.class, () -> Edit.addTag(session, List.of(A), "  "));
    }

    @Test
    void notesAndClear() {
        undo.perform(Edit.setNote(session, A, "caption mentions a dog;\nimage shows a cat"));
        undo.perform(Edit.mark(session, List.of(A), Mark.REJECT));
        assertEquals("caption mentions a dog;\nimage shows a cat", session.state(A).note());
        undo.perform(Edit.setNote(session, A, "  "));
        assertNull(session.state(A).note());
        undo.undo();
        undo.perform(Edit.clear(session, List.of(A)));
        assertTrue(session.states().isEmpty());
        undo.undo();
        assertEquals(Mark.REJECT, session.state(A).mark());
        assertEquals("caption mentions a dog;\nimage shows a cat", session.state(A).note());
    }

    @Test
    void theStackForgetsTheOldestEditsBeyondItsLimit() {
        UndoStack small = new UndoStack(session, 2);
        small.perform(Edit.mark(session, List.of(A), Mark.KEEP));
        small.perform(Edit.mark(session, List.of(B), Mark.KEEP));
        small.perform(Edit.mark(session, List.of(C), Mark.KEEP));
        assertTrue(small.undo().isPresent());
        assertTrue(small.undo().isPresent());
        assertTrue(small.undo().isEmpty());
        assertEquals(Mark.KEEP, session.state(A).mark(), "the forgotten edit stays applied");
    }

    @Test
    void filtersForTheQueryLanguage() {
        undo.perform(Edit.mark(session, List.of(A), Mark.KEEP));
        undo.perform(Edit.mark(session, List.of(C), Mark.REJECT));
        undo.perform(Edit.addTag(session, List.of(B), "dup"));
        undo.perform(Edit.setImage(session, B, List.of("q.jpg")));
        IntPredicate keep = session.markFilter(0, "KEEP");
        assertTrue(keep.test(0));
        assertFalse(keep.test(1));
        assertFalse(session.markFilter(1, "keep").test(0));
        assertTrue(session.markFilter(1, "reject").test(0));
        assertTrue(session.markFilter(0, "none").test(1));
        assertTrue(session.markFilter(0, "any").test(0));
        assertTrue(session.tagFilter(0, "Dup").test(1));
        assertTrue(session.tagFilter(0, "*").test(1));
        assertFalse(session.tagFilter(0, "dup").test(0));
        assertTrue(session.editedFilter(0).test(1));
        assertFalse(session.editedFilter(0).test(0));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> session.markFilter(0, "maybe"));
        assertEquals("unknown mark 'maybe' (known: keep, reject, flag, none, any)", bad.getMessage());
    }

    @Test
    void listenersHearTheChangedKeysOfUndoAndRedoToo() {
        undo.perform(Edit.mark(session, List.of(A, B), Mark.KEEP));
        undo.undo();
        undo.redo();
        assertEquals(3, heard.size());
        heard.forEach(keys -> assertEquals(List.of(A, B), List.copyOf(keys)));
        session.setFilter("mark:keep");
        assertEquals(List.of(), List.copyOf(heard.get(3)));
    }
}
