package org.llavainspector.core.compare;

import java.nio.file.Path;
import org.llavainspector.TestFiles;

/** Two small datasets with planted overlaps, and one with planted duplicates (expected results in the tests). */
public final class PlantedDatasets {
    private PlantedDatasets() {
    }

    /** A JSON array, indented. */
    public static Path a(Path dir) {
        return TestFiles.write(dir, "a.json", """
                [
                  {"id": "a", "image": "a.jpg", "conversations": [
                      {"from": "human", "value": "<image>\\nq a"}, {"from": "gpt", "value": "ans a"}]},
                  {"id": "b", "image": "b.jpg", "conversations": [
                      {"from": "human", "value": "q b"}, {"from": "gpt", "value": "ans b"}]},
                  {"id": "c", "image": "c.jpg", "conversations": [
                      {"from": "human", "value": "q c"}, {"from": "gpt", "value": "ans c"}]},
                  {"id": "d", "image": "d.jpg", "conversations": [
                      {"from": "human", "value": "q d"}, {"from": "gpt", "value": "ans d"}]},
                  {"id": "rep", "image": "rep.jpg", "conversations": [
                      {"from": "human", "value": "describe"}, {"from": "gpt", "value": "detail"}]},
                  {"id": "rep", "image": "rep.jpg", "conversations": [
                      {"from": "human", "value": "why"}, {"from": "gpt", "value": "reason"}]},
                  {"id": "e", "image": "e.jpg", "source": "x", "conversations": [
                      {"from": "human", "value": "q e"}, {"from": "gpt", "value": "ans e"}]},
                  {"id": "f", "image": "f.jpg", "conversations": [
                      {"from": "human", "value": "shared q"}, {"from": "gpt", "value": "shared a"}]},
                  {"id": "g", "image": "g.jpg", "conversations": [
                      {"from": "human", "value": "q g"}, {"from": "gpt", "value": "ans g"}]}
                ]
                """);
    }

    /**
     * JSON Lines, compact and reordered: A minus c, d's answer changed, e's source changed, f renamed f2, g's fields
     * in another order, the two rep records swapped, and a new record n.
     */
    public static Path b(Path dir) {
        return TestFiles.write(dir, "b.jsonl", String.join("\n",
                "{\"id\":\"rep\",\"image\":\"rep.jpg\",\"conversations\":[{\"from\":\"human\",\"value\":\"why\"},"
                        + "{\"from\":\"gpt\",\"value\":\"reason\"}]}",
                "{\"id\":\"a\",\"image\":\"a.jpg\",\"conversations\":[{\"from\":\"human\",\"value\":\"<image>\\nq a\"},"
                        + "{\"from\":\"gpt\",\"value\":\"ans a\"}]}",
                "{\"id\":\"d\",\"image\":\"d.jpg\",\"conversations\":[{\"from\":\"human\",\"value\":\"q d\"},"
                        + "{\"from\":\"gpt\",\"value\":\"a better answer d\"}]}",
                "{\"id\":\"n\",\"image\":\"n.jpg\",\"conversations\":[{\"from\":\"human\",\"value\":\"q n\"},"
                        + "{\"from\":\"gpt\",\"value\":\"ans n\"}]}",
                "{\"id\":\"rep\",\"image\":\"rep.jpg\",\"conversations\":[{\"from\":\"human\",\"value\":\"describe\"},"
                        + "{\"from\":\"gpt\",\"value\":\"detail\"}]}",
                "{\"id\":\"b\",\"image\":\"b.jpg\",\"conversations\":[{\"from\":\"human\",\"value\":\"q b\"},"
                        + "{\"from\":\"gpt\",\"value\":\"ans b\"}]}",
                "{\"id\":\"e\",\"image\":\"e.jpg\",\"source\":\"y\",\"conversations\":[{\"from\":\"human\","
                        + "\"value\":\"q e\"},{\"from\":\"gpt\",\"value\":\"ans e\"}]}",
                "{\"id\":\"f2\",\"image\":\"f.jpg\",\"conversations\":[{\"from\":\"human\",\"value\":\"shared q\"},"
                        + "{\"from\":\"gpt\",\"value\":\"shared a\"}]}",
                "{\"conversations\":[{\"from\":\"human\",\"value\":\"q g\"},{\"from\":\"gpt\",\"value\":\"ans g\"}],"
                        + "\"image\":\"g.jpg\",\"id\":\"g\"}",
                ""));
    }

    /**
     * Planted groups: id x {0,1}; image 1.jpg {0,2}; image 3.jpg {3,4}; conversation {0,3,4} (4 written with other
     * whitespace); conversation {5,6} (text-only records).
     */
    public static Path duplicates(Path dir) {
        return TestFiles.write(dir, "dups.jsonl", String.join("\n",
                "{\"id\":\"x\",\"image\":\"1.jpg\",\"conversations\":[{\"from\":\"human\",\"value\":\"c1\"},"
                        + "{\"from\":\"gpt\",\"value\":\"one\"}]}",
                "{\"id\":\"x\",\"image\":\"2.jpg\",\"conversations\":[{\"from\":\"human\",\"value\":\"c2\"}]}",
                "{\"id\":\"y\",\"image\":\"1.jpg\",\"conversations\":[{\"from\":\"human\",\"value\":\"c3\"}]}",
                "{\"id\":\"z\",\"image\":\"3.jpg\",\"conversations\":[{\"from\":\"human\",\"value\":\"c1\"},"
                        + "{\"from\":\"gpt\",\"value\":\"one\"}]}",
                "{ \"id\" : \"w\" , \"image\" : \"3.jpg\" , \"conversations\" : [ { \"value\" : \"c1\" , "
                        + "\"from\" : \"human\" } , {\"from\": \"gpt\",   \"value\": \"one\"} ] }",
                "{\"id\":\"t\",\"conversations\":[{\"from\":\"human\",\"value\":\"c4\"}]}",
                "{\"id\":\"u\",\"conversations\":[{\"from\":\"human\",   \"value\":\"c4\"}]}",
                "{\"id\":\"v\",\"conversations\":[{\"from\":\"gpt\",\"value\":\"c4\"}]}",
                ""));
    }
}
