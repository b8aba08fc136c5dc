package org.llavainspector.core.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.llavainspector.core.util.TaskMonitor;

/**
 * The fast byte-level scanner must read every record exactly as the Jackson scanner does, or give up: compared field
 * by field on the real records, the demo, hand-made edge cases and thousands of mangled files.
 */
class RawScannerTest {
    @TempDir
    Path dir;

    /** Everything a visitor can see of a record, as one line. */
    private static String describe(RecordSummary r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.index()).append(' ').append(r.offset()).append('+').append(r.length()).append(" @")
                .append(r.line()).append(':').append(r.column()).append(" id=").append(r.id()).append('/')
                .append(r.idShape()).append(" images=").append(r.images()).append('/').append(r.imageShape())
                .append(r.imageListHasNonString() ? "!" : "").append(" conv=").append(r.conversationsShape());
        for (int t = 0; t < r.turnCount(); t++) {
            sb.append(" [").append(r.turnShape(t)).append(' ').append(r.from(t)).append('/').append(r.fromShape(t))
                    .append(' ').append(r.valueShape(t)).append(' ').append(r.valueLength(t))
                    .append(r.valueBlank(t) ? " blank" : "").append(" tokens=").append(r.imageTokens(t)).append(' ')
                    .append(r.placement(t)).append(']');
        }
        return sb.toString();
    }

    private static final class Recorder implements RecordVisitor {
        final List<String> lines = new ArrayList<>();

        @Override
        public void visit(RecordSummary record) {
            lines.add(describe(record));
        }

        @Override
        public void finish(DatasetFormat format, int records) {
            lines.add("finish " + format + " " + records);
        }
    }

    /** The Jackson reading, or the error message. */
    private static List<String> jackson(Path file, boolean details) {
        Recorder r = new Recorder();
        try {
            DatasetScanner.scanWithJackson(file, r, TaskMonitor.NONE, details);
            return r.lines;
        } catch (DatasetException e) {
            return List.of("error " + e.getMessage());
        }
    }

    /** The fast reading, or null when it gave up. */
    private static List<String> raw(Path file, boolean details) {
        Recorder r = new Recorder();
        try {
            RawScanner.scan(file, r, TaskMonitor.NONE, details);
            return r.lines;
        } catch (RawScanner.Bail e) {
            return null;
        }
    }

    static Stream<Path> realFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/realdata"))) {
            s.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".jsonl")).forEach(files::add);
        }
        files.add(Path.of("samples/demo.json"));
        files.add(Path.of("samples/metadata.json"));
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("realFiles")
    void readsRealFilesExactlyLikeJackson(Path file) {
        for (boolean details : new boolean[] {true, false}) {
            List<String> fast = raw(file, details);
            assertTrue(fast != null, "the fast path gave up on " + file);
            assertEquals(jackson(file, details), fast, file.toString());
        }
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, text.getBytes(StandardCharsets.UTF_8));
        return f;
    }

    @Test
    void edgeCasesReadTheSameOrFallBack() throws IOException {
        String[] cases = {
            // escapes, unicode of every length, tokens in odd places, ids of every scalar type
            "[{\"id\": 12, \"image\": \"a/b.jpg\", \"conversations\": [{\"from\": \"human\", \"value\": \"<image>\\nWhat\\t\\\"is\\\" th\\u00e9 caf\u00e9 \u20ac \ud83d\ude00?\"}, {\"from\": \"gpt\", \"value\": \"It\\/s \\u2003 ok\\b\"}]}]",
            "[{\"id\": true, \"conversations\": [{\"from\": \"human\", \"value\": \"\\u2003\\n\"}, {\"from\": \"gpt\", \"value\": \"\u2003 x\"}]}]",
            "[{\"id\": -1.5e+3, \"conversations\": [{\"from\": \"human\", \"value\": \"\\u003cimage> q\"}, {\"from\": \"gpt\", \"value\": \"   \"}]}]",
            "[{\"id\": null, \"image\": [\"x.jpg\", 3, {\"a\": [1, 2]}, \"y.jpg\"], \"conversations\": [{\"from\": \"human\", \"value\": \"q <image> and <image>\"}, \"oops\", 5, {\"value\": 3, \"from\": null}]}]",
            "[{\"id\": \"d\", \"id\": \"e\", \"image\": \"1.jpg\", \"image\": \"2.jpg\", \"conversations\": [{\"from\": \"human\", \"from\": \"system\", \"value\": \"a\", \"value\": \"q\\n<image>  \"}]}]",
            "[{\"id\": \"n\", \"model\": \"\", \"extra\": {\"deep\": [[[{\"x\": [true, false, null, 0, -0, 0.5, 1E9]}]]]}, \"conversations\": []}, {}, {\"conversations\": {}}]",
            "[{\"id\": \"4b\", \"conversations\": [{\"from\": \"gpt\", \"value\": \"a \ud83d\ude00 b \ud834\udd1e \u20ac \u00e9 \\u00e9 \\ud83d\\ude00\"}]}]",
            "[{\"id\": \"esc\", \"conversations\": [{\"from\": \"human\", \"value\": \"q <image>\\\\n\"}, {\"from\": \"gpt\", \"value\": \"q <image>\\n\\t \"}, {\"from\": \"human\", \"value\": \" \\r\\n<image>\"}, {\"from\": \"gpt\", \"value\": \"\\\\<image>\\\\\"}, {\"from\": \"gpt\", \"value\": \"<image><image>\"}]}]",
            "[]", "  [ ]  \n", "[\r\n  {\"id\": \"crlf\",\r\n   \"conversations\": [{\"from\": \"human\", \"value\": \"a\"}]\r\n  },\r\n  {\"id\": \"2\"}\r\n]\r\n",
            "{\"id\": \"l1\", \"image\": \"x.jpg\", \"conversations\": [{\"from\": \"human\", \"value\": \"<image>\\nq\"}]}\n\n{\"id\": \"l2\"}\n",
            "{\"id\": \"no-newline-at-end\"}",
            "{\"id\": \"a\"}{\"id\": \"b\"} {\"id\": \"c\"}\r{\"id\": \"d\"}",
            "[{\"\u00fcnicode-name\": 1, \"id\": \"u\"}]",
            // malformed: the fast path must give up and Jackson report it
            "", "   ", "[", "[{\"id\": \"x\"},]", "[{\"id\": 01}]", "[{\"id\": \"x\"}] x", "[\"str\"]", "{\"id\": 1}[",
            "[{\"id\": \"tab\tinside\"}]", "[{\"id\": \"bad\\escape\"}]", "[{\"id\": \"x\", }]", "[{\"id\": tru}]",
            "[{\"id\": 1.}]", "[{\"id\": -}]", "[{\"id\" \"x\"}]", "[{\"id\": \"x\"} {\"id\": \"y\"}]", "\ufeff[{\"id\": \"bom\"}]",
            "[{\"\\u0069d\": \"escaped name\"}]", "[{\"id\": \"x\"}", "[{\"id\": \"x\"]", "[{\"id\": [1, 2}]",
        };
        int fast = 0;
        for (int i = 0; i < cases.length; i++) {
            Path f = write("case" + i + ".json", cases[i]);
            for (boolean details : new boolean[] {true, false}) {
                List<String> raw = raw(f, details);
                List<String> reference = jackson(f, details);
                if (raw != null) {
                    fast++;
                    assertEquals(reference, raw, "case " + i + ": " + cases[i]);
                } else {
                    assertTrue(i >= 15 || cases[i].contains("\\u0069d"),
                            "the fast path gave up on a well-formed case " + i + ": " + cases[i] + " -> " + reference);
                }
            }
        }
        assertTrue(fast >= 30, "the fast path read only " + fast + " of the well-formed cases");
    }

    /**
     * Text is skipped eight bytes at a time while no byte in the word needs a look: every kind of such byte (quote
     * escape, backslash escape, token, non-ASCII of each length, tab escape, a raw control byte) placed at every offset
     * of a long plain run, in a gpt answer and in an unknown field, must read exactly like Jackson or make it give up.
     */
    @Test
    void everyByteThatNeedsALookIsFoundAtEveryOffsetOfAWord() throws IOException {
        String[] inserts = {"\\\"", "\\\\", "<image>", "\u00e9", "\u20ac", "\ud83d\ude00", "\\n", "\\u0041", "<", "\t"};
        String plain = "The quick brown fox jumps over the lazy dog near a red kite and 3 boats, (calm) water!";
        int fast = 0;
        int cases = 0;
        for (String insert : inserts) {
            for (int at = 0; at <= 24; at++) {
                String text = plain.substring(0, at) + insert + plain.substring(at);
                String json = "[{\"id\": \"w" + at + "\", \"note\": \"" + text + "\", \"conversations\": [{\"from\": \"human\", "
                        + "\"value\": \"q\"}, {\"from\": \"gpt\", \"value\": \"" + text + text + "\"}]}]";
                Path f = write("word" + cases++ + ".json", json);
                List<String> raw = raw(f, true);
                List<String> reference = jackson(f, true);
                if (raw != null) {
                    fast++;
                    assertEquals(reference, raw, json);
                } else {
                    assertTrue(insert.equals("\t"), "the fast path gave up on well-formed " + json);
                    assertTrue(reference.get(0).startsWith("error"), "a raw tab must be an error: " + reference);
                }
            }
        }
        assertEquals(cases - 25, fast, "all but the raw tabs read on the fast path");
    }

    @Test
    void malformedBytesAreNeverReadDifferently() throws IOException {
        byte[] demo = Files.readAllBytes(Path.of("samples/demo.json"));
        byte[] pool = "{}[],:\"\\ \n\r\t0-1.eE+tfnu<>\u00e9\u2003".getBytes(StandardCharsets.UTF_8);
        Random random = new Random(7);
        int agreed = 0;
        for (int round = 0; round < 1500; round++) {
            byte[] bytes = demo.clone();
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(bytes.length);
                switch (random.nextInt(5)) {
                    case 0: // replace with a JSON-significant byte
                        bytes[at] = pool[random.nextInt(pool.length)];
                        break;
                    case 1: // replace with any byte (invalid UTF-8 included)
                        bytes[at] = (byte) random.nextInt(256);
                        break;
                    case 2: // delete
                        bytes = concat(java.util.Arrays.copyOfRange(bytes, 0, at),
                                java.util.Arrays.copyOfRange(bytes, at + 1, bytes.length));
                        break;
                    case 3: // insert
                        bytes = concat(java.util.Arrays.copyOfRange(bytes, 0, at), new byte[] {pool[random.nextInt(pool.length)]},
                                java.util.Arrays.copyOfRange(bytes, at, bytes.length));
                        break;
                    default: // truncate
                        bytes = java.util.Arrays.copyOf(bytes, at);
                }
            }
            Path f = dir.resolve("mangled.json");
            Files.write(f, bytes);
            List<String> raw = raw(f, true);
            if (raw != null) {
                List<String> reference = jackson(f, true);
                if (!reference.equals(raw)) {
                    fail("round " + round + ": the fast path read a mangled file differently\nraw:     " + raw
                            + "\njackson: " + reference);
                }
                agreed++;
            }
        }
        // many edits land inside text and leave valid JSON: the fast path must still read those
        assertTrue(agreed > 300, "the fast path read only " + agreed + " of 1500 mangled files");
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    @Test
    void recordsLargerThanTheBufferAndSlicesReadTheSame() throws Exception {
        StringBuilder sb = new StringBuilder("[\n");
        Random random = new Random(3);
        for (int i = 0; i < 400; i++) {
            String text = "word \\n caf\u00e9 ".repeat(random.nextInt(i % 50 == 0 ? 40_000 : 300));
            sb.append(i == 0 ? "  " : ",\n  ").append("{\n    \"id\": \"").append(i).append("\",\n    \"image\": \"f/")
                    .append(i).append(".jpg\",\n    \"conversations\": [\n      {\"from\": \"human\", \"value\": \"<image>\\nq")
                    .append(i).append("\"},\n      {\"from\": \"gpt\", \"value\": \"").append(text).append("\"}\n    ]\n  }");
        }
        Path f = write("big.json", sb.append("\n]\n").toString());
        assertTrue(Files.size(f) > 2 << 20, "the file must span several buffers");
        List<String> fast = raw(f, true);
        assertTrue(fast != null);
        assertEquals(jackson(f, true), fast);

        // slices: both scanners from the same record starts to the same stops
        List<Long> starts = ParallelScan.sliceStarts(f, 3, 0);
        assertEquals(3, starts.size());
        for (int k = 1; k < starts.size(); k++) {
            long from = starts.get(k);
            long to = k + 1 < starts.size() ? starts.get(k + 1) : -1;
            Recorder a = new Recorder();
            Recorder b = new Recorder();
            long stopA = DatasetScanner.scanSliceWithJackson(f, DatasetFormat.JSON_ARRAY, from, to, a, TaskMonitor.NONE,
                    true);
            long stopB = RawScanner.scanSlice(f, DatasetFormat.JSON_ARRAY, from, to, b, TaskMonitor.NONE, true);
            assertEquals(stopA, stopB);
            assertEquals(a.lines, b.lines);
            assertTrue(b.lines.size() > 50);
        }
    }

    /** The public pass: the fast path, then Jackson for what it is unsure of, each record handed over once. */
    private static List<String> combined(Path file) {
        Recorder r = new Recorder();
        try {
            DatasetScanner.scan(file, r, TaskMonitor.NONE, true);
            return r.lines;
        } catch (DatasetException e) {
            return List.of("error " + e.getMessage());
        }
    }

    @Test
    void whereTheFastPathGivesUpJacksonGoesOnWithoutRepeatingOrLosingARecord() throws Exception {
        StringBuilder sb = new StringBuilder("[\n");
        for (int i = 0; i < 3000; i++) {
            // record 1700 has an escaped field name, which only Jackson reads
            String id = i == 1700 ? "\"\\u0069d\"" : "\"id\"";
            sb.append(i == 0 ? "  " : ",\n  ").append("{").append(id).append(": \"r").append(i)
                    .append("\", \"image\": \"x/").append(i).append(".jpg\", \"conversations\": [{\"from\": \"human\", ")
                    .append("\"value\": \"<image>\\nq ").append("word ".repeat(i % 400)).append("\"}]}");
        }
        Path good = write("resume.json", sb.append("\n]\n").toString());
        assertTrue(raw(good, true) == null, "the fast path must give up on this file");
        List<String> expected = jackson(good, true);
        assertEquals(3001, expected.size());
        assertEquals(expected, combined(good));
        // the same in a parallel pass, where the fast path gives up inside one slice
        org.llavainspector.core.stats.DatasetStats reference = new org.llavainspector.core.stats.DatasetStats();
        DatasetScanner.scanWithJackson(good, reference, TaskMonitor.NONE, true);
        org.llavainspector.core.stats.DatasetStats parallel = ParallelScan.scan(good,
                org.llavainspector.core.stats.DatasetStats::new, org.llavainspector.core.stats.DatasetStats::merge, 3,
                TaskMonitor.NONE, 0);
        assertEquals(3000, parallel.records());
        assertEquals(reference.turnsHistogram(), parallel.turnsHistogram());
        assertEquals(reference.gptLengths(), parallel.gptLengths());
        assertEquals(reference.imageFolders(10), parallel.imageFolders(10));

        // malformed after the point where the fast path gave up: Jackson's own message, records before it once
        String broken = sb.toString().replace("\"r2500\"", "\"r2500\" oops");
        Path bad = write("resume-bad.json", broken);
        List<String> seen = new ArrayList<>();
        String error = null;
        try {
            DatasetScanner.scan(bad, r -> seen.add(r.index() + " " + r.id()), TaskMonitor.NONE, true);
        } catch (DatasetException e) {
            error = e.getMessage();
        }
        assertEquals(jackson(bad, true).get(0), "error " + error);
        assertEquals(2500, seen.size());
        assertEquals("2499 r2499", seen.get(2499));
    }
}
