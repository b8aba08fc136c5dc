package org.llavainspector.core.prompts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llavainspector.TestFiles;

/** The captions-and-boxes reader on LLaVA's real file, on the demo file, and on broken lines. */
class CaptionBoxesFileTest {
    @Test
    void readsAllEightyRealEntries() throws IOException {
        List<CaptionBoxes> all = CaptionBoxesFile.read(TestFiles.realdata("caps_boxes_coco2014_val_80.jsonl"));
        assertEquals(80, all.size());
        CaptionBoxes first = all.get(0);
        assertEquals("000000296284", first.id());
        assertEquals("000000296284.jpg", first.image());
        assertEquals(5, first.captions().size());
        assertEquals("A donut shop is full of different flavors of donuts.", first.captions().get(0));
        assertEquals(10, first.instances().size());
        assertEquals(new PromptBox("donut", 0.37, 0.584, 0.504, 0.709), first.instances().get(0));
        assertEquals(1, first.line());
        assertEquals(80, all.get(79).line());
        for (CaptionBoxes e : all) {
            for (PromptBox b : e.instances()) {
                assertTrue(b.x1() >= 0 && b.x2() <= 1 && b.y1() >= 0 && b.y2() <= 1 && b.x1() <= b.x2(), e.id());
            }
        }
    }

    @Test
    void readsTheDemoFile() throws IOException {
        List<CaptionBoxes> demo = CaptionBoxesFile.read(Path.of("samples", "prompts", "caps_boxes_demo.jsonl"));
        assertEquals(List.of("coco/train2017/000000039769.jpg", "000000319154.jpg", "000000900011.jpg"),
                demo.stream().map(CaptionBoxes::image).toList());
        assertEquals(List.of("cat", "cat", "remote", "remote", "couch"),
                demo.get(0).instances().stream().map(PromptBox::label).toList());
    }

    @Test
    void errorsNameTheFileAndLine(@TempDir Path dir) throws IOException {
        String good = "{\"id\": 1, \"image\": \"a.jpg\", \"captions\": [\"x\"], \"instances\": []}";
        assertTrue(readError(dir, good + "\n\n{\"id\": 1,").startsWith("bad.jsonl line 3: not a JSON object ("));
        assertTrue(readError(dir, good + "\n" + good + " {}").startsWith("bad.jsonl line 2: not a JSON object ("));
        assertEquals("bad.jsonl line 2: instance 0: \"bbox\" is not a list of four numbers", readError(dir,
                good + "\n{\"image\": \"b.jpg\", \"instances\": [{\"category\": \"dog\", \"bbox\": [0, 1, 2]}]}"));
        assertEquals("bad.jsonl line 1: no \"image\"", readError(dir, "{\"id\": \"x\", \"captions\": []}"));
        assertEquals("bad.jsonl line 1: a caption is not a string",
                readError(dir, "{\"image\": \"a.jpg\", \"captions\": [3]}"));
        assertEquals("bad.jsonl line 1: not a JSON object", readError(dir, "[1, 2]"));
        Files.write(dir.resolve("bad.jsonl"), new byte[] {'{', (byte) 0xC3, '}'});
        IOException e = assertThrows(IOException.class, () -> CaptionBoxesFile.read(dir.resolve("bad.jsonl")));
        assertTrue(e.getMessage().endsWith("/bad.jsonl: not valid UTF-8 text"), e.getMessage());
    }

    private static String readError(Path dir, String text) throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, text);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CaptionBoxesFile.read(file));
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage().substring(e.getMessage().indexOf("bad.jsonl"));
    }
}
