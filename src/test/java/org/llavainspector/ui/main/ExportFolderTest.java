package org.llavainspector.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llavainspector.core.dataset.DemoDataset;

/** Where the export dialog suggests writing: beside the dataset, or in the home folder for the bundled demo. */
class ExportFolderTest {
    private static final Path HOME = Path.of(System.getProperty("user.home"));

    @Test
    void besideADatasetInAFolderOfTheUsers(@TempDir Path dir) throws Exception {
        Path data = Files.writeString(dir.resolve("chat.json"), "[]");
        assertEquals(dir.toAbsolutePath().normalize(), CurationActions.exportFolder(data, DemoDataset.folder()));
    }

    @Test
    void theBundledDemoExportsToTheHomeFolderNotIntoTheApp() {
        assertEquals(HOME, CurationActions.exportFolder(DemoDataset.file(), DemoDataset.folder()));
    }
}
