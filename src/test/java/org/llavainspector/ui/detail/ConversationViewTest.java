package org.llavainspector.ui.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.llavainspector.core.dataset.Turn;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * One conversation after another, as J shows them: the rows, text runs and chips of the one before are used again,
 * and what is shown is always exactly the new conversation (roles, turn numbers, text and chips in place), whatever
 * the shapes of the two.
 */
@ExtendWith(ApplicationExtension.class)
class ConversationViewTest {
    private ConversationView view;
    private final List<Integer> clicked = new ArrayList<>();

    @Start
    void start(Stage stage) {
        view = new ConversationView();
        view.setOnImageChip(clicked::add);
        stage.setScene(new Scene(view, 800, 600));
        stage.show();
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    /** Each bubble as "style: role · number · text", chips as [their text]. */
    private List<String> shown() throws Exception {
        return fx(() -> view.bubbles().stream().map(ConversationViewTest::describe).toList());
    }

    private static String describe(Region bubble) {
        String role = bubble.getStyleClass().stream().filter(c -> c.startsWith("turn-")).findFirst().orElse("?");
        List<Node> header = ((javafx.scene.Parent) bubble.getChildrenUnmodifiable().get(0)).getChildrenUnmodifiable();
        StringBuilder text = new StringBuilder();
        for (Node part : ((TextFlow) bubble.getChildrenUnmodifiable().get(1)).getChildren()) {
            text.append(part instanceof Text t ? t.getText() : "[" + ((Button) part).getText() + "]");
        }
        return role + ": " + ((Label) header.get(0)).getText() + " · " + ((Label) header.get(2)).getText() + " · " + text;
    }

    private void show(FxRobot robot, List<Turn> turns, int images) {
        robot.interact(() -> view.setConversation(turns, images));
    }

    @Test
    void eachConversationIsShownWholeWhateverCameBefore(FxRobot robot) throws Exception {
        show(robot, List.of(new Turn("human", "<image>\nWhat is this?"), new Turn("gpt", "A dog.")), 1);
        assertEquals(List.of("turn-human: Human · turn 0 · [image]\nWhat is this?", "turn-gpt: GPT · turn 1 · A dog."), shown());
        List<Region> before = fx(view::bubbles);

        // the same shape: the same rows, only their texts change
        show(robot, List.of(new Turn("human", "Where is it?\n<image>"), new Turn("gpt", "In a park."),
                new Turn("human", "Is it sunny?"), new Turn("gpt", "Yes.")), 1);
        assertEquals(List.of("turn-human: Human · turn 0 · Where is it?\n[image]", "turn-gpt: GPT · turn 1 · In a park.",
                "turn-human: Human · turn 2 · Is it sunny?", "turn-gpt: GPT · turn 3 · Yes."), shown());
        assertSame(before.get(0), fx(() -> view.bubbles().get(0)), "the first row is used again");
        assertSame(before.get(1), fx(() -> view.bubbles().get(1)));

        // other roles where the rows were, two images with numbered chips, a token without an image, empty texts
        show(robot, List.of(new Turn("system", "Be brief."), new Turn("human", "<image> and <image> and <image>?"),
                new Turn(null, null), new Turn("gpt", "")), 2);
        assertEquals(List.of("turn-system: System · turn 0 · Be brief.",
                "turn-human: Human · turn 1 · [image 1] and [image 2] and [image 3]?",
                "turn-other: (no role) · turn 2 · (no text)", "turn-gpt: GPT · turn 3 · (empty)"), shown());
        List<Button> chips = fx(view::chips);
        assertEquals(List.of("image-chip-0", "image-chip-1", "image-chip-2"), chips.stream().map(Node::getId).toList());
        assertTrue(chips.get(2).getStyleClass().contains("image-chip-orphan"), "the third token has no image");
        assertTrue(chips.get(0).getStyleClass().contains("image-chip-choice") && !chips.get(0).getStyleClass().contains("image-chip-orphan"));
        robot.interact(() -> chips.get(1).fire());
        robot.interact(() -> chips.get(2).fire()); // no image: nothing to select
        assertEquals(List.of(1), clicked);

        // back to one image: the chip used again is neither a choice nor an orphan, and the rows left over go
        show(robot, List.of(new Turn("human", "<image>\nAnd this?")), 1);
        assertEquals(List.of("turn-human: Human · turn 0 · [image]\nAnd this?"), shown());
        Button chip = fx(() -> view.chips().get(0));
        assertEquals(List.of("image-chip"), fx(() -> chip.getStyleClass().stream().filter(c -> c.startsWith("image-chip")).toList()));
        assertEquals(1, (int) fx(() -> robot.lookup(".turn-row").queryAll().size()));
        robot.interact(() -> chip.fire());
        assertEquals(List.of(1, 0), clicked);

        show(robot, List.of(), 0);
        assertEquals(List.of(), shown());
        assertTrue(fx(() -> robot.lookup(".conversation-empty").query().isVisible()));
        show(robot, List.of(new Turn("gpt", "Hello.")), 0);
        assertEquals(List.of("turn-gpt: GPT · turn 0 · Hello."), shown());
        assertTrue(fx(() -> robot.lookup(".conversation-empty").tryQuery().isEmpty()), "the note of no conversation goes");
    }

    /** A chip's tooltip is made when the mouse first comes over it, and then says what the chip of each sample is. */
    @Test
    void aChipsTooltipComesOnHoverAndFollowsTheSamplesItShows(FxRobot robot) throws Exception {
        show(robot, List.of(new Turn("human", "<image> and <image>?")), 2);
        Button second = fx(() -> view.chips().get(1));
        assertEquals(null, fx(second::getTooltip), "no tooltip before the mouse comes");
        robot.interact(() -> javafx.event.Event.fireEvent(second, new javafx.scene.input.MouseEvent(
                javafx.scene.input.MouseEvent.MOUSE_ENTERED, 0, 0, 0, 0, javafx.scene.input.MouseButton.NONE, 0,
                false, false, false, false, false, false, false, false, false, false, null)));
        assertEquals("<image> token 2: click to show image 2", fx(() -> second.getTooltip().getText()));

        // the next sample has one image: the same chip now stands for a token without one
        show(robot, List.of(new Turn("human", "<image> or <image>?")), 1);
        assertSame(second, fx(() -> view.chips().get(1)), "the chip is used again");
        assertEquals("<image> token 2 has no image: the record has 1 image(s)", fx(() -> second.getTooltip().getText()));
    }
}
