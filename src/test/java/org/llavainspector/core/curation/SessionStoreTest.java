package org.llavainspector.core.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llavainspector.TestFiles;

class SessionStoreTest {
    @TempDir
    Path dir;

    private Path dataset(String name) {
        return TestFiles.write(dir, name, "[{\"id\": \"a\", \"image\": \"a.jpg\", \"conversations\": []}]\n");
    }

    @Test
    void everythingSurvivesARoundTrip() throws IOException {
        Path data = dataset("d.json");
        Path other = dataset("e.jsonl");
        Session session = Session.create(List.of(data, other));
        session.bind(new FakeRecords().with(0, 3, "z.jpg"));
        UndoStack undo = new UndoStack(session);
        SampleKey a = new SampleKey(0, 0);
        SampleKey b = new SampleKey(1, 7);
        undo.perform(Edit.setImage(session, a, List.of("coco/ä ö.jpg", "x\"y\\z.jpg")));
        undo.perform(Edit.setImage(session, new SampleKey(0, 3), List.of()));
        undo.perform(Edit.mark(session, List.of(a, b), Mark.FLAG));
        undo.perform(Edit.addTag(session, List.of(b), "blurry"));
        undo.perform(Edit.addTag(session, List.of(b), "ocr"));
        undo.perform(Edit.setNote(session, b, "line one\nline \"two\" \u2713"));
        session.setImageSources(List.of("/data/images.zip", "/data/coco"), List.of("coco/train2017/=/data/t.zip"));
        session.setFilter("mark:flag -tag:ocr \"two dogs\"");

        Path sidecar = dir.resolve("d.json" + SessionStore.SUFFIX);
        long bytes = SessionStore.save(session, sidecar);
        assertEquals(Files.size(sidecar), bytes);
        Session back = SessionStore.load(sidecar);

        assertEquals(session.sources(), back.sources());
        assertEquals(session.imageSources(), back.imageSources());
        assertEquals(session.imageRules(), back.imageRules());
        assertEquals(session.filter(), back.filter());
        assertEquals(session.snapshot().states(), back.snapshot().states());
        assertEquals("r0", back.state(a).id());
        assertEquals(List.of(), back.state(new SampleKey(0, 3)).image(), "an edit to no image is kept");
        assertEquals(List.of("blurry", "ocr"), back.state(b).tags());
        assertEquals(1, back.fileNumber(other));
        assertTrue(SourceCheck.check(back).isEmpty());
        assertFalse(Files.readString(sidecar).contains(".tmp"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(3, files.count(), "no temporary file is left beside the sidecar");
        }
    }

    @Test
    void theSidecarLiesBesideTheDatasetOrInTheFallbackFolder() throws IOException {
        Path data = dataset("chat.json");
        Path fallback = dir.resolve("fallback");
        SessionStore writable = new SessionStore(fallback, p -> true);
        assertEquals(dir.resolve("chat.json.llava-session.json"), writable.locate(List.of(data)));
        Path two = writable.locate(List.of(data, dataset("more.json")));
        assertTrue(two.getFileName().toString().matches("chat\\.json\\.[0-9a-f]{8}\\.llava-session\\.json"),
                two.toString());

        SessionStore readOnly = new SessionStore(fallback, p -> false);
        Path elsewhere = readOnly.locate(List.of(data));
        assertEquals(fallback, elsewhere.getParent());
        assertTrue(elsewhere.getFileName().toString().startsWith("chat.json-"));
        SessionStore.save(Session.create(List.of(data)), elsewhere);
        assertEquals(elsewhere, writable.locate(List.of(data)), "an existing sidecar is found wherever it is");
        assertEquals(dir.resolve("chat.json.llava-session.json"),
                writable.locate(List.of(dataset("new.json"))).resolveSibling("chat.json.llava-session.json"));
    }

    /**
     * A crash between autosaves: changes saved by the autosaver come back in a new "app instance" reading the same
     * sidecar; those made after the last save (and never flushed) are lost, and nothing else is.
     */
    @Test
    void aCrashBetweenAutosavesLosesOnlyTheChangesAfterTheLastSave() throws Exception {
        Path data = dataset("d.json");
        Path sidecar = new SessionStore(dir.resolve("fb")).locate(List.of(data));
        Session session = Session.create(List.of(data));
        UndoStack undo = new UndoStack(session);
        List<IOException> errors = new ArrayList<>();
        Autosaver saver = new Autosaver(session, sidecar, Duration.ofMillis(50), Duration.ofMillis(200), errors::add);
        for (int r = 0; r < 100; r++) {
            undo.perform(Edit.mark(session, List.of(new SampleKey(0, r)), Mark.KEEP));
        }
        undo.perform(Edit.setImage(session, new SampleKey(0, 5), List.of("fixed.jpg")));
        awaitSaved(saver);
        // After the autosave: more changes, then the process dies before the next save.
        saver.close(); // stands in for the autosave thread dying with the process; close() saves nothing new here
        undo.perform(Edit.mark(session, List.of(new SampleKey(0, 1000)), Mark.REJECT));
        undo.perform(Edit.setNote(session, new SampleKey(0, 5), "never saved"));

        Session restored = SessionStore.load(new SessionStore(dir.resolve("fb")).locate(List.of(data)));
        assertEquals(100, restored.states().size());
        assertEquals(Mark.KEEP, restored.state(new SampleKey(0, 99)).mark());
        assertEquals(List.of("fixed.jpg"), restored.state(new SampleKey(0, 5)).image());
        assertNull(restored.state(new SampleKey(0, 5)).note());
        assertTrue(restored.state(new SampleKey(0, 1000)).isEmpty());
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void aKillDuringAWriteLeavesTheLastCompleteSidecar() throws IOException {
        Path data = dataset("d.json");
        Path sidecar = dir.resolve("d.json" + SessionStore.SUFFIX);
        Session session = Session.create(List.of(data));
        new UndoStack(session).perform(Edit.mark(session, List.of(new SampleKey(0, 0)), Mark.KEEP));
        SessionStore.save(session, sidecar);
        // What a kill in the middle of the next save leaves behind: a half-written temporary file.
        Files.writeString(dir.resolve(".d.json.llava-session.json.123.tmp"), "{\"format\": \"llava-insp");
        assertEquals(Mark.KEEP, SessionStore.load(sidecar).state(new SampleKey(0, 0)).mark());
    }

    @Test
    void autosaveFollowsChangesAndFlushSavesAtOnce() throws Exception {
        Path data = dataset("d.json");
        Path sidecar = dir.resolve("s" + SessionStore.SUFFIX);
        Session session = Session.create(List.of(data));
        UndoStack undo = new UndoStack(session);
        try (Autosaver saver = new Autosaver(session, sidecar, Duration.ofHours(1), Duration.ofHours(1), e -> { })) {
            assertFalse(saver.isDirty());
            undo.perform(Edit.mark(session, List.of(new SampleKey(0, 0)), Mark.FLAG));
            assertTrue(saver.isDirty());
            assertFalse(Files.exists(sidecar), "not before the quiet time");
            saver.flush();
            assertFalse(saver.isDirty());
            assertEquals(Mark.FLAG, SessionStore.load(sidecar).state(new SampleKey(0, 0)).mark());
            session.setFilter("tag:x");
            assertTrue(saver.isDirty(), "settings count as changes too");
        }
        assertEquals("tag:x", SessionStore.load(sidecar).filter(), "close() saves what is left");
    }

    @Test
    void damagedOrForeignSidecarsAreRefusedWithOneLine() throws IOException {
        Path notJson = TestFiles.write(dir, "a" + SessionStore.SUFFIX, "{\"format\": ");
        IOException e = assertThrows(IOException.class, () -> SessionStore.load(notJson));
        assertTrue(e.getMessage().startsWith(notJson.toString()), e.getMessage());
        Path foreign = TestFiles.write(dir, "b" + SessionStore.SUFFIX, "{\"samples\": []}");
        assertTrue(assertThrows(IOException.class, () -> SessionStore.load(foreign)).getMessage()
                .contains("not a session file"));
        Path newer = TestFiles.write(dir, "c" + SessionStore.SUFFIX,
                "{\"format\": \"llava-inspector-session\", \"version\": 99}");
        assertTrue(assertThrows(IOException.class, () -> SessionStore.load(newer)).getMessage()
                .contains("newer version"));
        Path badSample = TestFiles.write(dir, "d" + SessionStore.SUFFIX,
                "{\"format\": \"llava-inspector-session\", \"sources\": [], "
                        + "\"samples\": [{\"file\": 0, \"record\": 1}]}");
        assertThrows(IOException.class, () -> SessionStore.load(badSample));
        assertTrue(SessionStore.loadIfPresent(dir.resolve("none.json")).isEmpty());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void unknownFieldsOfLaterVersionsAreSkipped() throws IOException {
        Path data = dataset("d.json");
        SourceIdentity id = SourceIdentity.of(data);
        Path sidecar = TestFiles.write(dir, "x" + SessionStore.SUFFIX, "{\"format\": \"llava-inspector-session\", "
                + "\"version\": 1, \"window\": {\"w\": 3}, \"sources\": [{\"path\": \"" + id.path() + "\", \"size\": "
                + id.size() + ", \"modified\": " + id.modifiedMillis() + ", \"hash\": \"" + id.headTailHash()
                + "\", \"colour\": [1]}], \"samples\": [{\"file\": 0, \"record\": 2, \"mark\": \"keep\", \"x\": {}}]}");
        Session s = SessionStore.load(sidecar);
        assertEquals(Mark.KEEP, s.state(new SampleKey(0, 2)).mark());
        assertTrue(SourceCheck.check(s).isEmpty());
    }

    @Test
    void samplesAreWrittenInFileThenRecordOrderWhateverMapTheyComeIn() throws IOException {
        Session session = Session.create(List.of(dataset("d.json"), dataset("e.json")));
        new UndoStack(session).perform(Edit.mark(session, List.of(new SampleKey(1, 1), new SampleKey(0, 5000),
                new SampleKey(0, 5)), Mark.KEEP));
        Path fromSession = dir.resolve("a" + SessionStore.SUFFIX);
        SessionStore.save(session, fromSession);
        assertEquals(List.of("0:5", "0:5000", "1:1"), samplesIn(fromSession));

        Map<SampleKey, SampleState> unordered = new LinkedHashMap<>();
        unordered.put(new SampleKey(1, 1), SampleState.EMPTY.withMark(Mark.FLAG));
        unordered.put(new SampleKey(0, 7), SampleState.EMPTY.withNote("n"));
        Session.Snapshot other = new Session.Snapshot(1, session.sources(), List.of(), List.of(), "", unordered);
        Path fromMap = dir.resolve("b" + SessionStore.SUFFIX);
        SessionStore.save(other, fromMap);
        assertEquals(List.of("0:7", "1:1"), samplesIn(fromMap));
    }

    /** The samples of a sidecar as FILE:RECORD, in the order they are written. */
    private static List<String> samplesIn(Path sidecar) throws IOException {
        List<String> samples = new ArrayList<>();
        Matcher m = Pattern.compile("\\{\"file\":(\\d+),\"record\":(\\d+)").matcher(Files.readString(sidecar));
        while (m.find()) {
            samples.add(m.group(1) + ":" + m.group(2));
        }
        return samples;
    }

    private static void awaitSaved(Autosaver saver) throws InterruptedException {
        for (int i = 0; i < 1000 && saver.isDirty(); i++) {
            Thread.sleep(20);
        }
        assertFalse(saver.isDirty(), "the autosaver saved within 20 s");
    }
}
