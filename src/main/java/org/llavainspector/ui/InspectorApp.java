package org.llavainspector.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.llavainspector.core.dataset.DemoDataset;
import org.llavainspector.core.dataset.Turn;
import org.llavainspector.ui.main.MainView;
import org.llavainspector.ui.main.MainViewModel;
import org.llavainspector.ui.search.FilterBar;
import org.llavainspector.ui.search.FilterViewModel;
import org.llavainspector.ui.search.SampleSearcher;
import org.llavainspector.ui.theme.Theme;

/**
 * The desktop inspector. Arguments: dataset files and {@code --images SRC} / {@code --map PREFIX=SRC}; with no
 * dataset the bundled demo opens.
 */
public final class InspectorApp extends Application {
    private AppContext context;
    private Theme theme = Theme.LIGHT;

    /** Called by the launcher (by name, so that command-line runs never load JavaFX). */
    public static void launchApp(String[] args) {
        Application.launch(InspectorApp.class, args);
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
        context = new AppContext();
        MainViewModel model = new MainViewModel(context);
        FilterViewModel filter = new FilterViewModel(model, new SampleSearcher(model.collection()), context.background());
        TextArea detail = new TextArea();
        detail.setId("conversation");
        detail.setEditable(false);
        detail.setWrapText(true);
        model.currentProperty().addListener((obs, old, s) -> {
            if (s == null) {
                detail.clear();
                return;
            }
            StringBuilder sb = new StringBuilder("id: ").append(s.id()).append("\nimage: ").append(s.images());
            s.metadata().forEach((k, v) -> sb.append('\n').append(k).append(": ").append(v));
            for (Turn t : s.turns()) {
                sb.append("\n\n[").append(t.from()).append("]\n").append(t.value());
            }
            detail.setText(sb.toString());
        });
        Scene[] scene = new Scene[1];
        MainView view = new MainView(model, detail, new FilterBar(filter), new MainView.MainActions() {
            @Override
            public void toggleTheme() {
                theme = theme.other();
                theme.applyTo(scene[0], List.of());
            }

            @Override
            public void toggleFullScreen() {
                stage.setFullScreen(!stage.isFullScreen());
            }

            @Override
            public void present() {
                stage.setFullScreen(true);
            }
        });
        scene[0] = new Scene(view, 1400, 900);
        theme.applyTo(scene[0], List.of());
        stage.setTitle("LLaVA Inspector");
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            stage.getIcons().add(new javafx.scene.image.Image(InspectorApp.class.getResourceAsStream(
                    "/org/llavainspector/ui/icons/llava-inspector-" + size + ".png")));
        }
        stage.setScene(scene[0]);
        stage.show();
        List<String> raw = getParameters() == null ? List.of() : getParameters().getRaw();
        Arguments args = Arguments.parse(raw);
        model.open(args.files(), args.images(), args.maps());
        view.requestFocus();
    }

    @Override
    public void stop() throws Exception {
        if (context != null) {
            context.close();
        }
    }
}
