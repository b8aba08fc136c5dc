package org.llavainspector.ui;

import java.util.List;
import javafx.application.HostServices;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.llavainspector.core.compare.ComparisonQueryFields;
import org.llavainspector.ui.card.SampleCardExport;
import org.llavainspector.ui.detail.DetailView;
import org.llavainspector.ui.detail.DetailViewModel;
import org.llavainspector.ui.detail.ImageProvider;
import org.llavainspector.ui.detail.PresentationView;
import org.llavainspector.ui.main.MainView;
import org.llavainspector.ui.prefs.AboutDialog;
import org.llavainspector.ui.prefs.PreferencesDialog;
import org.llavainspector.ui.main.MainViewModel;
import org.llavainspector.ui.search.FilterBar;
import org.llavainspector.ui.search.FilterViewModel;
import org.llavainspector.ui.search.SampleSearcher;
import org.llavainspector.ui.theme.Theme;

/** Builds the main window on a stage: view-models, views, theme, presentation mode. Used by the app and the UI benchmark. */
public final class MainWindow {
    private final Stage stage;
    private final MainViewModel model;
    private final DetailViewModel detail;
    private final MainView view;
    private final Scene scene;
    private Theme theme = Theme.LIGHT;
    private Stage presentation;

    public MainWindow(Stage stage, AppContext context, HostServices hostServices) {
        this.stage = stage;
        this.model = new MainViewModel(context);
        ImageProvider images = path -> context.images().full(path);
        this.detail = new DetailViewModel(images);
        model.currentProperty().addListener((obs, old, sample) -> detail.show(sample));
        DetailView detailView = new DetailView(detail);
        if (hostServices != null) {
            detailView.setHostServices(hostServices);
        }
        SampleSearcher searcher = new SampleSearcher(model.collection(), model::problemsOfFile,
                () -> model.curation().session());
        searcher.addFields((fields, file) -> model.comparisonProperty().get() == null
                ? ComparisonQueryFields.unavailable(fields, "no comparison yet: Insight ▸ Compare with… first")
                : model.comparisonProperty().get().addTo(fields, file));
        FilterViewModel filter = new FilterViewModel(model, searcher, context.background());
        // the filter is part of the session: saved as it is applied, put back when a session is restored
        filter.onApplied(text -> {
            if (model.curation().session() != null) {
                model.curation().session().setFilter(text);
            }
        });
        model.curation().versionProperty().addListener((obs, old, v) -> {
            String saved = model.curation().takeRestoredFilter();
            if (saved != null && !saved.isBlank()) {
                filter.queryProperty().set(saved);
                filter.apply();
            }
        });
        // a filter typed while files were still being indexed is run again over everything once they are; the sample
        // the user is looking at stays in view
        model.indexingCompleteProperty().addListener((obs, was, complete) -> {
            if (complete) {
                filter.rerun();
            }
        });
        this.view = new MainView(model, detailView, new FilterBar(filter), new MainView.MainActions() {
            @Override
            public void toggleTheme() {
                theme = theme.other();
                theme.applyTo(scene, List.of());
                context.preferences().setTheme(theme == Theme.DARK ? "dark" : "light");
                savePreferences(context);
                if (presentation != null) {
                    theme.applyTo(presentation.getScene(), List.of());
                }
            }

            @Override
            public void toggleFullScreen() {
                stage.setFullScreen(!stage.isFullScreen());
            }

            @Override
            public void present() {
                openPresentation();
            }

            @Override
            public void preferences() {
                editPreferences(context);
            }

            @Override
            public void exportCard() {
                SampleCardExport.chooseAndExport(stage, detail.getSample(), detail.getSelectedImage(), images, theme,
                        context.background(), view::notifyInfo, view::notifyError);
            }

            @Override
            public void about() {
                String version = MainWindow.class.getPackage().getImplementationVersion();
                AboutDialog about = new AboutDialog(version == null ? "(development build)" : version,
                        context.preferences().file().toString(), context.sessions().fallbackDir().toString());
                about.initOwner(stage);
                about.show();
            }
        });
        this.scene = new Scene(view, 1400, 900);
        theme = "dark".equals(context.preferences().theme()) ? Theme.DARK : Theme.LIGHT;
        theme.applyTo(scene, List.of());
        stage.titleProperty().bind(model.titleProperty()); // the open files' names, then the app's
        stage.setScene(scene);
    }

    private void editPreferences(AppContext context) {
        PreferencesDialog dialog = new PreferencesDialog(context.preferences());
        dialog.initOwner(stage);
        dialog.showAndWait().ifPresent(prefs -> {
            Theme chosen = "dark".equals(prefs.theme()) ? Theme.DARK : Theme.LIGHT;
            if (chosen != theme) {
                theme = chosen;
                theme.applyTo(scene, List.of());
            }
            savePreferences(context);
        });
    }

    /** Saves the preferences in the background (never disk work on the FX thread). */
    private void savePreferences(AppContext context) {
        context.background().execute(() -> {
            try {
                context.preferences().save();
            } catch (java.io.IOException e) {
                javafx.application.Platform.runLater(() -> view.notifyError("cannot save the preferences to "
                        + context.preferences().file() + ": " + e.getMessage()));
            }
        });
    }

    /**
     * Shows the window once it has something to show: the first sample with its detail, or the end of indexing
     * without a sample (an empty file), or an error; after {@code atMost} in any case. Call after
     * {@link MainViewModel#open}.
     *
     * <p>In a freshly started JVM the first layout of the grid's cells and of a conversation, and their first
     * painting, are a second of code that has not been compiled yet. Shown empty, the window took that as frames of
     * 100–180 ms in front of the user while the samples came in; shown when ready, that work is done before the
     * window is on screen, and the frames after it keep pace (see README, "Desktop responsiveness").
     */
    public void showWhenReady(java.time.Duration atMost, Runnable then) {
        new ShowWhenReady(atMost, then).start();
    }

    /** See {@link #showWhenReady}: the listeners and the deadline, removed once the window is shown. */
    private final class ShowWhenReady {
        private final javafx.animation.PauseTransition deadline;
        private final Runnable then;
        private final javafx.beans.InvalidationListener check = o -> {
            if (model.currentProperty().get() != null
                    || model.indexingCompleteProperty().get() && model.visibleSamples().isEmpty()) {
                show();
            }
        };
        private boolean shown;

        ShowWhenReady(java.time.Duration atMost, Runnable then) {
            this.deadline = new javafx.animation.PauseTransition(javafx.util.Duration.millis(atMost.toMillis()));
            this.then = then;
        }

        void start() {
            model.currentProperty().addListener(check);
            model.indexingCompleteProperty().addListener(check);
            model.onError(message -> show()); // the window shows the error
            deadline.setOnFinished(e -> show());
            deadline.play();
            check.invalidated(null);
        }

        private void show() {
            if (shown) {
                return;
            }
            shown = true;
            deadline.stop();
            model.currentProperty().removeListener(check);
            model.indexingCompleteProperty().removeListener(check);
            stage.show();
            then.run();
        }
    }

    /**
     * The first time the app starts, three things to try; not again afterwards.
     */
    public void showFirstRunHintOnce(AppContext context) {
        if (context.preferences().firstRunDone()) {
            return;
        }
        view.notifyHint("Welcome! Try: J / K to move through the samples · type  dog -has:multi-image  in the filter"
                + " (Ctrl+F) · P for presentation mode. Press ? for every shortcut.");
        context.preferences().setFirstRunDone(true);
        savePreferences(context);
    }

    /** Presentation mode: the current sample full screen in large type, with previous / next / random. */
    private void openPresentation() {
        if (presentation != null) {
            presentation.requestFocus();
            return;
        }
        Stage s = new Stage();
        s.initOwner(stage);
        PresentationView view = new PresentationView(detail, new PresentationView.Navigator() {
            @Override
            public void previous() {
                model.previous();
            }

            @Override
            public void next() {
                model.next();
            }

            @Override
            public void random() {
                model.random();
            }

            @Override
            public void exit() {
                s.close();
            }
        });
        Runnable position = () -> view.positionProperty().set(String.format("%,d / %,d",
                model.currentPositionProperty().get() + 1, model.visibleSamples().size()));
        model.currentPositionProperty().addListener((o, a, b) -> position.run());
        position.run();
        Scene presentationScene = new Scene(view, stage.getWidth(), stage.getHeight());
        theme.applyTo(presentationScene, List.of());
        s.setScene(presentationScene);
        s.setTitle("LLaVA Inspector — presentation");
        s.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        s.setFullScreen(true);
        s.setOnHidden(e -> presentation = null);
        presentation = s;
        s.show();
        view.requestFocus();
    }

    public MainViewModel model() {
        return model;
    }

    public MainView view() {
        return view;
    }

    public DetailViewModel detail() {
        return detail;
    }

    public Stage presentationStage() {
        return presentation;
    }
}
