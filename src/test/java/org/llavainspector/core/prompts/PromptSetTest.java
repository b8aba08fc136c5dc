package org.llavainspector.core.prompts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parser on the real LLaVA GPT-4 prompt files shipped in samples/prompts, and on malformed copies. */
class PromptSetTest {
    static final Path PROMPTS = Path.of("samples", "prompts");

    @Test
    void loadsTheThreeRealTasks() throws IOException {
        PromptSet set = PromptSet.load(PROMPTS);
        assertEquals(List.of("complex_reasoning", "conversation", "detail_description"),
                set.tasks().stream().map(PromptTask::name).toList());
        for (PromptTask task : set.tasks()) {
            assertEquals(countCaps(PROMPTS.resolve(task.name())), task.examples().size(), task.name());
            assertFalse(task.systemMessage().isBlank(), task.name());
            assertTrue(task.systemMessage().startsWith("You are an AI visual assistant"), task.name());
            for (int i = 0; i < task.examples().size(); i++) {
                assertEquals(String.format("%03d", i), task.examples().get(i).number());
                assertEquals(5, task.examples().get(i).captions().size(), task.name() + " " + i);
                assertTrue(task.examples().get(i).otherLines().isEmpty());
            }
        }
    }

    @Test
    void conversationExamplesAlternateQuestionAndAnswer() throws IOException {
        PromptTask conv = PromptSet.load(PROMPTS).task("conversation");
        PromptExample first = conv.examples().get(0);
        assertTrue(first.isDialogue());
        assertEquals(8, first.conversation().size());
        for (int i = 0; i < first.conversation().size(); i++) {
            assertEquals(i % 2 == 0 ? PromptTurn.Role.QUESTION : PromptTurn.Role.ANSWER,
                    first.conversation().get(i).role(), "turn " + i);
        }
        assertEquals("What color is the fire hydrant in the image?", first.conversation().get(0).text());
        assertEquals("The fire hydrant in the image is red.", first.conversation().get(1).text());
        // a multi-paragraph answer keeps its paragraphs
        String last = first.conversation().get(7).text();
        assertTrue(last.startsWith("The image suggests that the winter season"));
        assertTrue(last.contains("\n\nIn conclusion,"));
        assertTrue(first.boxes().isEmpty(), "the conversation caps have no boxes");
    }

    @Test
    void detailAndComplexResponses() throws IOException {
        PromptSet set = PromptSet.load(PROMPTS);
        PromptExample detail = set.task("detail_description").examples().get(0);
        assertFalse(detail.isDialogue());
        assertEquals(1, detail.conversation().size());
        assertEquals(PromptTurn.Role.TEXT, detail.conversation().get(0).role());
        assertTrue(detail.conversation().get(0).text().startsWith("It is a harbor filled with numerous boats"));

        PromptExample complex = set.task("complex_reasoning").examples().get(0);
        assertEquals(List.of(PromptTurn.Role.QUESTION, PromptTurn.Role.ANSWER),
                complex.conversation().stream().map(PromptTurn::role).toList());
        assertEquals("What is unusual about this photo?", complex.conversation().get(0).text());
    }

    @Test
    void boxesHaveTheExactNumbersOfTheFile() throws IOException {
        PromptSet set = PromptSet.load(PROMPTS);
        PromptExample ties = set.task("complex_reasoning").examples().get(0);
        assertEquals(12, ties.boxes().size());
        assertEquals(new PromptBox("tie", 0.574, 0.298, 0.752, 0.704), ties.boxes().get(0));
        assertEquals(new PromptBox("person", 0.0, 0.24, 0.214, 1.0), ties.boxes().get(5));
        assertEquals(new PromptBox("tie", 0.25, 0.409, 0.359, 0.556), ties.boxes().get(11));

        PromptExample hydrant = set.task("complex_reasoning").examples().get(2);
        assertEquals(List.of(new PromptBox("fire hydrant", 0.326, 0.612, 0.426, 0.72)), hydrant.boxes());

        PromptExample wii = set.task("detail_description").examples().get(2);
        assertEquals(9, wii.boxes().size());
        assertEquals(new PromptBox("dining table", 0.426, 0.755, 1.0, 0.987), wii.boxes().get(1));
        assertEquals(12, set.task("detail_description").examples().get(0).boxes().size());
    }

    @Test
    void boxLinesParseRobustly() {
        assertEquals(new PromptBox("potted plant", 0.798, 0.384, 0.888, 0.645),
                PromptFiles.parseBox("  potted plant :[0.798,0.384 , 0.888,0.645]  "));
        assertEquals(new PromptBox("a", 0, 1, 0.5, 1e-3), PromptFiles.parseBox("a: [0, 1, .5, 1e-3]"));
        assertNull(PromptFiles.parseBox("tie: [0.1, 0.2, 0.3]"));
        assertNull(PromptFiles.parseBox("tie: [0.1, 0.2, 0.3, x]"));
        assertNull(PromptFiles.parseBox("A man wearing ties."));

        PromptFiles.Caps caps = PromptFiles.parseCaps("One caption.\r\nTwo: captions\r\n\r\n"
                + "tie: [0.1, 0.2, 0.3, 0.4]\r\ntie: [broken]\r\n");
        assertEquals(List.of("One caption.", "Two: captions"), caps.captions());
        assertEquals(1, caps.boxes().size());
        assertEquals(List.of("tie: [broken]"), caps.otherLines());
    }

    @Test
    void malformedConversationNamesFileAndLine(@TempDir Path dir) throws IOException {
        Path task = copyTask(dir, "complex_reasoning");
        Files.writeString(task.resolve("001_conv.txt"), "Question:\nWhy?\n===\nThe answer without a header\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PromptSet.load(dir));
        assertEquals("complex_reasoning/001_conv.txt line 4: expected 'Question:' or 'Answer:' but found "
                + "'The answer without a header'", e.getMessage());
        assertEquals(e.getMessage(), PromptSet.describe(e));

        Files.writeString(task.resolve("001_conv.txt"), "Question:\nWhy?\n===\nAnswer:\n\n");
        e = assertThrows(IllegalArgumentException.class, () -> PromptSet.load(dir));
        assertEquals("complex_reasoning/001_conv.txt line 6: empty Answer block", e.getMessage());

        Files.writeString(task.resolve("001_conv.txt"), "   \n");
        e = assertThrows(IllegalArgumentException.class, () -> PromptSet.load(dir));
        assertEquals("complex_reasoning/001_conv.txt line 1: empty conversation", e.getMessage());
    }

    @Test
    void missingFilesAreOneLineIoErrors(@TempDir Path dir) throws IOException {
        Path task = copyTask(dir, "detail_description");
        Files.delete(task.resolve("002_conv.txt"));
        IOException e = assertThrows(IOException.class, () -> PromptSet.load(dir));
        assertEquals("detail_description/002_conv.txt: missing (its 002_caps.txt exists)", e.getMessage());

        Files.delete(task.resolve("system_message.txt"));
        e = assertThrows(IOException.class, () -> PromptSet.load(dir));
        assertEquals("detail_description/system_message.txt: missing", e.getMessage());

        Files.write(task.resolve("system_message.txt"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x41});
        e = assertThrows(IOException.class, () -> PromptSet.load(dir));
        assertEquals("detail_description/system_message.txt: not valid UTF-8 text", e.getMessage());

        IOException none = assertThrows(IOException.class, () -> PromptSet.load(dir.resolve("nope")));
        assertTrue(PromptSet.describe(none).endsWith("nope: prompts folder not found"), PromptSet.describe(none));
        assertFalse(PromptSet.describe(none).contains("\n"));

        Path empty = Files.createDirectories(dir.resolve("empty-root"));
        IOException noTasks = assertThrows(IOException.class, () -> PromptSet.load(empty));
        assertTrue(noTasks.getMessage().contains("no prompt folders"));
    }

    private static Path copyTask(Path root, String name) throws IOException {
        Path target = Files.createDirectories(root.resolve(name));
        try (Stream<Path> s = Files.list(PROMPTS.resolve(name))) {
            for (Path f : (Iterable<Path>) s::iterator) {
                Files.copy(f, target.resolve(f.getFileName().toString()));
            }
        }
        return target;
    }

    private static long countCaps(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("\\d+_caps\\.txt")).count();
        }
    }
}
