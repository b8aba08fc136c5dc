package org.llavainspector.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;
import org.llavainspector.core.dataset.DemoDataset;

/**
 * The desktop inspector. Arguments: dataset files and {@code --images SRC} / {@code --map PREFIX=SRC}; with no
 * dataset the bundled demo opens.
 */
public final class InspectorApp extends Application {
    /**
     * The logger JavaFX warns through (its {@code PlatformLogger} "javafx" is {@code System.getLogger("javafx")}),
     * held here: java.util.logging keeps loggers weakly, and a level set on a collected one is lost.
     */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    /** The window shows when its first sample is ready, or after this in any case (a slow disk, say). */
    public static final java.time.Duration SHOW_AT_THE_LATEST = java.time.Duration.ofSeconds(2);
    private AppContext context;
    private MainWindow window;

    /** Called by the launcher (by name, so that command-line runs never load JavaFX). */
    public static void launchApp(String[] args) {
        quietJavaFxStartup(true);
        Application.launch(InspectorApp.class, args);
    }

    /**
     * We run JavaFX from the class path on purpose (one jar and lib/), and JavaFX warns about that on every start
     * ("Unsupported JavaFX configuration"), which is noise to a user. Its warnings are held back while the toolkit
     * starts, and shown again from {@link #start} on (a CSS warning, say, is worth seeing). The UI benchmark, which
     * launches its own window, does the same.
     */
    public static void quietJavaFxStartup(boolean quiet) {
        JAVAFX_LOG.setLevel(quiet ? java.util.logging.Level.SEVERE : null);
    }

    /** Dataset files and image options from the command line. */
    record Arguments(List<Path> files, List<Path> images, List<String> maps) {
        static Arguments parse(List<String> args) {
            List<Path> files = new ArrayList<>();
            List<Path> images = new ArrayList<>();
            List<String> maps = new ArrayList<>();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (("--images".equals(a) || "--map".equals(a)) && i + 1 < args.size()) {
                    String value = args.get(++i);
                    if ("--images".equals(a)) {
                        images.add(Path.of(value));
                    } else {
                        maps.add(value);
                    }
                } else if (a.startsWith("--images=")) {
                    images.add(Path.of(a.substring("--images=".length())));
                } else if (a.startsWith("--map=")) {
                    maps.add(a.substring("--map=".length()));
                } else {
                    files.add(Path.of(a));
                }
            }
            if (files.isEmpty()) {
                files.add(DemoDataset.file());
            }
            return new Arguments(files, images, maps);
        }
    }

    @Override
    public void start(Stage stage) {
        quietJavaFxStartup(false);
        context = new AppContext();
        window = new MainWindow(stage, context, getParameters() == null ? null : getHostServices());
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            stage.getIcons().add(new javafx.scene.image.Image(InspectorApp.class.getResourceAsStream(
                    "/org/llavainspector/ui/icons/llava-inspector-" + size + ".png")));
        }
        List<String> raw = getParameters() == null ? List.of() : getParameters().getRaw();
        Arguments args = Arguments.parse(raw);
        List<java.nio.file.Path> sources = new java.util.ArrayList<>(args.images());
        context.preferences().imageSources().forEach(p -> sources.add(java.nio.file.Path.of(p)));
        List<String> rules = new java.util.ArrayList<>(args.maps());
        rules.addAll(context.preferences().prefixRules());
        window.model().open(args.files(), sources, rules);
        window.showWhenReady(SHOW_AT_THE_LATEST, () -> {
            window.view().requestFocus();
            window.showFirstRunHintOnce(context);
        });
    }

    @Override
    public void stop() throws Exception {
        if (window != null) {
            window.model().curation().close(); // saves what the autosave has not saved yet
        }
        if (context != null) {
            context.close();
        }
    }
}
