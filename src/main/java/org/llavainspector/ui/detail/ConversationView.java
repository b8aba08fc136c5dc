package org.llavainspector.ui.detail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.llavainspector.core.dataset.ImageToken;
import org.llavainspector.core.dataset.Turn;

/**
 * A conversation as chat bubbles: human and gpt turns apart, system and other roles with their own style and name,
 * and each {@code <image>} token as a chip where it stands in the text; clicking a chip selects its image.
 */
public final class ConversationView extends ScrollPane {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    /** A chip's properties: its tooltip's text (the tooltip is made on hover), and the images its record has. */
    private static final String TIP = "conversation.tip";
    private static final String IMAGES = "conversation.images";
    /** Share of the visible width a human or gpt bubble may take. */
    private static final double BUBBLE_SHARE = 0.82;

    private final VBox list = new VBox();
    private final IntegerProperty selectedImage = new SimpleIntegerProperty(this, "selectedImage", -1);
    private final DoubleProperty bubbleWidth = new SimpleDoubleProperty(this, "bubbleWidth", 480);
    private final List<Button> chips = new ArrayList<>();
    private final List<Region> bubbles = new ArrayList<>();
    /** The rows shown, one a turn, used again for the next conversation (see {@link #setConversation}). */
    private final List<TurnRow> rows = new ArrayList<>();
    private final Label empty = new Label("This record has no conversation.");
    private List<Turn> turns = List.of();
    /** Chips show which image is selected only when there is a choice. */
    private boolean severalImages;
    private IntConsumer onImageChip = index -> { };
    /** Held here and registered weakly, so that a view-model outliving this view does not keep it alive. */
    private final ChangeListener<SampleDetail> onSample = (obs, old, now) -> show(now);

    /** The kinds of speaker, each styled apart ({@code turn-human}, ...). */
    enum Role {
        HUMAN("Human", Material2MZ.PERSON),
        GPT("GPT", Material2AL.ANDROID),
        SYSTEM("System", Material2MZ.SETTINGS),
        OTHER("", Material2AL.HELP_OUTLINE);

        final String label;
        final Ikon icon;

        Role(String label, Ikon icon) {
            this.label = label;
            this.icon = icon;
        }

        String suffix() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Role of(String from) {
            if (from == null) {
                return OTHER;
            }
            return switch (from) {
                case "human" -> HUMAN;
                case "gpt" -> GPT;
                case "system" -> SYSTEM;
                default -> OTHER;
            };
        }
    }

    public ConversationView() {
        setId("conversation-view");
        getStyleClass().add("conversation-view");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        list.getStyleClass().add("turn-list");
        empty.getStyleClass().add("conversation-empty");
        list.setFillWidth(true);
        setContent(list);
        viewportBoundsProperty().addListener((obs, old, now) ->
                bubbleWidth.set(Math.max(160, now.getWidth() * BUBBLE_SHARE)));
        selectedImage.addListener((obs, old, now) -> markSelectedChip());
        installContextMenu();
    }

    /** One menu for the whole view (not one per bubble): copy the turn under the mouse, or the conversation. */
    private void installContextMenu() {
        MenuItem copyTurn = new MenuItem("Copy turn text");
        MenuItem copyAll = new MenuItem("Copy conversation");
        copyAll.setOnAction(e -> copy(transcript(turns)));
        ContextMenu menu = new ContextMenu(copyTurn, copyAll);
        setOnContextMenuRequested(e -> {
            Turn turn = turnAt(e.getPickResult().getIntersectedNode());
            copyTurn.setVisible(turn != null);
            copyTurn.setOnAction(a -> copy(turn == null || turn.value() == null ? "" : turn.value()));
            menu.show(this, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    private static Turn turnAt(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n.getUserData() instanceof Turn) {
                return (Turn) n.getUserData();
            }
        }
        return null;
    }

    /**
     * Shows a conversation. {@code <image>} tokens are numbered in order across all turns when the record has more
     * than one image (or token); the k-th token stands for the k-th image.
     *
     * <p>The rows of the conversation shown before are used again where the speaker is the same, and so are their
     * text runs and chips: only their texts change. New nodes each need their CSS worked out, which was most of the FX
     * thread's work for a J press (a new sample) in {@code bench ui}.
     */
    public void setConversation(List<Turn> conversation, int imageCount) {
        turns = conversation == null ? List.of() : List.copyOf(conversation);
        chips.clear();
        bubbles.clear();
        list.getChildren().remove(empty);
        int tokens = 0;
        for (Turn t : turns) {
            tokens += t.value() == null ? 0 : ImageToken.count(t.value());
        }
        boolean numbered = imageCount > 1 || tokens > 1;
        severalImages = imageCount > 1;
        int[] nextToken = {0};
        for (int i = 0; i < turns.size(); i++) {
            Turn turn = turns.get(i);
            Role role = Role.of(turn.from());
            TurnRow row = i < rows.size() ? rows.get(i) : null;
            if (row == null || row.role != role) {
                row = new TurnRow(role);
                if (i < rows.size()) {
                    rows.set(i, row);
                    list.getChildren().set(i, row.row);
                } else {
                    rows.add(row);
                    list.getChildren().add(row.row);
                }
            }
            row.show(i, turn, imageCount, numbered, nextToken);
            bubbles.add(row.bubble);
        }
        if (rows.size() > turns.size()) {
            rows.subList(turns.size(), rows.size()).clear();
            list.getChildren().remove(turns.size(), list.getChildren().size());
        }
        if (turns.isEmpty()) {
            list.getChildren().add(empty);
        }
        markSelectedChip();
        setVvalue(0);
    }

    /** A turn's row: its bubble (role, number, text with chips) and the speaker's avatar, kept for the next sample. */
    private final class TurnRow {
        final Role role;
        final HBox row;
        final VBox bubble;
        final Label name = new Label();
        final Label number = new Label();
        final TextFlow text = new TextFlow();

        TurnRow(Role role) {
            this.role = role;
            name.getStyleClass().add("turn-role");
            number.getStyleClass().add("turn-number");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox header = new HBox(name, gap, number);
            header.getStyleClass().add("turn-header");
            header.setAlignment(Pos.BASELINE_LEFT);
            text.getStyleClass().add("turn-text");
            bubble = new VBox(header, text);
            bubble.getStyleClass().addAll("turn", "turn-" + role.suffix());
            if (role == Role.SYSTEM) {
                bubble.setMaxWidth(Double.MAX_VALUE);
                HBox.setHgrow(bubble, Priority.ALWAYS);
            } else {
                bubble.maxWidthProperty().bind(bubbleWidth);
            }
            bubble.setMinWidth(0);
            StackPane avatar = new StackPane(new FontIcon(role.icon));
            avatar.getStyleClass().addAll("turn-avatar", "turn-avatar-" + role.suffix());
            avatar.setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
            avatar.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
            row = role == Role.HUMAN ? new HBox(bubble, avatar) : new HBox(avatar, bubble);
            row.getStyleClass().addAll("turn-row", "turn-row-" + role.suffix());
            row.setAlignment(role == Role.HUMAN ? Pos.TOP_RIGHT : Pos.TOP_LEFT);
        }

        void show(int index, Turn turn, int imageCount, boolean numbered, int[] nextToken) {
            name.setText(role == Role.OTHER ? (turn.from() == null ? "(no role)" : turn.from()) : role.label);
            number.setText("turn " + index);
            bubble.setUserData(turn); // for the context menu's "Copy turn text"
            fill(text, turn.value(), imageCount, numbered, nextToken);
        }
    }

    /**
     * Puts the text of a turn into the flow, with a chip for every {@code <image>} token where it stands; the flow's
     * text runs and chips are used again where they are of the same kind, and only those left over are removed.
     */
    private void fill(TextFlow flow, String value, int imageCount, boolean numbered, int[] nextToken) {
        List<Node> parts = flow.getChildren();
        int at = 0;
        if (value == null || value.isEmpty()) {
            run(parts, at++, value == null ? "(no text)" : "(empty)", true);
        } else {
            int from = 0;
            while (from <= value.length()) {
                int token = value.indexOf(ImageToken.TEXT, from);
                int end = token < 0 ? value.length() : token;
                if (end > from) {
                    run(parts, at++, value.substring(from, end), false);
                }
                if (token < 0) {
                    break;
                }
                chip(parts, at++, nextToken[0]++, imageCount, numbered);
                from = token + ImageToken.TEXT.length();
            }
        }
        if (parts.size() > at) {
            parts.subList(at, parts.size()).clear();
        }
    }

    /** Makes part {@code at} of a flow a text run (or the note of a missing or empty text) saying {@code value}. */
    private static void run(List<Node> parts, int at, String value, boolean missing) {
        if (at < parts.size() && parts.get(at) instanceof Text text
                && text.getStyleClass().contains("turn-text-missing") == missing) {
            text.setText(value);
            return;
        }
        Text text = new Text(value);
        text.getStyleClass().add("turn-text-run");
        if (missing) {
            text.getStyleClass().add("turn-text-missing");
        }
        place(parts, at, text);
    }

    /** Makes part {@code at} of a flow the chip of {@code <image>} token {@code token}. */
    private void chip(List<Node> parts, int at, int token, int imageCount, boolean numbered) {
        Button chip;
        if (at < parts.size() && parts.get(at) instanceof Button reused) {
            chip = reused;
        } else {
            chip = new Button(null, new FontIcon(Material2AL.IMAGE));
            chip.setMnemonicParsing(false);
            chip.getStyleClass().add("image-chip");
            chip.setFocusTraversable(false); // a click leaves the keys with the window (J, K, Space...)
            chip.setOnAction(e -> {
                if (chip.getUserData() instanceof Integer t && t < (Integer) chip.getProperties().get(IMAGES)) {
                    onImageChip.accept(t);
                }
            });
            // its tooltip is made when the mouse first comes over it (a tooltip for every chip of every sample shown
            // cost more than the chip); from then on each sample the chip shows sets its text, below
            chip.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, e -> {
                if (chip.getTooltip() == null) {
                    chip.setTooltip(new Tooltip((String) chip.getProperties().get(TIP)));
                }
            });
            place(parts, at, chip);
        }
        chip.setText(numbered ? "image " + (token + 1) : "image");
        chip.setId("image-chip-" + token);
        chip.setUserData(token);
        chip.getProperties().put(IMAGES, imageCount);
        styled(chip, "image-chip-choice", severalImages); // outlined, filled when its image is the one shown
        styled(chip, "image-chip-orphan", token >= imageCount);
        String tip = token < imageCount ? "<image> token " + (token + 1) + ": click to show image " + (token + 1)
                : "<image> token " + (token + 1) + " has no image: the record has " + imageCount + " image(s)";
        chip.getProperties().put(TIP, tip);
        if (chip.getTooltip() != null) {
            chip.getTooltip().setText(tip);
        }
        chips.add(chip);
    }

    /** Gives {@code node} the style class {@code name} or takes it away (a change only when it differs). */
    private static void styled(Node node, String name, boolean on) {
        if (node.getStyleClass().contains(name) != on) {
            if (on) {
                node.getStyleClass().add(name);
            } else {
                node.getStyleClass().remove(name);
            }
        }
    }

    private static void place(List<Node> parts, int at, Node node) {
        if (at < parts.size()) {
            parts.set(at, node);
        } else {
            parts.add(node);
        }
    }

    private void markSelectedChip() {
        for (Button chip : chips) {
            chip.pseudoClassStateChanged(SELECTED,
                    severalImages && (Integer) chip.getUserData() == selectedImage.get());
        }
    }

    private static String transcript(List<Turn> turns) {
        StringBuilder sb = new StringBuilder();
        for (Turn t : turns) {
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            sb.append('[').append(t.from()).append("]\n").append(t.value() == null ? "" : t.value());
        }
        return sb.toString();
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** Shows the conversation of the sample of {@code model}; chips select its images and show which is shown. */
    void showConversationOf(DetailViewModel model) {
        selectedImage.bind(model.selectedImageProperty());
        onImageChip = model::selectImage;
        model.sampleProperty().addListener(new WeakChangeListener<>(onSample));
        show(model.getSample());
    }

    private void show(SampleDetail detail) {
        setConversation(detail == null ? List.of() : detail.turns(), detail == null ? 0 : detail.images().size());
    }

    /** Called with the 0-based image index when an image chip is clicked. */
    public void setOnImageChip(IntConsumer handler) {
        onImageChip = handler == null ? index -> { } : handler;
    }

    /** The image whose chips are marked selected (-1 for none). */
    public IntegerProperty selectedImageProperty() {
        return selectedImage;
    }

    /** The turn bubbles in conversation order (for tests and for the presentation view). */
    List<Region> bubbles() {
        return List.copyOf(bubbles);
    }

    /** The image chips in text order. */
    List<Button> chips() {
        return List.copyOf(chips);
    }
}
