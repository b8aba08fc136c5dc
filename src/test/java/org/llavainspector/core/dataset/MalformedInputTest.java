package org.llavainspector.core.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llavainspector.TestFiles;
import org.llavainspector.core.util.TaskMonitor;

/** Every kind of unusable file gives one line naming the file and the position, never a raw parser error. */
class MalformedInputTest {
    @TempDir
    Path dir;

    private DatasetException fail(String name, byte[] content) {
        Path file = TestFiles.write(dir, name, content);
        DatasetException e = assertThrows(DatasetException.class, () -> DatasetIndex.build(file, TaskMonitor.NONE));
        assertTrue(e.getMessage().startsWith(file.toString() + ":"), e.getMessage());
        assertEquals(-1, e.getMessage().indexOf('\n'), "one line: " + e.getMessage());
        return e;
    }

    private DatasetException fail(String name, String content) {
        return fail(name, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void truncatedInsideARecord() {
        String whole = TestFiles.read(TestFiles.realdata("detail_23k_sample.json"));
        DatasetException e = fail("t.json", whole.substring(0, whole.length() / 2 + 7));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertEquals(1, e.record(), "the cut falls in the second record");
        assertTrue(e.line() > 1);
    }

    @Test
    void truncatedBetweenRecords() {
        DatasetException e = fail("t.json", "[{\"id\": \"a\"},\n");
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void notJson() {
        DatasetException e = fail("n.json", "id,image\n1,a.jpg\n");
        assertEquals(1, e.line());
        assertEquals(1, e.column());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void topLevelNotAnArrayOfObjects() {
        DatasetException scalar = fail("s.json", "\"just a string\"");
        assertTrue(scalar.getMessage().contains("expected a JSON array of records or JSON Lines"), scalar.getMessage());
        DatasetException numbers = fail("n.json", "[1, 2]");
        assertTrue(numbers.getMessage().contains("record 0: the record is a number"), numbers.getMessage());
    }

    @Test
    void aRecordThatIsAString() {
        DatasetException e = fail("s.json", "[\n  {\"id\": \"a\"},\n  \"oops\"\n]");
        assertEquals(1, e.record());
        assertEquals(3, e.line());
        assertEquals(3, e.column());
        assertTrue(e.getMessage().endsWith("record 1: the record is a string, expected an object {\"id\", \"image\", \"conversations\"}"),
                e.getMessage());
    }

    @Test
    void invalidUtf8() {
        byte[] bytes = "[{\"id\": \"a\", \"conversations\": [{\"from\": \"human\", \"value\": \"caf?\"}]}]"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '?') {
                bytes[i] = (byte) 0xE9;   // Latin-1 é: not valid UTF-8 here
            }
        }
        DatasetException e = fail("u.json", bytes);
        assertTrue(e.getMessage().contains("invalid UTF-8"), e.getMessage());
        assertEquals(0, e.record());
    }

    @Test
    void emptyFileAndWhitespaceOnly() {
        assertTrue(fail("e.json", "").getMessage().contains("empty"));
        assertTrue(fail("w.json", "  \n\n").getMessage().contains("empty"));
    }

    @Test
    void garbageAfterTheArray() {
        DatasetException e = fail("g.json", "[{\"id\": \"a\"}]\n{\"id\": \"b\"}");
        assertTrue(e.getMessage().contains("after the closing"), e.getMessage());
        assertEquals(2, e.line());
        DatasetException bracket = fail("b.json", "[{\"id\": \"a\"}]\n]");
        assertEquals(2, bracket.line());
    }

    @Test
    void missingFileAndFolder() {
        DatasetException missing = assertThrows(DatasetException.class,
                () -> DatasetIndex.build(dir.resolve("nope.json"), TaskMonitor.NONE));
        assertEquals(dir.resolve("nope.json") + ": no such file", missing.getMessage());
        DatasetException folder = assertThrows(DatasetException.class, () -> DatasetIndex.build(dir, TaskMonitor.NONE));
        assertTrue(folder.getMessage().endsWith("is a folder, not a dataset file"));
    }

    @Test
    void anEmptyArrayIsAValidEmptyDataset() throws Exception {
        try (DatasetIndex index = DatasetIndex.build(TestFiles.write(dir, "e.json", "[]"), TaskMonitor.NONE)) {
            assertEquals(0, index.size());
            assertTrue(index.isComplete());
        }
    }
}
