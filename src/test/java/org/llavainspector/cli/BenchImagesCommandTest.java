package org.llavainspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.llavainspector.core.image.ImageDecoder;
import org.llavainspector.core.image.ImageStatus;
import org.llavainspector.core.image.LoadedImage;
import picocli.CommandLine;

class BenchImagesCommandTest {
    @TempDir
    Path dir;

    @Test
    void syntheticJpegsHaveExactlyTheAskedSizeAndDecode() throws IOException {
        Random random = new Random(1);
        for (int target : new int[] {2_000, 13_800, 70_000}) {
            byte[] jpeg = BenchImagesCommand.syntheticJpeg(random, target, target * 8);

            assertEquals(target, jpeg.length);
            LoadedImage img = new ImageDecoder().decodeThumbnail("x.jpg", jpeg);
            assertEquals(ImageStatus.OK, img.status(), img.message());
        }
    }

    @Test
    void smallRunPrintsTheTable() {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new BenchImagesCommand());
        cl.setOut(new PrintWriter(out, true));
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));

        int code = cl.execute("--dir", dir.toString(), "--entries", "400", "--entry-bytes", "3000",
                "--thumbnails", "50", "--cache-thumbnails", "300", "--cache-budget-mb", "1", "--process-runs", "0");

        assertEquals(0, code, err.toString());
        String table = out.toString();
        assertTrue(table.startsWith("| measure | result | target |"), table);
        assertTrue(table.contains("existence check of 400 images, in-process"), table);
        assertTrue(table.contains("cache budget run: 300 requests into 1 MiB"), table);
    }
}
