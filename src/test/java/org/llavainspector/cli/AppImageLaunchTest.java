package org.llavainspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppImageLaunchTest {
    /** The start of a launcher configuration as jpackage 17 writes it (target/dist/llava-inspector/lib/app). */
    private static final String CFG = """
            [Application]
            app.classpath=$APPDIR/llava-inspector.jar
            app.mainclass=org.llavainspector.Launcher
            app.classpath=$APPDIR/lib/caffeine-3.2.3.jar
            app.classpath=$APPDIR/lib/javafx-graphics-21.0.11-linux.jar

            [JavaOptions]
            java-options=-Djpackage.app-version=0.1.0
            java-options=-XX:MaxRAMPercentage=50
            java-options=-Xlog:all=warning:stderr
            """;

    @Test
    void readsTheRuntimeTheOptionsAndTheClassPathOfTheLauncher(@TempDir Path dir) throws Exception {
        Path app = Files.createDirectories(dir.resolve("lib/app"));
        Files.writeString(app.resolve("llava-inspector.cfg"), CFG);
        Path java = Files.createDirectories(dir.resolve("lib/runtime/bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        assertTrue(java.toFile().setExecutable(true));

        AppImageLaunch launch = AppImageLaunch.read(dir);

        String a = app.toAbsolutePath().toString();
        assertEquals(List.of("-Djpackage.app-version=0.1.0", "-XX:MaxRAMPercentage=50", "-Xlog:all=warning:stderr"),
                launch.javaOptions());
        assertEquals(List.of(Path.of(a, "llava-inspector.jar"), Path.of(a, "lib/caffeine-3.2.3.jar"),
                Path.of(a, "lib/javafx-graphics-21.0.11-linux.jar")), launch.classPath());
        List<String> cmd = launch.javaCommand();
        assertEquals(java.toString(), cmd.get(0));
        assertEquals("-cp", cmd.get(4));
        assertEquals(a + "/llava-inspector.jar:" + a + "/lib/caffeine-3.2.3.jar:" + a
                + "/lib/javafx-graphics-21.0.11-linux.jar", cmd.get(5));
    }

    @Test
    void aFolderThatIsNoAppImageIsAOneLineError(@TempDir Path dir) throws Exception {
        CliException e = assertThrows(CliException.class, () -> AppImageLaunch.read(dir));
        assertTrue(e.getMessage().contains(dir.toString()) && !e.getMessage().contains("\n"), e.getMessage());
        Files.createDirectories(dir.resolve("lib/app"));
        Files.writeString(dir.resolve("lib/app/x.cfg"), CFG);
        e = assertThrows(CliException.class, () -> AppImageLaunch.read(dir));
        assertTrue(e.getMessage().contains("lib/runtime/bin/java"), e.getMessage());
    }
}
