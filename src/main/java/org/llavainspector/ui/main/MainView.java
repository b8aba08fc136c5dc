package org.llavainspector.ui.main;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.NotificationPane;
import org.kordamp.ikonli.javafx.FontIcon;
import org.llavainspector.core.curation.Mark;
import org.llavainspector.ui.browse.GridBrowseView;
import org.llavainspector.ui.browse.TableBrowseView;
import org.llavainspector.ui.search.FilterBar;
import org.llavainspector.ui.shortcuts.ShortcutOverlay;

/**
 * The main window's content: menu and tool bar (filter, view toggle, actions), the browser (grid or list) beside
 * the detail pane, the status bar, error notifications and the shortcut overlay. Keyboard first: see
 * {@link org.llavainspector.ui.shortcuts.Shortcut}.
 */
public final class MainView extends StackPane {
    private final MainViewModel model;
    private final MainActions actions;
    private final ShortcutOverlay overlay = new ShortcutOverlay();
    private final GridBrowseView grid;
    private final TableBrowseView table;
    private final NotificationPane notifications;
    /** The detail pane's narrowest: the id, the problems badge, the image's tool bar and the tabs' titles fit. */
    static final double DETAIL_MIN_WIDTH = 440;
    /** How long a message (not an error) stays before it hides itself. */
    static final Duration NOTE_SHOWN = Duration.seconds(8);
    /** Runs while a message that hides itself is the one shown: an error or a hint shown after it stops it. */
    private final PauseTransition noteTimer = new PauseTransition(NOTE_SHOWN);
    private final Node filterField;
    private final FilterBar filterBar;
    private final CurationActions curation;

    /** What the window around this view does (theme, full screen, presentation): kept out of the view-model. */
    public interface MainActions {
        void toggleTheme();

        void toggleFullScreen();

        void present();

        void preferences();

        void about();

        /** File ▸ Export sample card…: the current sample as a PNG for slides. */
        default void exportCard() {
        }
    }

    public MainView(MainViewModel model, Node detailView, FilterBar filterBar, MainActions actions) {
        this.model = model;
        this.actions = actions;
        this.filterField = filterBar.field();
        this.filterBar = filterBar;
        this.curation = new CurationActions(model, () -> getScene().getWindow(), this::notifyInfo);
        setId("main-view");

        grid = new GridBrowseView(model);
        table = new TableBrowseView(model);
        // only the browser in use is in the scene: a hidden one would still be laid out at every change of the
        // (growing) list of samples
        StackPane browse = new StackPane(model.gridModeProperty().get() ? grid : table);
        model.gridModeProperty().addListener((obs, was, gridMode) -> browse.getChildren().setAll(gridMode ? grid : table));

        // in a narrow window the browser gives way (fewer columns) before the detail does
        if (detailView instanceof Region detailRegion) {
            detailRegion.setMinWidth(DETAIL_MIN_WIDTH);
        }
        SplitPane split = new SplitPane(browse, detailView);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.45);
        SplitPane.setResizableWithParent(browse, false);

        // the notification bar slides in below the tool bar: the menus and the filter stay in reach while it shows,
        notifications = new NotificationPane(split);
        notifications.setId("notifications");
        notifications.getStyleClass().add(NotificationPane.STYLE_CLASS_DARK);
        // and it pushes the browser and the detail down rather than covering their first row and the sample's title
        notifications.skinProperty().addListener((obs, old, skin) -> javafx.application.Platform.runLater(() -> {
            if (notifications.lookup(".notification-bar") instanceof Region bar) {
                split.paddingProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                        () -> new javafx.geometry.Insets(bar.getHeight(), 0, 0, 0), bar.heightProperty()));
            }
        }));
        noteTimer.setOnFinished(e -> notifications.hide());
        BorderPane layout = new BorderPane(notifications);
        layout.setTop(new javafx.scene.layout.VBox(menuBar(), toolBar(filterBar)));
        layout.setBottom(statusBar());
        model.onError(this::notifyError);
        model.onInfo(this::notifyInfo);
        getChildren().addAll(layout, overlay);

        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            openDropped(files);
            e.setDropCompleted(true);
            e.consume();
        });
    }

    private MenuBar menuBar() {
        MenuItem open = new MenuItem("Open…");
        open.setId("menu-open");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> chooseFiles());
        Menu recent = new Menu("Open Recent");
        recent.setOnShowing(e -> {
            recent.getItems().clear();
            for (Path p : model.context().recentFiles().list()) {
                MenuItem item = new MenuItem(p.toString());
                item.setOnAction(a -> model.open(List.of(p), List.of(), List.of()));
                recent.getItems().add(item);
            }
            if (recent.getItems().isEmpty()) {
                MenuItem none = new MenuItem("(none)");
                none.setDisable(true);
                recent.getItems().add(none);
            }
        });
        recent.getItems().add(new MenuItem("(none)"));
        MenuItem export = item("Export…", "Shortcut+E", () -> curation.export());
        export.setId("menu-export");
        MenuItem card = item("Export sample card…", "Shortcut+Shift+E", actions::exportCard);
        card.setId("menu-export-card");
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> getScene().getWindow().hide());
        Menu file = new Menu("File", null, open, recent, export, card, quit);
        MenuItem undo = item("Undo", "Shortcut+Z", curation::undo);
        undo.disableProperty().bind(model.curation().canUndoProperty().not());
        MenuItem redo = item("Redo", "Shortcut+Shift+Z", curation::redo);
        redo.disableProperty().bind(model.curation().canRedoProperty().not());
        Menu edit = new Menu("Edit", null, undo, redo,
                new javafx.scene.control.SeparatorMenuItem(),
                item("Keep", null, () -> curation.mark(Mark.KEEP)),
                item("Reject", null, () -> curation.mark(Mark.REJECT)),
                item("Flag", null, () -> curation.mark(Mark.FLAG)),
                item("Clear mark", null, curation::unmark),
                item("Add tag…", null, curation::addTag),
                item("Note…", null, curation::note),
                new javafx.scene.control.SeparatorMenuItem(),
                item("Edit image path…", null, curation::editPath),
                item("Rewrite image paths of the samples shown…", "Shortcut+R", curation::rewrite),
                new javafx.scene.control.SeparatorMenuItem(),
                item("Preferences…", "Shortcut+Comma", actions::preferences));
        edit.setId("menu-edit");

        Menu view = new Menu("View", null,
                item("Grid / list", "Shortcut+L", () -> model.gridModeProperty().set(!model.gridModeProperty().get())),
                item("Light / dark theme", "Shortcut+D", actions::toggleTheme),
                item("Full screen", "F11", actions::toggleFullScreen),
                item("Presentation mode", null, actions::present));
        Menu go = new Menu("Go", null,
                item("Next sample", null, model::next),
                item("Previous sample", null, model::previous),
                item("Random sample", null, model::random),
                item("Jump to…", "Shortcut+G", this::askJump),
                item("Filter", "Shortcut+F", filterField::requestFocus));
        Menu insight = new Menu("Insight", null, item("Statistics of the current file…", null, this::openStatistics),
                item("GPT-4 prompt browser…", null, this::openPrompts),
                item("Duplicates…", null, () -> org.llavainspector.ui.duplicates.DuplicatesWindow.show(
                        getScene().getWindow(), model)));
        insight.setId("menu-insight");
        MenuItem compare = item("Compare with…", null, this::openCompare);
        compare.setId("menu-compare");
        insight.getItems().add(1, compare);
        Menu help = new Menu("Help", null, item("Keyboard shortcuts", null, overlay::show),
                item("About LLaVA Inspector", null, actions::about));
        MenuBar bar = new MenuBar(file, edit, view, go, insight, help);
        bar.setId("menu-bar");
        return bar;
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private ToolBar toolBar(FilterBar filterBar) {
        ToggleButton gridToggle = new ToggleButton(null, new FontIcon("mdmz-view_module"));
        gridToggle.setId("toggle-grid");
        gridToggle.setTooltip(new Tooltip("Grid / list (Ctrl+L)"));
        gridToggle.selectedProperty().bindBidirectional(model.gridModeProperty());
        Button random = iconButton("present-random-toolbar", "mdmz-shuffle", "Random sample (R)", model::random);
        Button present = iconButton("present", "mdmz-slideshow", "Presentation mode (P)", actions::present);
        Button theme = iconButton("toggle-theme", "mdmz-wb_sunny", "Light / dark (Ctrl+D)", actions::toggleTheme);
        Button open = iconButton("open", "mdal-folder_open", "Open dataset files (Ctrl+O)", this::chooseFiles);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToolBar bar = new ToolBar(open, filterBar, spacer, gridToggle, random, present, theme);
        bar.setId("tool-bar");
        return bar;
    }

    private static Button iconButton(String id, String icon, String tip, Runnable action) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    private HBox statusBar() {
        Label status = new Label();
        status.setId("status");
        status.getStyleClass().add("status-text");
        status.textProperty().bind(model.statusProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("index-progress");
        progress.progressProperty().bind(model.indexProgressProperty());
        progress.visibleProperty().bind(model.indexProgressProperty().lessThan(1));
        progress.setPrefWidth(160);
        Label position = new Label();
        position.setId("position");
        position.getStyleClass().add("status-text");
        Runnable update = () -> {
            int pos = model.currentPositionProperty().get();
            position.setText(pos < 0 ? "" : String.format("%,d / %,d", pos + 1, model.visibleSamples().size()));
        };
        model.currentPositionProperty().addListener((o, a, b) -> update.run());
        model.visibleSamples().addListener((javafx.collections.ListChangeListener<Integer>) c -> update.run());
        Label thumbnails = new Label();
        thumbnails.setId("thumbnail-status");
        thumbnails.getStyleClass().add("status-text");
        long[] shown = {-1, -1}; // entries and weight last shown: the text is only formatted again when they change
        javafx.animation.Timeline refresh = new javafx.animation.Timeline(new javafx.animation.KeyFrame(
                javafx.util.Duration.seconds(1), e -> {
                    var stats = model.context().images().thumbnailStats();
                    if (stats.entries() != shown[0] || stats.currentWeight() != shown[1]) {
                        shown[0] = stats.entries();
                        shown[1] = stats.currentWeight();
                        thumbnails.setText(String.format("thumbnails: %,d cached, %.1f of %d MiB", stats.entries(),
                                stats.currentWeight() / (double) (1 << 20), stats.budget() >> 20));
                    }
                }));
        refresh.setCycleCount(javafx.animation.Animation.INDEFINITE);
        refresh.play();
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label marks = new Label();
        marks.setId("curation-summary");
        marks.getStyleClass().add("status-text");
        marks.textProperty().bind(model.curation().summaryProperty());
        Label sources = new Label();
        sources.setId("image-sources");
        sources.getStyleClass().add("status-text");
        sources.textProperty().bind(model.imageSourcesProperty());
        Tooltip allSources = new Tooltip();
        allSources.textProperty().bind(model.imageSourcePathsProperty());
        sources.setTooltip(allSources);
        // the counts and the position are never cut; the image sources give way (their tooltip has them all)
        for (Label fixed : List.of(status, position, marks, thumbnails)) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        sources.setMinWidth(0);
        // an empty label drew its (empty) text a few pixels below the bar: the window's content stood out of the
        // window, and JavaFX painted the whole window again each time a label emptied or filled (File > Open empties
        // the mark counts while the session is read), 68-115 ms a time in the software renderer
        for (Label label : List.of(status, position, marks, sources, thumbnails)) {
            label.visibleProperty().bind(label.textProperty().isNotEmpty());
        }
        HBox bar = new HBox(status, progress, position, marks, gap, sources, thumbnails);
        bar.getStyleClass().add("status-bar");
        bar.setId("status-bar");
        return bar;
    }

    private void onKey(KeyEvent e) {
        if (overlay.isVisible()) {
            overlay.hide();
            e.consume();
            return;
        }
        boolean typing = e.getTarget() instanceof javafx.scene.control.TextInputControl;
        if (e.isShortcutDown() && e.getCode() == KeyCode.F || !typing && e.getCode() == KeyCode.SLASH && !e.isShiftDown()) {
            filterField.requestFocus();
            e.consume();
            return;
        }
        if (typing) {
            if (e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.DOWN) {
                requestFocus();
                e.consume();
            }
            return;
        }
        if (e.isShortcutDown() && e.getCode() == KeyCode.Y) {
            curation.redo();
            e.consume();
            return;
        }
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        if (e.isShiftDown() && !model.gridModeProperty().get() && choosesRange(e.getCode())) {
            // the list chooses the samples from the current one to there with these (TableBrowseView): its table has
            // them, wherever the focus is
            javafx.scene.control.TableView<Integer> rows = table.table();
            if (!(e.getTarget() instanceof Node target && isWithin(target, rows))) {
                rows.requestFocus();
                rows.fireEvent(e.copyFor(rows, rows));
                e.consume();
            }
            return;
        }
        switch (e.getCode()) {
            case J, RIGHT -> model.next();
            case K, LEFT -> model.previous();
            case DOWN -> model.move(rowStep());
            case UP -> model.move(-rowStep());
            case PAGE_DOWN -> model.move(pageStep());
            case PAGE_UP -> model.move(-pageStep());
            case HOME -> model.currentPositionProperty().set(model.visibleSamples().isEmpty() ? -1 : 0);
            case END -> model.currentPositionProperty().set(model.visibleSamples().size() - 1);
            case R -> model.random();
            case Y -> curation.mark(Mark.KEEP);
            case N -> curation.mark(Mark.REJECT);
            case F -> curation.mark(Mark.FLAG);
            case U -> curation.unmark();
            case T -> curation.addTag();
            case O -> curation.note();
            case E -> curation.editPath();
            case P -> actions.present();
            case F11 -> actions.toggleFullScreen();
            case ESCAPE -> {
                if (!notifications.isShowing()) {
                    return;
                }
                noteTimer.stop();
                notifications.hide();
            }
            default -> {
                if ("?".equals(e.getText()) || e.getCode() == KeyCode.SLASH && e.isShiftDown()) {
                    overlay.show();
                } else {
                    return;
                }
            }
        }
        e.consume();
    }

    /** How many samples ↓ and ↑ move: a row of the grid, one row of the list. */
    private int rowStep() {
        return model.gridModeProperty().get() ? grid.perRow() : 1;
    }

    /** How many samples Page Down and Page Up move: the grid's rows on screen, or the list's less one. */
    private int pageStep() {
        return model.gridModeProperty().get() ? grid.rowsOnScreen() * grid.perRow() : Math.max(1, table.rowsOnScreen() - 1);
    }

    /** The keys that, with Shift, choose a range of samples in the list. */
    private static boolean choosesRange(KeyCode code) {
        return switch (code) {
            case UP, DOWN, PAGE_UP, PAGE_DOWN, HOME, END -> true;
            default -> false;
        };
    }

    private static boolean isWithin(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    private void askJump() {
        TextInputDialog dialog = new TextInputDialog();
        dialog.setTitle("Jump to sample");
        dialog.setHeaderText("Sample number or id");
        dialog.initOwner(getScene().getWindow());
        Optional<String> answer = dialog.showAndWait();
        answer.ifPresent(a -> {
            if (!model.jumpTo(a)) {
                notifyError("no sample " + a + " among the samples shown");
            }
        });
    }

    private void chooseFiles() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open LLaVA datasets");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("LLaVA datasets (*.json, *.jsonl)", "*.json", "*.jsonl"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        model.folderToOpenFrom().ifPresent(dir -> chooser.setInitialDirectory(dir.toFile()));
        Window w = getScene().getWindow();
        List<File> files = chooser.showOpenMultipleDialog(w);
        if (files != null) {
            openDropped(files);
        }
    }

    /** The statistics dashboard of the current sample's file; clicking a bar filters the browser to its samples. */
    private void openStatistics() {
        int g = model.currentSample();
        if (model.collection().size() == 0) {
            return;
        }
        int file = g < 0 ? 0 : model.collection().fileIndexOf(g);
        Path dataset = model.collection().datasets().get(file).file();
        var sizes = org.llavainspector.ui.insight.ImageSizesViewModel.Input.of(model.context().images(),
                model.collection().datasets().get(file).index());
        org.llavainspector.ui.insight.StatsWindow.show(getScene().getWindow(), dataset, model.problemsOfFile(file),
                sizes, query -> {
                    filterBar.field().setText(query);
                    filterBar.field().fireEvent(new javafx.event.ActionEvent());
                }, model.context().background());
    }

    /**
     * Compares the current sample's file (A) with another (B): an open file, or one opened beside A. The categories
     * become the query field {@code cmp:}, so a click in the compare window is an ordinary filter.
     */
    private void openCompare() {
        org.llavainspector.core.dataset.DatasetCollection collection = model.collection();
        if (collection.size() == 0) {
            return;
        }
        int g = model.currentSample();
        int fileA = g < 0 ? 0 : collection.fileIndexOf(g);
        List<Path> open = collection.datasets().stream().map(org.llavainspector.core.dataset.Dataset::file).toList();
        Window owner = getScene().getWindow();
        org.llavainspector.ui.insight.CompareWindow.chooseOther(owner, open, fileA, b -> {
            int fileB = org.llavainspector.ui.insight.CompareWindow.indexOf(open, b);
            if (fileB == fileA) {
                notifyError(b.getFileName() + " is file A: choose another file to compare it with");
                return;
            }
            if (fileB < 0) {
                model.open(List.of(b), List.of(), List.of());
                fileB = collection.datasets().size() - 1;
            }
            var compare = new org.llavainspector.ui.insight.CompareViewModel(collection, fileA, fileB,
                    model.context().background(), model.comparisonProperty()::set);
            org.llavainspector.ui.insight.CompareWindow.show(owner, compare, this::applyFilter, category -> {
                applyFilter(category.query());
                curation.export(java.util.Arrays.stream(compare.samples(category)).boxed().toList());
            });
        });
    }

    /** Puts a query in the filter bar and runs it, as if typed. */
    private void applyFilter(String query) {
        filterBar.field().setText(query);
        filterBar.field().fireEvent(new javafx.event.ActionEvent());
    }

    /** LLaVA's GPT-4 few-shot prompt files: those shipped with the demo, or a prompts folder the user picks. */
    private void openPrompts() {
        Path shipped;
        try {
            shipped = org.llavainspector.core.dataset.DemoDataset.folder().resolve("prompts");
        } catch (RuntimeException e) {
            shipped = null;
        }
        Path folder = shipped;
        if (folder == null || !java.nio.file.Files.isDirectory(folder)) {
            javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
            chooser.setTitle("A LLaVA prompts folder (conversation/, detail_description/, complex_reasoning/)");
            File chosen = chooser.showDialog(getScene().getWindow());
            if (chosen == null) {
                return;
            }
            folder = chosen.toPath();
        }
        Path prompts = folder;
        Window owner = getScene().getWindow();
        org.llavainspector.ui.common.Background.task(() -> org.llavainspector.core.prompts.PromptSet.load(prompts))
                .onSuccess(set -> org.llavainspector.ui.prompts.PromptBrowserWindow.showLoaded(owner, prompts, set, null,
                        org.llavainspector.ui.prompts.CaptionBoxesView.Images.of(model.context().images()),
                        model.context().background()))
                .onError(e -> org.llavainspector.ui.prompts.PromptBrowserWindow.showError(owner,
                        e instanceof Exception ? (Exception) e : new RuntimeException(e)))
                .start(model.context().background());
    }

    /** Dataset files are opened; zips and folders become image sources. */
    private void openDropped(List<File> files) {
        List<Path> datasets = new ArrayList<>();
        List<Path> sources = new ArrayList<>();
        for (File f : files) {
            String name = f.getName().toLowerCase(java.util.Locale.ROOT);
            if (f.isDirectory() || name.endsWith(".zip")) {
                sources.add(f.toPath());
            } else {
                datasets.add(f.toPath());
            }
        }
        model.open(datasets, sources, List.of());
    }

    /** Shows a one-line, non-blocking error notification; it stays until the user closes it or another replaces it. */
    public void notifyError(String message) {
        noteTimer.stop();
        notifications.show(message, new FontIcon("mdal-error_outline"));
    }

    /** Shows a one-line, non-blocking message (what an action did); it hides itself after {@link #NOTE_SHOWN}. */
    public void notifyInfo(String message) {
        notifications.show(message, new FontIcon("mdal-check_circle_outline"));
        noteTimer.playFromStart();
    }

    /** Shows a one-line hint (what to try first); like an error, it stays until the user closes it or another replaces it. */
    public void notifyHint(String message) {
        noteTimer.stop();
        notifications.show(message, new FontIcon("mdal-lightbulb"));
    }

    /** How long a message of {@link #notifyInfo} stays; tests shorten it. */
    public void setNoteDuration(Duration shown) {
        noteTimer.setDuration(shown);
    }

    /** For tests and the window: the error shown last, or empty. */
    public String lastNotification() {
        return notifications.isShowing() ? notifications.getText() : "";
    }

    Consumer<String> errorSink() {
        return this::notifyError;
    }
}
