package org.llavainspector.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llavainspector.TestFiles;
import org.llavainspector.core.dataset.FirstImagePaths;

/** The sources found beside a dataset are kept only when they hold images of its first records. */
class SourceCandidatesTest {
    private static final byte[] IMAGE = {1};

    @TempDir
    Path dir;

    @Test
    void keepsTheZipOfThePretrainImagesNotAnUnrelatedFolder() throws IOException {
        Path dataset = copy("blip_laion_cc_sbu_558k_sample.json"); // "image": "00453/004539375.jpg"
        TestImages.zip(dir.resolve("images.zip"), Map.of("00453/004539375.jpg", IMAGE), true);
        image("holiday/IMG_0001.jpg");
        image("holiday/IMG_0002.jpg");

        assertEquals(List.of("images.zip"), keptBeside(dataset));
    }

    @Test
    void keepsTheDatasetsFolderInTheLlava15Layout() throws IOException {
        Path dataset = copy("llava_v1_5_mix665k_sample.json"); // "coco/train2017/000000033471.jpg", then text-only
        image("coco/train2017/000000033471.jpg");
        image("gqa/images/n161313.jpg");
        image("screenshots/2024-05-01.png");
        TestImages.zip(dir.resolve("backup.zip"), Map.of("IMG_0001.jpg", IMAGE), true);

        assertEquals(List.of(dir.getFileName().toString()), keptBeside(dataset));
    }

    @Test
    void keepsTheProposedOrderAmongTheKeptSources() throws IOException {
        Path dataset = TestFiles.write(dir, "chat.json", dataset("GCC_train_000000001.jpg", "GCC_train_000000002.jpg"));
        TestImages.zip(dir.resolve("extra.zip"), Map.of("GCC_train_000000002.jpg", IMAGE), true);
        TestImages.zip(dir.resolve("images.zip"), Map.of("GCC_train_000000001.jpg", IMAGE), true);
        TestImages.zip(dir.resolve("other.zip"), Map.of("GCC_train_000000003.jpg", IMAGE), true);

        assertEquals(List.of("images.zip", "extra.zip"), keptBeside(dataset));
    }

    @Test
    void keepsEveryProposalWhenTheFirstRecordsAreTextOnly() throws IOException {
        Path dataset = TestFiles.write(dir, "chat.json",
                "[{\"id\": \"i6IyJda_0\", \"conversations\": [{\"from\": \"human\", \"value\": \"Hi\"}]}]");
        TestImages.zip(dir.resolve("images.zip"), Map.of("a.jpg", IMAGE), true);
        image("holiday/IMG_0001.jpg");

        assertEquals(proposedBeside(dataset), keptBeside(dataset));
        assertEquals(3, keptBeside(dataset).size());
    }

    @Test
    void keepsNoProposalThatResolvesNoSampledPath() throws IOException {
        Path dataset = copy("llava_v1_5_mix665k_sample.json");
        image("coco/val2017/000000000139.jpg");
        TestImages.zip(dir.resolve("images.zip"), Map.of("000000033471.jpg", IMAGE), true);

        assertEquals(List.of(), keptBeside(dataset));
    }

    @Test
    void matchesPathsAsResolveReadsThem() throws IOException {
        image("coco/train2017/000000033471.jpg");
        image("holiday/IMG_0001.jpg");
        TestImages.zip(dir.resolve("images.zip"), Map.of("00453/004539375.jpg", IMAGE), true);

        assertEquals(List.of("images.zip"), keptBeside(TestFiles.write(dir, "dot.json", dataset("./00453/004539375.jpg"))));
        assertEquals(List.of(dir.getFileName().toString()),
                keptBeside(TestFiles.write(dir, "slash.json", dataset("/coco/train2017/000000033471.jpg"))));
        assertEquals(List.of(dir.getFileName().toString()),
                keptBeside(TestFiles.write(dir, "windows.json", dataset("coco\\\\train2017\\\\000000033471.jpg"))));
    }

    @Test
    void aBrokenDatasetKeepsEveryProposal() throws IOException {
        Path dataset = TestFiles.write(dir, "cut.json", "[{\"id\": \"000000033471\", \"image\": \"coco/tra");
        TestImages.zip(dir.resolve("images.zip"), Map.of("a.jpg", IMAGE), true);
        image("holiday/IMG_0001.jpg");

        assertEquals(proposedBeside(dataset), keptBeside(dataset));
    }

    @Test
    void namedSourcesAreKeptWhateverTheyHold() throws IOException {
        Path dataset = copy("blip_laion_cc_sbu_558k_sample.json");
        Path holiday = image("holiday/IMG_0001.jpg").getParent();
        SourceCandidates candidates = SourceCandidates.named(List.of(holiday))
                .proposing(ImageSources.proposeSourcesBeside(dataset), FirstImagePaths.of(dataset));

        try (ImageSources sources = ImageSources.open(candidates, List.of(), Map.of()).sources()) {
            assertEquals(List.of("holiday"), names(sources));
        }
    }

    @Test
    void aPrefixRuleStillReadsAZipLeftOutAsAPlainSource() throws IOException {
        Path dataset = copy("llava_v1_5_mix665k_sample.json");
        Path coco = TestImages.zip(dir.resolve("train2017.zip"), Map.of("000000033471.jpg", IMAGE), true);
        SourceCandidates candidates = SourceCandidates.named(List.of())
                .proposing(ImageSources.proposeSourcesBeside(dataset), FirstImagePaths.of(dataset));

        ImageSources.Opened opened = ImageSources.open(candidates, List.of("coco/train2017/=" + coco), Map.of());
        try (ImageSources sources = opened.sources()) {
            assertEquals(List.of(), opened.kept());
            assertEquals("train2017.zip",
                    sources.resolve("coco/train2017/000000033471.jpg").orElseThrow().source().name());
        }
    }

    /** The names of the sources opened with the dataset, as the app opens those it finds beside it. */
    private static List<String> keptBeside(Path dataset) throws IOException {
        SourceCandidates candidates = SourceCandidates.named(List.of())
                .proposing(ImageSources.proposeSourcesBeside(dataset), FirstImagePaths.of(dataset));
        ImageSources.Opened opened = ImageSources.open(candidates, List.of(), Map.of());
        try (ImageSources sources = opened.sources()) {
            assertEquals(opened.kept().stream().map(p -> p.getFileName().toString()).toList(), names(sources));
            return names(sources);
        }
    }

    private static List<String> proposedBeside(Path dataset) {
        return ImageSources.proposeSourcesBeside(dataset).stream().map(p -> p.getFileName().toString()).toList();
    }

    private static List<String> names(ImageSources sources) {
        return sources.sources().stream().map(ImageSource::name).toList();
    }

    private Path copy(String realdata) throws IOException {
        return Files.copy(TestFiles.realdata(realdata), dir.resolve(realdata));
    }

    private Path image(String path) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.write(file, IMAGE);
    }

    /** A JSON array of records with these image paths (JSON text: backslashes escaped). */
    private static String dataset(String... images) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < images.length; i++) {
            json.append(i == 0 ? "" : ",\n").append("{\"id\": \"").append(i).append("\", \"image\": \"")
                    .append(images[i]).append("\", \"conversations\": [{\"from\": \"human\", \"value\": \"<image>\\n")
                    .append("Describe the image.\"}, {\"from\": \"gpt\", \"value\": \"A bus.\"}]}");
        }
        return json.append("]").toString();
    }
}
