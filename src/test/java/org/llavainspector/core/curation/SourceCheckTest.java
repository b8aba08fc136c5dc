package org.llavainspector.core.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llavainspector.TestFiles;

class SourceCheckTest {
    @TempDir
    Path dir;

    @Test
    void anUnchangedFileIsFine() throws Exception {
        Path f = TestFiles.write(dir, "a.json", "[{\"id\": \"1\"}]");
        assertTrue(SourceCheck.check(Session.create(List.of(f))).isEmpty());
    }

    @Test
    void aGrownFileIsAContentChange() throws Exception {
        Path f = TestFiles.write(dir, "a.json", "[{\"id\": \"1\"}]");
        Session s = Session.create(List.of(f));
        Files.writeString(f, "[{\"id\": \"1\"}, {\"id\": \"2\"}]");
        List<SourceCheck.Change> changes = SourceCheck.check(s);
        assertEquals(1, changes.size());
        assertEquals(SourceCheck.Kind.CONTENT, changes.get(0).kind());
        assertTrue(changes.get(0).message().contains("changed since the session was saved"), changes.get(0).message());
    }

    @Test
    void sameSizeOtherBytesIsAContentChangeEvenWithTheOldTime() throws Exception {
        Path f = TestFiles.write(dir, "a.json", "[{\"id\": \"1\"}]");
        FileTime time = Files.getLastModifiedTime(f);
        Session s = Session.create(List.of(f));
        Files.writeString(f, "[{\"id\": \"2\"}]");
        Files.setLastModifiedTime(f, time);
        assertEquals(SourceCheck.Kind.CONTENT, SourceCheck.check(s).get(0).kind());
    }

    @Test
    void aChangeInTheMiddleOfABigFileIsCaughtByItsTime() throws Exception {
        byte[] big = new byte[3 * SourceIdentity.SPAN];
        Path f = TestFiles.write(dir, "big.json", big);
        Session s = Session.create(List.of(f));
        big[big.length / 2] = 1;
        Files.write(f, big);
        Files.setLastModifiedTime(f, FileTime.fromMillis(s.sources().get(0).modifiedMillis() + 5000));
        assertEquals(SourceCheck.Kind.MODIFIED, SourceCheck.check(s).get(0).kind());
    }

    @Test
    void aDeletedFileIsMissing() throws Exception {
        Path f = TestFiles.write(dir, "a.json", "[]");
        Session s = Session.create(List.of(f));
        Files.delete(f);
        SourceCheck.Change c = SourceCheck.check(s).get(0);
        assertEquals(SourceCheck.Kind.MISSING, c.kind());
        assertEquals(0, c.file());
    }

    @Test
    void idsThatMovedAreListed() throws Exception {
        Session s = new Session(List.of());
        s.bind(new FakeRecords());
        UndoStack undo = new UndoStack(s);
        undo.perform(Edit.mark(s, List.of(new SampleKey(0, 0), new SampleKey(0, 1), new SampleKey(0, 5)), Mark.KEEP));
        // now record 1 has another id, and the file has only 3 records
        List<SampleKey> wrong = SourceCheck.mismatchedIds(s, 0, r -> r == 1 ? "other" : "r" + r, 3);
        assertEquals(List.of(new SampleKey(0, 1), new SampleKey(0, 5)), wrong);
    }
}
