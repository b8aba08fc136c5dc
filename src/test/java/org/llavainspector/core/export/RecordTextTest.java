package org.llavainspector.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.llavainspector.core.dataset.Json;

/** New image paths in a record's source text: only the image bytes change; one-line output as Python writes it. */
class RecordTextTest {
    private static final String PRETTY = "{\n"
            + "    \"id\": \"000000033471\",\n"
            + "    \"image\": \"000000033471.jpg\",\n"
            + "    \"conversations\": [\n"
            + "      {\n"
            + "        \"from\": \"human\",\n"
            + "        \"value\": \"<image>\\nWhat are the colors of the bus in the image?\"\n"
            + "      }\n"
            + "    ],\n"
            + "    \"score\": 1.50,\n"
            + "    \"extra\": {\"k\": [1, 2e-05]}\n"
            + "  }";

    private static String splice(String record, String... paths) throws Exception {
        return new String(ImageSplice.splice(record.getBytes(StandardCharsets.UTF_8), List.of(paths)),
                StandardCharsets.UTF_8);
    }

    private static String compact(String record, List<String> paths) throws Exception {
        return new String(CompactJson.write(record.getBytes(StandardCharsets.UTF_8), paths), StandardCharsets.UTF_8);
    }

    @Test
    void aStringStaysAStringAndNothingElseMoves() throws Exception {
        String out = splice(PRETTY, "coco/train2017/000000033471.jpg");
        assertEquals(PRETTY.replace("\"000000033471.jpg\"", "\"coco/train2017/000000033471.jpg\""), out);
    }

    @Test
    void severalPathsBecomeAListIndentedLikeTheRecord() throws Exception {
        String out = splice(PRETTY, "a.jpg", "b.jpg");
        assertEquals(PRETTY.replace("\"image\": \"000000033471.jpg\"",
                "\"image\": [\n      \"a.jpg\",\n      \"b.jpg\"\n    ]"), out);
        assertSameTreeExceptImage(PRETTY, out, List.of("a.jpg", "b.jpg"));
    }

    @Test
    void aListKeepsItsOwnLayout() throws Exception {
        String multi = "{\n  \"id\": \"m\",\n  \"image\": [\n      \"x.jpg\",\n      \"y.jpg\"\n  ],\n  \"c\": []\n}";
        assertEquals(multi.replace("x.jpg", "p/x.jpg").replace("y.jpg", "p/y.jpg"), splice(multi, "p/x.jpg", "p/y.jpg"));
        assertEquals("{\n  \"id\": \"m\",\n  \"image\": [\n      \"only.jpg\"\n  ],\n  \"c\": []\n}",
                splice(multi, "only.jpg"), "a one-element list stays a list");
        assertEquals("{\"id\": 7, \"image\": [\"a\", \"b\", \"c\"]}", splice("{\"id\": 7, \"image\": [\"a\"]}", "a", "b", "c"));
        assertEquals("{\"id\": 7, \"image\": [\"a\", \"b\"]}", splice("{\"id\": 7, \"image\": []}", "a", "b"));
    }

    @Test
    void anEmptyListRemovesTheField() throws Exception {
        assertEquals(PRETTY.replace("    \"image\": \"000000033471.jpg\",\n", ""), splice(PRETTY));
        assertEquals("{\"id\": \"x\"}", splice("{\"id\": \"x\", \"image\": \"a.jpg\"}"));
        assertEquals("{\"id\": \"x\"}", splice("{\"image\": \"a.jpg\", \"id\": \"x\"}"));
        assertEquals("{}", splice("{\"image\": \"a.jpg\"}"));
        assertEquals("{\"id\": \"x\"}", splice("{\"id\": \"x\"}"));
    }

    @Test
    void aMissingImageIsAddedAfterTheId() throws Exception {
        String textOnly = PRETTY.replace("    \"image\": \"000000033471.jpg\",\n", "");
        assertEquals(PRETTY.replace("000000033471.jpg", "new.jpg"), splice(textOnly, "new.jpg"));
        assertEquals("{\"id\": \"x\", \"image\": \"n.jpg\", \"c\": 1}", splice("{\"id\": \"x\", \"c\": 1}", "n.jpg"));
        assertEquals("{\"id\":\"x\",\"image\":\"n.jpg\",\"c\":1}", splice("{\"id\":\"x\",\"c\":1}", "n.jpg"));
        assertEquals("{\"image\": \"n.jpg\", \"c\": 1}", splice("{\"c\": 1}", "n.jpg"));
        assertEquals("{\"id\": \"x\", \"image\": \"n.jpg\"}", splice("{\"id\": \"x\"}", "n.jpg"));
        assertEquals("{\"image\": \"n.jpg\"}", splice("{}", "n.jpg"));
    }

    @Test
    void escapesFollowTheRecord() throws Exception {
        assertEquals("{\"id\": \"x\", \"image\": \"\\u00e4/\\\"q\\\".jpg\"}",
                splice("{\"id\": \"x\", \"image\": \"a.jpg\"}", "ä/\"q\".jpg"), "an ASCII record stays ASCII");
        assertEquals("{\"id\": \"é\", \"image\": \"ä.jpg\"}", splice("{\"id\": \"é\", \"image\": \"a.jpg\"}", "ä.jpg"));
    }

    @Test
    void oneLineAsPythonWritesItWithTheSourceNumbers() throws Exception {
        assertEquals("{\"id\": \"000000033471\", \"image\": \"000000033471.jpg\", \"conversations\": [{\"from\": "
                + "\"human\", \"value\": \"<image>\\nWhat are the colors of the bus in the image?\"}], "
                + "\"score\": 1.50, \"extra\": {\"k\": [1, 2e-05]}}", compact(PRETTY, null));
        assertEquals("{\"id\": \"000000033471\", \"image\": [\"a\", \"b\"], \"conversations\": [{\"from\": "
                + "\"human\", \"value\": \"<image>\\nWhat are the colors of the bus in the image?\"}], "
                + "\"score\": 1.50, \"extra\": {\"k\": [1, 2e-05]}}", compact(PRETTY, List.of("a", "b")));
        assertEquals("{\"id\": \"x\", \"image\": \"n.jpg\", \"e\": []}", compact("{\n \"id\": \"x\",\n \"e\": []\n}",
                List.of("n.jpg")));
        assertEquals("{\"e\": {}, \"image\": \"n.jpg\"}", compact("{\n \"e\": {}\n}", List.of("n.jpg")));
        assertEquals("{\"id\": \"x\"}", compact("{\n \"id\": \"x\", \"image\": [\"a\"]\n}", List.of()));
        assertEquals("{\"id\": \"x\", \"image\": [\"b\"]}", compact("{\n \"id\": \"x\", \"image\": [\"a\"]\n}",
                List.of("b")), "a one-element list stays a list");
        assertEquals("{\"v\": \"caf\\u00e9\"}", compact("{\n\"v\": \"caf\\u00e9\"}", null));
        assertEquals("{\"v\": \"café\"}", compact("{\n\"v\": \"café\"}", null));
    }

    private static void assertSameTreeExceptImage(String before, String after, List<String> image) throws Exception {
        ObjectNode expected = (ObjectNode) Json.MAPPER.readTree(before);
        expected.set("image", Json.MAPPER.valueToTree(image));
        JsonNode actual = Json.MAPPER.readTree(after);
        assertEquals(expected, actual);
        List<String> names = new ArrayList<>();
        actual.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("id", "image", "conversations", "score", "extra"), names);
    }
}
