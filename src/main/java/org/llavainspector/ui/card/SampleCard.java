package org.llavainspector.ui.card;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.llavainspector.core.dataset.ImageToken;
import org.llavainspector.core.dataset.Turn;
import org.llavainspector.ui.theme.Theme;

/**
 * One sample laid out as a fixed-size slide in the presentation style: the id and source on top, the image on the
 * left (a placeholder with the reason when it could not be loaded; no image area for a text-only record), the
 * conversation in large type on the right. A conversation too long for the card ends with its last turn that fits,
 * cut at a word with "…", and a line saying how many turns were left out. Colours come from {@code card.css} and
 * the theme.
 */
public final class SampleCard extends BorderPane {
    public static final int WIDTH = 1920;
    public static final int HEIGHT = 1080;
    /** The stylesheet of the card (used with a theme's stylesheets). */
    public static final String CSS = Objects.requireNonNull(SampleCard.class.getResource("card.css"), "card.css")
            .toExternalForm();
    /** A turn cut shorter than this many characters is left out instead. */
    private static final int MIN_CUT = 40;

    /**
     * What the card shows.
     *
     * @param title the sample's id (or "(no id)")
     * @param subtitle e.g. {@code demo.json · record 3 · coco/train2017/000000039769.jpg}
     * @param textOnly true for a record without an image: no image area
     * @param image the picture, or null for a placeholder
     * @param imageNote why there is no picture (shown on the placeholder)
     */
    public record Content(String title, String subtitle, List<Turn> turns, boolean textOnly, Image image,
            String imageNote) {
    }

    private final VBox turnsBox = new VBox();
    private final Label left = new Label();
    private final StackPane imageArea = new StackPane();
    private final StackPane conversation;
    private ImageView imageView;
    private int shownTurns;
    private boolean cut;

    private SampleCard(Content content) {
        setId("sample-card");
        getStyleClass().add("sample-card");
        getStylesheets().add(CSS);
        setMinSize(WIDTH, HEIGHT);
        setPrefSize(WIDTH, HEIGHT);
        setMaxSize(WIDTH, HEIGHT);

        Label title = new Label(content.title());
        title.setId("card-title");
        title.getStyleClass().add("card-title");
        Label subtitle = new Label(content.subtitle());
        subtitle.getStyleClass().add("card-subtitle");
        VBox header = new VBox(title, subtitle);
        header.getStyleClass().add("card-header");
        setTop(header);

        turnsBox.getStyleClass().add("card-turns");
        turnsBox.setFillWidth(true);
        left.setId("card-more");
        left.getStyleClass().add("card-more");
        conversation = new StackPane(turnsBox);
        conversation.setAlignment(Pos.TOP_LEFT);
        conversation.getStyleClass().add("card-conversation");

        HBox body = new HBox();
        body.getStyleClass().add("card-body");
        if (!content.textOnly()) {
            imageArea.setId("card-image-area");
            imageArea.getStyleClass().add("card-image-area");
            if (content.image() != null) {
                imageView = new ImageView(content.image());
                imageView.setId("card-image");
                imageView.setPreserveRatio(true);
                imageView.setSmooth(true);
                imageArea.getChildren().add(imageView);
            } else {
                Label placeholder = new Label("No image\n" + content.imageNote());
                placeholder.setId("card-image-placeholder");
                placeholder.getStyleClass().add("card-image-placeholder");
                placeholder.setWrapText(true);
                placeholder.setAlignment(Pos.CENTER);
                placeholder.setMaxWidth(Double.MAX_VALUE);
                imageArea.getChildren().add(placeholder);
            }
            body.getChildren().add(imageArea);
        }
        body.getChildren().add(conversation);
        setCenter(body);
    }

    /**
     * A card for {@code content} as the root of its own scene, styled by {@code theme} and laid out, ready for
     * {@link #toImage()}. Call on the FX thread.
     */
    public static SampleCard build(Content content, Theme theme) {
        SampleCard card = new SampleCard(content);
        Scene scene = new Scene(card, WIDTH, HEIGHT);
        theme.applyTo(scene, List.of());
        card.sizeColumns(); // measures text, so only once the stylesheets apply
        card.fill(content.turns());
        card.applyCss();
        card.layout();
        return card;
    }

    /** The card's pixels, {@link #WIDTH} x {@link #HEIGHT}. Call on the FX thread. */
    public WritableImage toImage() {
        return snapshot(new SnapshotParameters(), new WritableImage(WIDTH, HEIGHT));
    }

    /** Fixes the sizes of the image and conversation columns (the card's size is fixed, so theirs are too). */
    private void sizeColumns() {
        applyCss();
        double width = conversationWidth();
        double height = HEIGHT - heightAbove();
        conversation.setMinSize(width, 0);
        conversation.setPrefSize(width, height);
        conversation.setMaxSize(width, height);
        if (imageArea.getParent() != null) {
            imageArea.setMinSize(width, height);
            imageArea.setPrefSize(width, height);
            imageArea.setMaxSize(width, height);
        }
        if (imageView != null) {
            double inset = imageArea.snappedLeftInset() + imageArea.snappedRightInset() + 32;
            imageView.setFitWidth(width - inset);
            imageView.setFitHeight(height - inset);
        }
    }

    /** Adds turns while they fit; the first that does not is cut with "…" (or left out), then a count of the rest. */
    private void fill(List<Turn> turns) {
        double available = HEIGHT - heightAbove();
        for (int i = 0; i < turns.size(); i++) {
            VBox row = bubble(turns.get(i), null);
            turnsBox.getChildren().add(row);
            if (fits(available, i + 1 < turns.size())) {
                shownTurns++;
                continue;
            }
            turnsBox.getChildren().remove(row);
            String text = turns.get(i).value() == null ? "" : turns.get(i).value();
            int best = longestCutThatFits(turns.get(i), text, available);
            if (best >= MIN_CUT) {
                turnsBox.getChildren().add(bubble(turns.get(i), cutAt(text, best)));
                shownTurns++;
            }
            cut = true;
            int rest = turns.size() - shownTurns;
            if (rest > 0) {
                left.setText("… " + rest + (rest == 1 ? " more turn" : " more turns") + " not shown");
                turnsBox.getChildren().add(left);
            }
            return;
        }
    }

    private int longestCutThatFits(Turn turn, String text, double available) {
        int lo = 0;
        int hi = text.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            VBox trial = bubble(turn, cutAt(text, mid));
            turnsBox.getChildren().add(trial);
            boolean ok = fits(available, true);
            turnsBox.getChildren().remove(trial);
            if (ok) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The first {@code n} characters of {@code text}, back to the last space when there is one nearby, and "…". */
    static String cutAt(String text, int n) {
        String head = text.substring(0, Math.min(n, text.length()));
        int space = head.lastIndexOf(' ');
        if (space > n * 3 / 4) {
            head = head.substring(0, space);
        }
        return head.stripTrailing() + "…";
    }

    /** Whether the turns shown (plus the "more turns" line when more will follow) fit the conversation area. */
    private boolean fits(double available, boolean moreFollow) {
        if (moreFollow) {
            left.setText("… 99 more turns not shown");
            turnsBox.getChildren().add(left);
        }
        applyCss();
        double width = conversationWidth();
        double needed = turnsBox.prefHeight(width);
        if (moreFollow) {
            turnsBox.getChildren().remove(left);
        }
        return needed <= available;
    }

    private double conversationWidth() {
        HBox body = (HBox) getCenter();
        double w = WIDTH - body.snappedLeftInset() - body.snappedRightInset();
        if (body.getChildren().size() > 1) {
            w = (w - body.getSpacing()) / 2;
        }
        return w;
    }

    /** Height taken by the header and the body's own padding. */
    private double heightAbove() {
        applyCss();
        HBox body = (HBox) getCenter();
        return getTop().prefHeight(WIDTH) + body.snappedTopInset() + body.snappedBottomInset() + snappedTopInset()
                + snappedBottomInset();
    }

    private static VBox bubble(Turn turn, String cutText) {
        String from = turn.from() == null ? "(no role)" : turn.from();
        String role = switch (from) {
            case "human" -> "Human";
            case "gpt" -> "GPT";
            case "system" -> "System";
            default -> from;
        };
        Label name = new Label(role);
        name.getStyleClass().add("card-role");
        TextFlow text = new TextFlow();
        text.getStyleClass().add("card-text");
        String value = cutText != null ? cutText : turn.value() == null ? "(no text)" : turn.value();
        int at = 0;
        while (at <= value.length()) {
            int token = value.indexOf(ImageToken.TEXT, at);
            int end = token < 0 ? value.length() : token;
            String run = value.substring(at, end);
            if (token >= 0) {
                run = run.stripTrailing();
            }
            if (!run.isEmpty()) {
                Text t = new Text(at > 0 && !run.isBlank() ? run : run.stripLeading());
                t.getStyleClass().add("card-text-run");
                text.getChildren().add(t);
            }
            if (token < 0) {
                break;
            }
            Text chip = new Text(text.getChildren().isEmpty() ? "[image] " : " [image] ");
            chip.getStyleClass().add("card-image-token");
            text.getChildren().add(chip);
            at = token + ImageToken.TEXT.length();
            while (at < value.length() && value.charAt(at) == '\n') {
                at++;
            }
        }
        VBox bubble = new VBox(name, text);
        bubble.getStyleClass().addAll("card-turn", "card-turn-" + roleClass(from));
        return bubble;
    }

    private static String roleClass(String from) {
        return switch (from.toLowerCase(Locale.ROOT)) {
            case "human" -> "human";
            case "gpt" -> "gpt";
            case "system" -> "system";
            default -> "other";
        };
    }

    /** How many turns the card shows (the last possibly cut). */
    public int shownTurns() {
        return shownTurns;
    }

    /** True when the conversation did not fit whole. */
    public boolean isCut() {
        return cut;
    }

    /** The image area, or null for a text-only card (for tests: where the picture is). */
    public Region imageArea() {
        return imageArea.getParent() == null ? null : imageArea;
    }

    /** The conversation column. */
    public Region conversation() {
        return conversation;
    }

    /** The turn bubbles in order (without the "more turns" line). */
    List<Region> turnNodes() {
        List<Region> out = new ArrayList<>();
        turnsBox.getChildren().forEach(n -> {
            if (n != left) {
                out.add((Region) n);
            }
        });
        return out;
    }
}
