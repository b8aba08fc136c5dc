package org.llavainspector.core.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.llavainspector.TestFiles;
import org.llavainspector.core.dataset.DatasetScanner;
import org.llavainspector.core.util.TaskMonitor;

class RecordValidatorTest {
    @TempDir
    Path dir;

    private List<Problem> validate(Path file) throws Exception {
        List<Problem> problems = new ArrayList<>();
        DatasetScanner.scan(file, new RecordValidator(problems::add), TaskMonitor.NONE);
        return problems;
    }

    private List<String> kindsOf(String record) throws Exception {
        return validate(TestFiles.write(dir, "r.json", "[" + record + "]")).stream()
                .map(p -> p.kind().kind()).collect(Collectors.toList());
    }

    private static String turn(String from, String value) {
        return "{\"from\": \"" + from + "\", \"value\": \"" + value + "\"}";
    }

    private static String rec(String image, String... turns) {
        return "{\"id\": \"x\", " + (image == null ? "" : "\"image\": " + image + ", ") + "\"conversations\": ["
                + String.join(", ", turns) + "]}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"blip_laion_cc_sbu_558k_sample.json", "complex_reasoning_77k_sample.json",
        "conversation_58k_sample.json", "detail_23k_sample.json", "llava_cc3m_pretrain_595k_chat_sample.json",
        "llava_instruct_150k_sample.json", "llava_v1_5_mix665k_sample.json"})
    void realRecordsHaveNoProblems(String name) throws Exception {
        assertEquals(List.of(), validate(TestFiles.realdata(name)));
    }

    @Test
    void aWellFormedRecordHasNoProblems() throws Exception {
        assertEquals(List.of(), kindsOf(rec("\"a.jpg\"", turn("human", "<image>\\nWhat?"), turn("gpt", "This."))));
        assertEquals(List.of(), kindsOf(rec("[\"a.jpg\", \"b.jpg\"]", turn("human", "<image>\\n<image>\\nSame?"), turn("gpt", "No."))));
        assertEquals(List.of(), kindsOf(rec(null, turn("system", "Be brief."), turn("human", "Hi"), turn("gpt", "Hello."))));
    }

    @Test
    void firstTurnNotHuman() throws Exception {
        assertEquals(List.of("first-turn-not-human"), kindsOf(rec("\"a.jpg\"", turn("gpt", "<image>\\nI see."), turn("human", "ok"))));
    }

    @Test
    void turnsNotAlternating() throws Exception {
        assertEquals(List.of("turns-not-alternating"),
                kindsOf(rec("\"a.jpg\"", turn("human", "<image>\\nA?"), turn("gpt", "a"), turn("gpt", "b"))));
    }

    @Test
    void imageTokensVersusImages() throws Exception {
        assertEquals(List.of("image-token-without-image"), kindsOf(rec(null, turn("human", "<image>\\nA?"), turn("gpt", "a"))));
        assertEquals(List.of("image-without-token"), kindsOf(rec("\"a.jpg\"", turn("human", "A?"), turn("gpt", "a"))));
        assertEquals(List.of("image-token-count-mismatch"),
                kindsOf(rec("[\"a.jpg\", \"b.jpg\"]", turn("human", "<image>\\nA?"), turn("gpt", "a"))));
    }

    @Test
    void emptyAndNonStringValues() throws Exception {
        assertEquals(List.of("empty-value"), kindsOf(rec("\"a.jpg\"", turn("human", "<image>\\nA?"), turn("gpt", "  "))));
        assertEquals(List.of("non-string-value"),
                kindsOf(rec("\"a.jpg\"", turn("human", "<image>\\nA?"), "{\"from\": \"gpt\", \"value\": 42}")));
        assertEquals(List.of("non-string-value"),
                kindsOf(rec("\"a.jpg\"", turn("human", "<image>\\nA?"), "{\"from\": \"gpt\", \"value\": null}")));
    }

    @Test
    void unknownFrom() throws Exception {
        assertEquals(List.of("unknown-from"), kindsOf(rec("\"a.jpg\"", turn("human", "<image>\\nA?"), turn("assistant", "a"))));
    }

    @Test
    void wrongTypesAndMissingFields() throws Exception {
        assertEquals(List.of("wrong-type"), kindsOf("{\"id\": \"x\", \"conversations\": \"hello\"}"));
        assertEquals(List.of("wrong-type"), kindsOf("{\"id\": \"x\", \"image\": 3, \"conversations\": [" + turn("human", "A") + "]}"));
        assertEquals(List.of("wrong-type"), kindsOf("{\"id\": [1], \"conversations\": [" + turn("human", "A") + "]}"));
        assertEquals(List.of("wrong-type"), kindsOf("{\"id\": \"x\", \"conversations\": [\"hi\"]}"));
        assertEquals(List.of("missing-field"), kindsOf("{\"id\": \"x\"}"));
        assertEquals(List.of("missing-field"), kindsOf("{\"conversations\": [" + turn("human", "A") + "]}"));
        assertEquals(List.of("empty-conversations"), kindsOf("{\"id\": \"x\", \"conversations\": []}"));
    }

    @Test
    void duplicateIdsAreNoticesNamingTheFirstRecord() throws Exception {
        String r = rec("\"a.jpg\"", turn("human", "<image>\\nA?"), turn("gpt", "a"));
        List<Problem> problems = validate(TestFiles.write(dir, "d.json", "[" + r + ",\n" + r + ",\n" + r + "]"));
        assertEquals(2, problems.size());
        Problem p = problems.get(0);
        assertEquals(ProblemKind.DUPLICATE_ID, p.kind());
        assertEquals(ProblemKind.Severity.NOTICE, p.kind().severity());
        assertEquals(1, p.record());
        assertEquals(2, p.line());
        assertTrue(p.message().contains("record 0"), p.message());
    }

    @Test
    void kindNamesAreStableAndUnique() {
        assertEquals(ProblemKind.values().length,
                java.util.Arrays.stream(ProblemKind.values()).map(ProblemKind::kind).distinct().count());
        assertEquals(ProblemKind.MISSING_IMAGE, ProblemKind.byName("missing-image").orElseThrow());
    }
}
