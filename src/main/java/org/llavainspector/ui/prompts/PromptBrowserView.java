package org.llavainspector.ui.prompts;

import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.image.Image;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.llavainspector.core.prompts.PromptBox;
import org.llavainspector.core.prompts.PromptExample;
import org.llavainspector.core.prompts.PromptSet;
import org.llavainspector.core.prompts.PromptTask;
import org.llavainspector.core.prompts.PromptTurn;

/**
 * Browses the LLaVA GPT-4 prompt folders: tasks and their few-shot examples on the left; on the right the system
 * message of a task, or an example's captions, boxes (table and drawing) and few-shot conversation.
 *
 * <p>The optional image provider is asked with the key {@code "<task>/<number>"} (e.g. {@code "conversation/000"});
 * returning null (or no provider) draws the boxes on a neutral 4:3 placeholder.
 */
public final class PromptBrowserView extends BorderPane {
    private final TreeView<Object> tree = new TreeView<>();
    private final TextArea system = new TextArea();
    private final Label systemTitle = new Label();
    private final VBox systemPane;
    private final TextArea captions = new TextArea();
    private final TableView<PromptBox> boxTable = new TableView<>();
    private final PromptBoxPane boxPane = new PromptBoxPane();
    private final VBox conversation = new VBox();
    private final Label exampleTitle = new Label();
    private final SplitPane examplePane;
    private final Label placeholder = new Label("Select a prompt task or example.");
    private final StackPane detail = new StackPane();
    private final ReadOnlyObjectWrapper<Object> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final SimpleObjectProperty<Function<String, Image>> imageProvider = new SimpleObjectProperty<>();
    private PromptSet prompts;

    public PromptBrowserView() {
        setId("prompt-browser");
        getStyleClass().add("prompt-browser");
        getStylesheets().add(stylesheet());

        tree.setId("prompt-tree");
        tree.setShowRoot(false);
        tree.setCellFactory(t -> new TreeCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("prompt-tree-task", "prompt-tree-example");
                if (empty || item == null) {
                    setText(null);
                } else if (item instanceof PromptTask task) {
                    setText(task.name() + " (" + task.examples().size() + ")");
                    getStyleClass().add("prompt-tree-task");
                } else if (item instanceof PromptExample ex) {
                    setText(ex.number() + "  ·  " + ex.boxes().size() + " boxes  ·  " + turnsText(ex));
                    getStyleClass().add("prompt-tree-example");
                } else {
                    setText(item.toString());
                }
            }
        });
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> showItem(item));

        system.setId("prompt-system");
        system.setEditable(false);
        system.setWrapText(true);
        systemTitle.getStyleClass().add("prompt-title");
        systemPane = new VBox(6, systemTitle, system);
        systemPane.getStyleClass().add("prompt-section");
        VBox.setVgrow(system, Priority.ALWAYS);

        captions.setId("prompt-caps");
        captions.setEditable(false);
        captions.setWrapText(true);
        captions.setPrefRowCount(6);
        boxTable.setId("prompt-boxes");
        boxTable.setPlaceholder(new Label("No boxes in this caps file."));
        boxTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<PromptBox, String> label = new TableColumn<>("Label");
        label.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue().label()));
        boxTable.getColumns().add(label);
        boxTable.getColumns().add(coord("x1", 0));
        boxTable.getColumns().add(coord("y1", 1));
        boxTable.getColumns().add(coord("x2", 2));
        boxTable.getColumns().add(coord("y2", 3));
        boxTable.setPrefHeight(160);
        boxTable.getSelectionModel().selectedIndexProperty()
                .addListener((o, a, i) -> boxPane.highlight(i.intValue()));

        Label capsTitle = new Label("Captions");
        capsTitle.getStyleClass().add("prompt-subtitle");
        Label boxesTitle = new Label("Boxes");
        boxesTitle.getStyleClass().add("prompt-subtitle");
        VBox caps = new VBox(6, exampleTitle, capsTitle, captions, boxesTitle, boxTable, boxPane);
        caps.getStyleClass().add("prompt-section");
        VBox.setVgrow(boxPane, Priority.ALWAYS);
        exampleTitle.getStyleClass().add("prompt-title");

        conversation.setId("prompt-conversation");
        conversation.getStyleClass().add("prompt-conversation");
        conversation.setFillWidth(true);
        ScrollPane convScroll = new ScrollPane(conversation);
        convScroll.setFitToWidth(true);
        convScroll.getStyleClass().add("prompt-conversation-scroll");
        Label convTitle = new Label("Few-shot response");
        convTitle.getStyleClass().add("prompt-subtitle");
        VBox conv = new VBox(6, convTitle, convScroll);
        conv.getStyleClass().add("prompt-section");
        VBox.setVgrow(convScroll, Priority.ALWAYS);

        examplePane = new SplitPane(caps, conv);
        examplePane.setOrientation(Orientation.HORIZONTAL);
        examplePane.setDividerPositions(0.45);

        placeholder.getStyleClass().add("prompt-placeholder-text");
        detail.getChildren().addAll(placeholder, systemPane, examplePane);
        detail.getStyleClass().add("prompt-detail");

        SplitPane main = new SplitPane(tree, detail);
        main.setDividerPositions(0.22);
        SplitPane.setResizableWithParent(tree, false);
        setCenter(main);
        imageProvider.addListener((o, a, b) -> showItem(tree.getSelectionModel().getSelectedItem()));
        showItem(null);
    }

    public PromptBrowserView(PromptSet prompts) {
        this();
        setPrompts(prompts);
    }

    public static String stylesheet() {
        return Objects.requireNonNull(PromptBrowserView.class.getResource("prompts.css")).toExternalForm();
    }

    public void setPrompts(PromptSet set) {
        this.prompts = set;
        TreeItem<Object> root = new TreeItem<>("prompts");
        if (set != null) {
            for (PromptTask task : set.tasks()) {
                TreeItem<Object> t = new TreeItem<>(task);
                t.setExpanded(true);
                for (PromptExample ex : task.examples()) {
                    t.getChildren().add(new TreeItem<>(ex));
                }
                root.getChildren().add(t);
            }
        }
        tree.setRoot(root);
        showItem(null);
    }

    public PromptSet getPrompts() {
        return prompts;
    }

    public SimpleObjectProperty<Function<String, Image>> imageProviderProperty() {
        return imageProvider;
    }

    public void setImageProvider(Function<String, Image> provider) {
        imageProvider.set(provider);
    }

    /** The selected {@link PromptTask} or {@link PromptExample}, or null. */
    public ReadOnlyObjectProperty<Object> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Selects the task, or its example when {@code number} is non-null. Returns false if not found. */
    public boolean select(String taskName, String number) {
        if (tree.getRoot() == null) {
            return false;
        }
        for (TreeItem<Object> t : tree.getRoot().getChildren()) {
            if (t.getValue() instanceof PromptTask task && task.name().equals(taskName)) {
                if (number == null) {
                    tree.getSelectionModel().select(t);
                    return true;
                }
                for (TreeItem<Object> e : t.getChildren()) {
                    if (((PromptExample) e.getValue()).number().equals(number)) {
                        t.setExpanded(true);
                        tree.getSelectionModel().select(e);
                        tree.scrollTo(tree.getRow(e));
                        return true;
                    }
                }
            }
        }
        return false;
    }

    public PromptBoxPane boxPane() {
        return boxPane;
    }

    public VBox conversationBox() {
        return conversation;
    }

    private void showItem(TreeItem<Object> item) {
        Object value = item == null ? null : item.getValue();
        selected.set(value);
        placeholder.setVisible(!(value instanceof PromptTask || value instanceof PromptExample));
        systemPane.setVisible(value instanceof PromptTask);
        examplePane.setVisible(value instanceof PromptExample);
        if (value instanceof PromptTask task) {
            systemTitle.setText(task.name() + " — system message");
            system.setText(task.systemMessage());
        } else if (value instanceof PromptExample ex) {
            PromptTask task = (PromptTask) item.getParent().getValue();
            showExample(task, ex);
        }
    }

    private void showExample(PromptTask task, PromptExample ex) {
        exampleTitle.setText(task.name() + " / " + ex.number());
        StringBuilder caps = new StringBuilder(String.join("\n", ex.captions()));
        if (!ex.otherLines().isEmpty()) {
            caps.append("\n\n").append(String.join("\n", ex.otherLines()));
        }
        captions.setText(caps.toString());
        boxTable.getItems().setAll(ex.boxes());
        Image image = null;
        Function<String, Image> provider = imageProvider.get();
        if (provider != null) {
            try {
                image = provider.apply(task.name() + "/" + ex.number());
            } catch (RuntimeException e) {
                image = null;
            }
        }
        boxPane.show(ex.boxes(), image);
        conversation.getChildren().clear();
        for (PromptTurn turn : ex.conversation()) {
            conversation.getChildren().add(bubble(turn));
        }
    }

    private static HBox bubble(PromptTurn turn) {
        String role = switch (turn.role()) {
            case QUESTION -> "Question";
            case ANSWER -> "Answer";
            case TEXT -> "Response";
        };
        Label who = new Label(role);
        who.getStyleClass().add("prompt-turn-role");
        Label text = new Label(turn.text());
        text.setWrapText(true);
        text.getStyleClass().add("prompt-turn-text");
        VBox box = new VBox(2, who, text);
        box.getStyleClass().addAll("prompt-turn", turn.role() == PromptTurn.Role.QUESTION ? "human" : "gpt");
        box.setMaxWidth(Double.MAX_VALUE);
        HBox row = new HBox(box);
        HBox.setHgrow(box, Priority.ALWAYS);
        row.getStyleClass().addAll("prompt-turn-row",
                turn.role() == PromptTurn.Role.QUESTION ? "human-row" : "gpt-row");
        row.setUserData(turn);
        return row;
    }

    private static String turnsText(PromptExample ex) {
        return ex.isDialogue() ? ex.conversation().size() + " turns" : "single answer";
    }

    private static TableColumn<PromptBox, String> coord(String name, int which) {
        TableColumn<PromptBox, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> {
            PromptBox b = cell.getValue();
            double v = switch (which) {
                case 0 -> b.x1();
                case 1 -> b.y1();
                case 2 -> b.x2();
                default -> b.y2();
            };
            return new SimpleObjectProperty<>(format(v));
        });
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        c.setPrefWidth(56);
        return c;
    }

    private static String format(double v) {
        return Double.toString(v);
    }
}
