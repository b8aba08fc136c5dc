package org.llavainspector.core.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llavainspector.TestFiles;

class FirstImagePathsTest {
    @TempDir
    Path dir;

    @Test
    void takesStringAndListImagesAndSkipsTextOnlyRecords() {
        assertEquals(List.of("coco/train2017/000000033471.jpg"),
                FirstImagePaths.of(TestFiles.realdata("llava_v1_5_mix665k_sample.json")));
        Path jsonl = TestFiles.write(dir, "multi.jsonl", String.join("\n",
                "{\"id\": \"t\", \"conversations\": [{\"from\": \"human\", \"value\": \"Hi\"}]}",
                "{\"id\": \"m\", \"image\": [\"a/1.jpg\", \"a/2.jpg\"], \"conversations\": []}",
                "{\"id\": \"s\", \"image\": \"./b/3.jpg\", \"conversations\": []}"));
        assertEquals(List.of("a/1.jpg", "a/2.jpg", "./b/3.jpg"), FirstImagePaths.of(jsonl));
    }

    @Test
    void readsOnlyTheStartOfTheFile() {
        // damage after the sampled records is never reached: the pass stopped before it
        int records = FirstImagePaths.RECORDS_WITH_IMAGES + 50;
        Path file = TestFiles.write(dir, "big.json", "[" + IntStream.range(0, records)
                .mapToObj(i -> record(i, "\"images/" + i + ".jpg\"")).collect(Collectors.joining(",\n"))
                + ",\n{\"id\": \"cut");

        List<String> paths = FirstImagePaths.of(file);

        assertEquals(FirstImagePaths.RECORDS_WITH_IMAGES, paths.size());
        assertEquals("images/0.jpg", paths.get(0));
    }

    @Test
    void aLongTextOnlyStartSamplesNothing() {
        Path file = TestFiles.write(dir, "chat.jsonl", IntStream.rangeClosed(0, FirstImagePaths.RECORDS_READ)
                .mapToObj(i -> record(i, i == FirstImagePaths.RECORDS_READ ? "\"late.jpg\"" : null))
                .collect(Collectors.joining("\n")));

        assertEquals(List.of(), FirstImagePaths.of(file));
    }

    @Test
    void aBrokenFileSamplesNothing() {
        Path truncated = TestFiles.write(dir, "cut.json", "[" + record(0, "\"a.jpg\"") + ",\n{\"id\": \"1\", \"ima");

        assertEquals(List.of(), FirstImagePaths.of(truncated));
        assertEquals(List.of(), FirstImagePaths.of(dir.resolve("missing.json")));
    }

    private static String record(int i, String image) {
        return "{\"id\": \"" + i + "\"" + (image == null ? "" : ", \"image\": " + image)
                + ", \"conversations\": [{\"from\": \"human\", \"value\": \"" + (image == null ? "" : "<image>\\n")
                + "What is shown?\"}, {\"from\": \"gpt\", \"value\": \"A bus.\"}]}";
    }
}
