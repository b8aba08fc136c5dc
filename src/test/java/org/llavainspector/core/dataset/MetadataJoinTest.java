package org.llavainspector.core.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llavainspector.TestFiles;
import org.llavainspector.core.util.TaskMonitor;

class MetadataJoinTest {
    @TempDir
    Path dir;

    @Test
    void metadataBesideAChatFileIsJoinedByIdThenByImage() throws Exception {
        Path chat = dir.resolve("chat.json");
        Files.copy(TestFiles.realdata("llava_cc3m_pretrain_595k_chat_sample.json"), chat);
        TestFiles.write(dir, "metadata.json", "[\n"
                + "  {\"id\": \"GCC_train_002582585\", \"image\": \"GCC_train_002582585.jpg\", \"caption\": \"olive oil is a healthy ingredient used liberally .\","
                + " \"blip_caption\": \"some food\", \"url\": \"https://example.org/a.jpg\"},\n"
                // joined by image only: the id differs
                + "  {\"id\": \"other\", \"image\": \"GCC_train_002429825.jpg\", \"caption\": \"a caption\", \"url\": \"https://example.org/b.jpg\"}\n"
                + "]");
        try (Dataset dataset = Dataset.open(chat, TaskMonitor.NONE)) {
            assertTrue(dataset.metadata().isPresent());
            Map<String, String> first = dataset.metadataOf(0);
            assertEquals(List.of("caption", "blip_caption", "url"), List.copyOf(first.keySet()));
            assertEquals("olive oil is a healthy ingredient used liberally .", first.get("caption"));
            Map<String, String> second = dataset.metadataOf(1);
            assertEquals("a caption", second.get("caption"));
            assertFalse(second.containsKey("blip_caption"), "some CC-3M entries have no blip_caption");
            assertEquals(Map.of(), dataset.metadataOf(2), "no metadata for the third record");
        }
    }

    @Test
    void noMetadataFileMeansNoJoin() throws Exception {
        try (Dataset dataset = Dataset.open(TestFiles.realdata("detail_23k_sample.json"), TaskMonitor.NONE)) {
            assertFalse(dataset.metadata().isPresent());
            assertEquals(Map.of(), dataset.metadataOf(0));
        }
    }

    @Test
    void theDemoDatasetJoinsItsCc3mMetadata() throws Exception {
        try (Dataset dataset = Dataset.open(TestFiles.demo(), TaskMonitor.NONE)) {
            int joined = 0;
            for (int i = 0; i < dataset.index().size(); i++) {
                String id = dataset.index().id(i);
                if (id != null && id.startsWith("GCC_train_")) {
                    assertTrue(dataset.metadataOf(i).containsKey("caption"), id);
                    joined++;
                }
            }
            assertTrue(joined >= 4, "the demo has CC-3M-style records with metadata: " + joined);
        }
    }
}
