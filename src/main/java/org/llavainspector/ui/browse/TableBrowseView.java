package org.llavainspector.ui.browse;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import org.llavainspector.core.dataset.SampleRecord;
import org.llavainspector.ui.curation.CurationViewModel;
import org.llavainspector.ui.main.MainViewModel;

/**
 * The list mode: one row per sample shown (number, id, image, turns, first question, file, marks), smooth with 600K
 * rows. Everything but the first question comes from the in-memory index; the first question is read in the
 * background for the rows on screen and kept in a small cache.
 *
 * <p>The table holds a {@link SampleWindow} of the samples (JavaFX's flow slows down with the number of rows
 * before the one shown); the scroll bar beside it stands for all of them. Scrolling near an edge of the window, or
 * going to a sample outside it, moves the window; the rows on screen and the selection stay where they were.
 */
public final class TableBrowseView extends BorderPane {
    /**
     * Rows the table holds at a time. Few enough that selecting all of them (every sample chosen, as after Ctrl+A,
     * selected again in the window each time it moves) is quick: JavaFX's table makes a position object per row.
     */
    static final int WINDOW_ROWS = 5_000;
    /** The window moves when the rows on screen come this near one of its edges (and there are samples beyond). */
    static final int WINDOW_MARGIN = 500;

    private final MainViewModel model;
    private final SampleWindow window;
    private final TableView<Integer> table;
    private final WindowScrollBar bar = new WindowScrollBar("browse-scroll", this::scrollTo);
    private final int margin;
    private final Cache<Integer, String> questions = Caffeine.newBuilder().maximumSize(5_000).build();
    private VirtualFlow<?> flow;
    /** Set while this view selects the current sample's row: the table's current row is not the user's choice. */
    private boolean syncing;
    /** Set while the window moves and the chosen rows are selected again at their new index: nothing was chosen. */
    private boolean reselecting;
    /** See {@link #chosenSet()}; null after the model's selection changed. */
    private java.util.BitSet chosenSet;
    /** Set while this view moves the window and scrolls the table to match: the flow's moves meanwhile are its own. */
    private boolean moving;

    public TableBrowseView(MainViewModel model) {
        this(model, WINDOW_ROWS, WINDOW_MARGIN);
    }

    /** With a window of {@code windowRows} rows that moves within {@code margin} rows of its edges (tests). */
    TableBrowseView(MainViewModel model, int windowRows, int margin) {
        this.model = model;
        this.margin = margin;
        this.window = new SampleWindow(model.visibleSamples(), windowRows);
        this.table = new TableView<>(window);
        setId("browse-list");
        table.setId("browse-table");
        table.getStyleClass().add("browse-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        addColumns();
        setCenter(table);
        setRight(bar.node());

        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        model.selection().addListener((ListChangeListener<Integer>) c -> chosenSet = null);
        table.getSelectionModel().getSelectedIndices().addListener((ListChangeListener<Integer>) c -> {
            if (reselecting) {
                return; // the window moved: what the user chose is unchanged
            }
            List<Integer> chosen = new ArrayList<>();
            for (int i : table.getSelectionModel().getSelectedIndices()) {
                if (i >= 0 && i < window.size()) {
                    chosen.add(window.get(i));
                }
            }
            model.selection().setAll(chosen);
        });
        table.getSelectionModel().selectedIndexProperty().addListener((obs, old, idx) -> {
            if (!syncing && !reselecting && idx.intValue() >= 0 && table.getSelectionModel().getSelectedIndices().size() <= 1) {
                model.currentPositionProperty().set(window.base() + idx.intValue());
            }
        });
        // a curation edit: only the marks column changes (MarksCell); the table's refresh() would make every cell and
        // its CSS again, 50 ms a press of N in the software renderer
        // only the browser in use is in the scene: the list catches up with the current sample when it is shown
        model.currentPositionProperty().addListener((obs, old, pos) -> select(pos.intValue()));
        sceneProperty().addListener((obs, old, scene) -> select(model.currentPositionProperty().get()));
        table.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        table.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, this::shiftClicked);

        model.visibleSamples().addListener((ListChangeListener<Integer>) c -> updateBar());
        table.skinProperty().addListener((obs, old, skin) -> {
            if (skin != null && table.lookup(".virtual-flow") instanceof VirtualFlow<?> f) {
                flow = f;
                flow.positionProperty().addListener((o, was, now) -> flowMoved());
                flow.heightProperty().addListener((o, was, now) -> updateBar());
            }
        });
    }

    private void addColumns() {
        TableColumn<Integer, String> number = column("#", 64, g -> String.valueOf(g));
        number.setMinWidth(64); // up to 999,999 whole
        table.getColumns().add(number);
        // ids and paths differ at their ends (GCC_train_002267162, coco/train2017/000000033471.jpg): cut at the front
        table.getColumns().add(endFirst(column("id", 150, model::idOf)));
        table.getColumns().add(endFirst(column("image", 220, g -> {
            String image = model.firstImage(g);
            int n = model.collection().datasetOf(g).index().imageCount(model.collection().recordOf(g));
            return image == null ? "(text-only)" : n > 1 ? image + " (+" + (n - 1) + ")" : image;
        })));
        table.getColumns().add(column("turns", 56, g -> String.valueOf(
                model.collection().datasetOf(g).index().turnCount(model.collection().recordOf(g)))));
        table.getColumns().add(sampleColumn("first question", 380, QuestionCell::new));
        TableColumn<Integer, String> file = column("file", 140, g -> model.collection().datasetOf(g).file().getFileName().toString());
        file.setId("column-file");
        table.getColumns().add(file);
        TableColumn<Integer, Integer> marks = sampleColumn("marks", 100, MarksCell::new);
        marks.setId("column-marks");
        marks.setMinWidth(52);
        table.getColumns().add(marks);
        // which file a sample came from only says something when several are open
        Runnable showFile = () -> file.setVisible(model.collection().datasets().size() > 1);
        model.visibleSamples().addListener((ListChangeListener<Integer>) c -> showFile.run());
        showFile.run();
    }

    /**
     * The table's keys that would stop at the window's edges, or extend a choice from an anchor that is an index in
     * the window, go to the list's: Home and End; Ctrl+A (choose all samples shown); Shift with Home, End, the arrows
     * and Page Up/Down (choose the samples from the current one to the first, the last, or one row or page on from
     * the last row chosen).
     */
    private void keyPressed(KeyEvent e) {
        int total = window.total();
        KeyCode code = e.getCode();
        boolean home = code == KeyCode.HOME;
        boolean end = code == KeyCode.END;
        boolean step = e.isShiftDown() && (code == KeyCode.UP || code == KeyCode.DOWN || code == KeyCode.PAGE_UP
                || code == KeyCode.PAGE_DOWN);
        if (total == 0 || !(home || end || step || e.isShortcutDown() && code == KeyCode.A)) {
            return;
        }
        e.consume();
        int current = Math.max(0, model.currentPositionProperty().get());
        if (code == KeyCode.A) {
            choose(0, total - 1);
            return;
        }
        if (!e.isShiftDown()) {
            model.currentPositionProperty().set(home ? 0 : total - 1);
            return;
        }
        int focused = table.getFocusModel().getFocusedIndex();
        int from = focused < 0 ? current : window.base() + focused;
        int page = Math.max(1, rowsOnScreen() - 1);
        int to = home ? 0 : end ? total - 1
                : Math.max(0, Math.min(total - 1, from + switch (code) {
                    case UP -> -1;
                    case DOWN -> 1;
                    case PAGE_UP -> -page;
                    default -> page;
                }));
        choose(Math.min(current, to), Math.max(current, to));
        int first = firstShown();
        if (to < first || first < 0) {
            scrollTo(to);
        } else if (to > lastShown()) {
            scrollTo(to - rowsOnScreen() + 2);
        }
        table.getFocusModel().focus(to - window.base());
    }

    /**
     * A Shift+click chooses the samples from the current one to the row clicked, wherever the window was when the
     * current one was chosen (the table's own anchor is an index in its window, and the window may have moved since).
     */
    private void shiftClicked(javafx.scene.input.MouseEvent e) {
        if (!e.isShiftDown() || e.getButton() != javafx.scene.input.MouseButton.PRIMARY || e.isShortcutDown()) {
            return;
        }
        javafx.scene.Node node = e.getPickResult().getIntersectedNode();
        while (node != null && !(node instanceof javafx.scene.control.TableRow<?>) && node != table) {
            node = node.getParent();
        }
        if (!(node instanceof javafx.scene.control.TableRow<?> row) || row.isEmpty() || row.getIndex() < 0) {
            return; // a header, or below the last row: the table does what it does
        }
        int clicked = window.base() + row.getIndex();
        int anchor = Math.max(0, model.currentPositionProperty().get());
        choose(Math.min(anchor, clicked), Math.max(anchor, clicked));
        table.getFocusModel().focus(row.getIndex());
        e.consume();
    }

    /** Chooses the samples at positions {@code from} to {@code to} (of all shown): the model's selection. */
    private void choose(int from, int to) {
        model.selection().setAll(new ArrayList<>(model.visibleSamples().subList(from, to + 1)));
        selectChosenRows();
    }

    /** Selects the window's rows whose samples are chosen (the model's selection), and only them. */
    private void selectChosenRows() {
        java.util.BitSet chosen = chosenSet();
        int[] rows = java.util.stream.IntStream.range(0, window.size()).filter(i -> chosen.get(window.get(i))).toArray();
        reselecting = true;
        try {
            table.getSelectionModel().clearSelection();
            if (rows.length > 0) {
                table.getSelectionModel().selectIndices(rows[0], java.util.Arrays.copyOfRange(rows, 1, rows.length));
            }
        } finally {
            reselecting = false;
        }
    }

    /**
     * The model's selection as a set of sample numbers, made again only after it changed: with every sample of a
     * large file chosen (Ctrl+A), each move of the window would otherwise go over all of them.
     */
    private java.util.BitSet chosenSet() {
        if (chosenSet == null) {
            chosenSet = new java.util.BitSet();
            for (Integer g : model.selection()) {
                chosenSet.set(g);
            }
        }
        return chosenSet;
    }

    /** The table (its rows are a window of the samples shown, see the class comment). */
    public TableView<Integer> table() {
        return table;
    }

    /** Scrolls the list so that the sample at {@code position} (of all shown) is the first row on screen. */
    public void scrollTo(int position) {
        int total = window.total();
        if (total == 0) {
            return;
        }
        int top = Math.max(0, Math.min(position, total - 1));
        int rows = rowsOnScreen();
        moving = true;
        try {
            if (!window.holds(top) || nearEdge(top, top + rows - 1)) {
                moveWindow(top + rows / 2);
            }
            table.scrollTo(top - window.base());
        } finally {
            moving = false;
        }
        follow(top);
    }

    /** The position (of all samples shown) of the first row on screen, or -1. */
    public int firstShown() {
        return flow == null || flow.getFirstVisibleCell() == null ? -1 : window.base() + flow.getFirstVisibleCell().getIndex();
    }

    /** The position (of all samples shown) of the last row on screen, or -1. */
    public int lastShown() {
        return flow == null || flow.getLastVisibleCell() == null ? -1 : window.base() + flow.getLastVisibleCell().getIndex();
    }

    /** Selects the current sample's row and brings it on screen (the model moved, or the list came back). */
    private void select(int pos) {
        if (getScene() == null || pos < 0 || pos >= window.total()) {
            return;
        }
        if (window.holds(pos) && pos - window.base() == table.getSelectionModel().getSelectedIndex()) {
            // the user chose this row in the table: when it is near an edge, the window moves once the table is done
            if (nearEdge(pos, pos)) {
                scheduleMove();
            }
            return;
        }
        moving = true;
        try {
            if (!window.holds(pos) || nearEdge(pos, pos)) {
                moveWindow(pos);
            }
            syncing = true;
            try {
                table.getSelectionModel().clearAndSelect(pos - window.base());
            } finally {
                syncing = false;
            }
            table.scrollTo(Math.max(0, pos - window.base() - 3));
        } finally {
            moving = false;
        }
        follow(Math.max(0, pos - 3));
    }

    /**
     * Whether the rows at positions {@code first} to {@code last} (of all shown) come within the margin of an edge of
     * the window beyond which there are more samples: then the window is to move.
     */
    private boolean nearEdge(int first, int last) {
        return window.nearEdge(first, last, margin);
    }

    /**
     * Centres the window on {@code position}; the samples chosen (the model's selection, which does not change) that
     * are in the window are selected again at their index in it, and the focused row keeps the focus.
     */
    private void moveWindow(int position) {
        int oldBase = window.base();
        int focused = table.getFocusModel().getFocusedIndex();
        reselecting = true;
        try {
            if (!window.centreOn(position)) {
                return;
            }
        } finally {
            reselecting = false;
        }
        selectChosenRows();
        if (focused >= 0 && window.holds(oldBase + focused)) {
            table.getFocusModel().focus(oldBase + focused - window.base());
        }
    }

    /** The rows on screen came near an edge of the window: it moves around them after this layout. */
    private void scheduleMove() {
        bar.moveWindowLater(this::firstShown); // see WindowScrollBar
    }

    /** The table scrolled (wheel, keys, a drag): the bar follows, and near an edge of the window the window moves. */
    private void flowMoved() {
        if (flow == null || window.size() == 0 || moving) {
            return;
        }
        int rows = rowsOnScreen();
        // the flow's position runs from 0 (first row at the top) to 1 (last row at the bottom); rows have one height
        int topInWindow = (int) Math.round(flow.getPosition() * Math.max(0, window.size() - rows));
        int top = window.base() + topInWindow;
        follow(top);
        if (nearEdge(top, top + rows - 1)) {
            scheduleMove();
        }
    }

    /** The bar shows the sample at {@code top} (of all shown) at the top: the list's rows are samples. */
    private void follow(int top) {
        bar.follow(top, rowsOnScreen(), window.total());
    }

    private void updateBar() {
        bar.update(rowsOnScreen(), window.total());
    }

    /** How many rows the list shows at its height (at least one). */
    public int rowsOnScreen() {
        double rowHeight = table.getFixedCellSize() > 0 ? table.getFixedCellSize() : 24;
        double height = flow != null ? flow.getHeight() : table.getHeight();
        return Math.max(1, (int) (height / rowHeight));
    }

    private static TableColumn<Integer, String> endFirst(TableColumn<Integer, String> column) {
        column.getStyleClass().add("cut-at-front");
        return column;
    }

    /** A column whose cells are given the sample itself and show it themselves ({@code cells}). */
    private static TableColumn<Integer, Integer> sampleColumn(String name, double width,
            java.util.function.Supplier<TableCell<Integer, Integer>> cells) {
        TableColumn<Integer, Integer> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        c.setCellFactory(column -> cells.get());
        return c;
    }

    private static TableColumn<Integer, String> column(String name, double width,
            java.util.function.IntFunction<String> value) {
        TableColumn<Integer, String> c = new TableColumn<>(name);
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 52)); // the table shrinks its columns to fit: a header such as "turns" stays readable
        c.setSortable(false);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }

    /** Shows the sample's marks and tags, and shows them again after each curation edit. */
    private final class MarksCell extends TableCell<Integer, Integer> {
        /** Held by the cell: the model holds it weakly, so that a cell the table lets go of is not kept. */
        private final javafx.beans.InvalidationListener edited = o -> show();

        MarksCell() {
            model.curation().versionProperty().addListener(new javafx.beans.WeakInvalidationListener(edited));
        }

        @Override
        protected void updateItem(Integer g, boolean empty) {
            super.updateItem(g, empty);
            show();
        }

        private void show() {
            Integer g = getItem();
            setText(isEmpty() || g == null ? null : CurationViewModel.label(model.curation().stateOf(g)));
        }
    }

    /** Shows the first human question, read off the FX thread for the rows on screen only. */
    private final class QuestionCell extends TableCell<Integer, Integer> {
        @Override
        protected void updateItem(Integer g, boolean empty) {
            super.updateItem(g, empty);
            if (empty || g == null) {
                setText(null);
                return;
            }
            String known = questions.getIfPresent(g);
            if (known != null) {
                setText(known);
                return;
            }
            setText("…");
            model.context().background().execute(() -> {
                String q;
                try {
                    SampleRecord r = model.collection().datasetOf(g).record(model.collection().recordOf(g));
                    q = r.firstQuestion().replace('\n', ' ');
                } catch (java.io.IOException | RuntimeException e) {
                    q = "(unreadable: " + e.getMessage() + ")";
                }
                questions.put(g, q);
                String text = q;
                Platform.runLater(() -> {
                    if (g.equals(getItem())) {
                        setText(text);
                    }
                });
            });
        }
    }
}
