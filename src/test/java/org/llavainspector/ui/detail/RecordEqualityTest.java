package org.llavainspector.ui.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.llavainspector.core.curation.SampleKey;
import org.llavainspector.core.dataset.Turn;
import org.llavainspector.core.validate.Problem;
import org.llavainspector.core.validate.ProblemKind;

/**
 * The records whose equals and hashCode are written out (so that a cold JVM does not link the generated ones on the
 * FX thread) still compare every component, as a record's would.
 */
class RecordEqualityTest {
    private static void sameAs(Object a, Object b) {
        assertEquals(a, b);
        assertEquals(b, a);
        assertEquals(a.hashCode(), b.hashCode());
    }

    private static void differ(Object base, Object... variants) {
        for (Object v : variants) {
            assertNotEquals(base, v, () -> "should differ: " + v);
            assertNotEquals(v, base, () -> "should differ: " + v);
        }
        assertNotEquals(base, null);
        assertNotEquals(base, "something else");
    }

    @Test
    void sampleKeysCompareFileAndRecord() {
        sameAs(new SampleKey(2, 7), new SampleKey(2, 7));
        differ(new SampleKey(2, 7), new SampleKey(7, 2), new SampleKey(2, 8), new SampleKey(3, 7));
    }

    @Test
    void turnsCompareSpeakerAndTextIncludingMissingOnes() {
        sameAs(new Turn("human", "<image>\nWhat?"), new Turn("human", "<image>\n" + "What?"));
        sameAs(new Turn(null, null), new Turn(null, null));
        differ(new Turn("human", "hi"), new Turn("gpt", "hi"), new Turn("human", "ho"), new Turn(null, "hi"),
                new Turn("human", null));
    }

    @Test
    void problemsCompareEveryComponent() {
        Problem p = new Problem(3, "a", 12, ProblemKind.values()[0], "m");
        sameAs(p, new Problem(3, "a", 12, ProblemKind.values()[0], "m"));
        differ(p, new Problem(4, "a", 12, ProblemKind.values()[0], "m"), new Problem(3, "b", 12, ProblemKind.values()[0], "m"),
                new Problem(3, null, 12, ProblemKind.values()[0], "m"), new Problem(3, "a", 13, ProblemKind.values()[0], "m"),
                new Problem(3, "a", 12, ProblemKind.values()[1], "m"), new Problem(3, "a", 12, ProblemKind.values()[0], "n"));
    }

    @Test
    void sampleDetailsCompareEveryComponent() {
        SampleDetail d = detail(0, Path.of("a.json"), 1, "id", List.of("x.jpg"), List.of(new Turn("human", "q")),
                Map.of("caption", "c"), Map.of("model", "\"\""), List.of(), "{}");
        sameAs(d, detail(0, Path.of("a.json"), 1, "id", List.of("x.jpg"), List.of(new Turn("human", "q")),
                Map.of("caption", "c"), Map.of("model", "\"\""), List.of(), "{}"));
        Problem p = new Problem(1, "id", 1, ProblemKind.values()[0], "m");
        differ(d,
                detail(1, Path.of("a.json"), 1, "id", List.of("x.jpg"), List.of(new Turn("human", "q")), Map.of("caption", "c"), Map.of("model", "\"\""), List.of(), "{}"),
                detail(0, Path.of("b.json"), 1, "id", List.of("x.jpg"), List.of(new Turn("human", "q")), Map.of("caption", "c"), Map.of("model", "\"\""), List.of(), "{}"),
                detail(0, Path.of("a.json"), 2, "id", List.of("x.jpg"), List.of(new Turn("human", "q")), Map.of("caption", "c"), Map.of("model", "\"\""), List.of(), "{}"),
                detail(0, Path.of("a.json"), 1, null, List.of("x.jpg"), List.of(new Turn("human", "q")), Map.of("caption", "c"), Map.of("model", "\"\""), List.of(), "{}"),
                detail(0, Path.of("a.json"), 1, "id", List.of(), List.of(new Turn("human", "q")), Map.of("caption", "c"), Map.of("model", "\"\""), List.of(), "{}"),
                detail(0, Path.of("a.json"), 1, "id", List.of("x.jpg"), List.of(new Turn("gpt", "q")), Map.of("caption", "c"), Map.of("model", "\"\""), List.of(), "{}"),
                detail(0, Path.of("a.json"), 1, "id", List.of("x.jpg"), List.of(new Turn("human", "q")), Map.of(), Map.of("model", "\"\""), List.of(), "{}"),
                detail(0, Path.of("a.json"), 1, "id", List.of("x.jpg"), List.of(new Turn("human", "q")), Map.of("caption", "c"), Map.of(), List.of(), "{}"),
                detail(0, Path.of("a.json"), 1, "id", List.of("x.jpg"), List.of(new Turn("human", "q")), Map.of("caption", "c"), Map.of("model", "\"\""), List.of(p), "{}"),
                detail(0, Path.of("a.json"), 1, "id", List.of("x.jpg"), List.of(new Turn("human", "q")), Map.of("caption", "c"), Map.of("model", "\"\""), List.of(), "{ }"));
    }

    private static SampleDetail detail(int sample, Path file, int record, String id, List<String> images, List<Turn> turns,
            Map<String, String> metadata, Map<String, String> other, List<Problem> problems, String raw) {
        return new SampleDetail(sample, file, record, id, images, turns, metadata, other, problems, raw);
    }
}
