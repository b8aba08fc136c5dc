package org.llavainspector.ui.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.PickResult;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.llavainspector.core.dataset.Turn;
import org.llavainspector.core.image.LoadedImage;
import org.llavainspector.core.validate.Problem;
import org.llavainspector.core.validate.ProblemKind;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The detail pane on real demo records and real images, loaded in the background as the app will. */
@ExtendWith(ApplicationExtension.class)
class DetailViewTest {
    private static final int TIMEOUT_SECONDS = 30;
    private static DemoSamples demo;
    private static ExecutorService background;

    private DetailViewModel model;
    private DetailView view;

    @BeforeAll
    static void openDemo() throws Exception {
        demo = new DemoSamples();
        background = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "detail-test-images");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void closeDemo() throws Exception {
        background.shutdownNow();
        demo.close();
    }

    @Start
    void start(Stage stage) {
        model = new DetailViewModel(ImageProvider.over(demo.loader(), background));
        view = new DetailView(model);
        Scene scene = new Scene(view, 1200, 720);
        scene.getStylesheets().add(DetailViewTest.class.getResource("test-theme.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private void show(FxRobot robot, int record) {
        SampleDetail detail = demo.detail(record);
        robot.interact(() -> model.show(detail));
    }

    private static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    private void awaitImageState(ImageState expected) throws TimeoutException {
        WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> fx(model::getImageState) == expected);
    }

    private ConversationView conversation(FxRobot robot) {
        return robot.lookup("#conversation-view").queryAs(ConversationView.class);
    }

    private static List<String> roleClasses(List<Region> bubbles) {
        return bubbles.stream().map(b -> b.getStyleClass().stream()
                .filter(c -> c.startsWith("turn-")).findFirst().orElse("none")).toList();
    }

    private static String expectedClass(Turn t) {
        return t.isHuman() ? "turn-human" : t.isGpt() ? "turn-gpt" : "system".equals(t.from()) ? "turn-system"
                : "turn-other";
    }

    private static List<Node> flow(Region bubble) {
        return bubble.getChildrenUnmodifiable().stream().filter(TextFlow.class::isInstance).findFirst()
                .map(f -> ((TextFlow) f).getChildren()).orElseThrow();
    }

    @Test
    void humanAndGptTurnsAreBubblesInConversationOrder(FxRobot robot) {
        show(robot, 0);
        List<Turn> turns = demo.detail(0).turns();
        List<Region> bubbles = fx(() -> conversation(robot).bubbles());
        assertTrue(turns.size() >= 4, "record 0 is a multi-turn conversation");
        assertEquals(turns.stream().map(DetailViewTest::expectedClass).toList(), roleClasses(bubbles));
        assertEquals("turn-human", roleClasses(bubbles).get(0));
        assertEquals("turn-gpt", roleClasses(bubbles).get(1));
        assertEquals(turns.size(), robot.lookup(".turn").queryAll().size());
        assertEquals(turns.size() / 2, robot.lookup(".turn-human").queryAll().size());
        assertEquals(turns.size() / 2, robot.lookup(".turn-gpt").queryAll().size());
    }

    @Test
    void theImageTokenIsAChipWhereItStands(FxRobot robot) {
        show(robot, 0); // "<image>\nWhat animal is sitting behind the window?"
        List<Node> first = fx(() -> flow(conversation(robot).bubbles().get(0)));
        assertTrue(first.get(0).getStyleClass().contains("image-chip"), "the chip comes first");
        assertEquals("image", ((Button) first.get(0)).getText());
        assertTrue(((Text) first.get(1)).getText().startsWith("\nWhat animal"));
        assertEquals(1, robot.lookup(".image-chip").queryAll().size());

        show(robot, 4); // "What is the man in the yellow shirt doing?\n<image>"
        List<Node> last = fx(() -> flow(conversation(robot).bubbles().get(0)));
        assertTrue(last.get(last.size() - 1).getStyleClass().contains("image-chip"), "the chip comes last");
        assertTrue(((Text) last.get(0)).getText().startsWith("What is the man"));
        assertEquals(1, robot.lookup(".image-chip").queryAll().size());
    }

    @Test
    void multiImageChipsAreNumberedAndSelectTheirImage(FxRobot robot) throws Exception {
        show(robot, 29);
        awaitImageState(ImageState.OK);
        List<Button> chips = fx(() -> conversation(robot).chips());
        assertEquals(List.of("image 1", "image 2"), chips.stream().map(Button::getText).toList());
        List<Node> first = fx(() -> flow(conversation(robot).bubbles().get(0)));
        assertEquals(chips.get(0), first.get(0));
        assertEquals(chips.get(1), first.get(2));
        assertEquals("000000319154.jpg", fx(() -> model.imagePathProperty().get()));
        assertEquals(List.of(true, false), fx(() -> chips.stream().map(c -> c.getPseudoClassStates().stream()
                .anyMatch(p -> p.getPseudoClassName().equals("selected"))).toList()), "the first image is shown");
        // filled as the header's path of the image shown is; the other is not
        javafx.scene.paint.Paint shownPath = fx(() -> robot.lookup("#image-path-0").queryAs(ToggleButton.class)
                .getBackground().getFills().get(0).getFill());
        assertEquals(List.of(shownPath), fx(() -> chips.get(0).getBackground().getFills().stream().map(f -> f.getFill()).toList()));
        assertTrue(fx(() -> chips.get(1).getBackground().getFills().size() == 2
                && !chips.get(1).getBackground().getFills().get(1).getFill().equals(shownPath)), "outlined");

        robot.clickOn(chips.get(1));
        assertEquals(1, fx(model::getSelectedImage));
        assertEquals("000000900011.jpg", fx(() -> model.imagePathProperty().get()));
        awaitImageState(ImageState.OK);
        LoadedImage second = demo.loader().full("000000900011.jpg");
        ImageViewer viewer = robot.lookup("#image-viewer").queryAs(ImageViewer.class);
        assertEquals(second.width(), fx(() -> viewer.imageProperty().get().getWidth()));
        assertEquals(second.height(), fx(() -> viewer.imageProperty().get().getHeight()));
        assertTrue(fx(() -> robot.lookup("#image-path-1").queryAs(ToggleButton.class).isSelected()),
                "the header shows which image is selected");
        assertTrue(fx(() -> chips.get(1).getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName()
                .equals("selected"))));
        // a click on a chip or a path leaves the keyboard focus where it was: a focused chip looked like a plain button
        // (white) beside the selected one (blue), and Space would have pressed it
        robot.clickOn(robot.lookup("#image-path-0").queryAs(ToggleButton.class));
        assertEquals(0, fx(model::getSelectedImage));
        Node focused = fx(() -> view.getScene().getFocusOwner());
        assertTrue(!chips.contains(focused) && !(focused instanceof ToggleButton), "focus on " + focused);
    }

    @Test
    void aTurnsTextCanBeCopiedExactly(FxRobot robot) {
        show(robot, 0);
        Region answer = fx(() -> conversation(robot).bubbles().get(1));
        Node text = fx(() -> flow(answer).get(0));
        // Monocle sends no context-menu events for a right click, so the test sends the one a right click makes
        robot.interact(() -> {
            Bounds at = text.localToScreen(text.getBoundsInLocal());
            Point2D scene = text.localToScene(2, 2);
            text.fireEvent(new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 2, 2, at.getMinX() + 2,
                    at.getMinY() + 2, false, new PickResult(text, scene.getX(), scene.getY())));
        });
        robot.clickOn("Copy turn text");
        assertEquals(demo.detail(0).turns().get(1).value(), fx(() -> Clipboard.getSystemClipboard().getString()));
    }

    @Test
    void aSystemTurnIsShownAsSystem(FxRobot robot) {
        show(robot, 15);
        List<Region> bubbles = fx(() -> conversation(robot).bubbles());
        assertEquals(List.of("turn-system", "turn-human", "turn-gpt"), roleClasses(bubbles).subList(0, 3));
        Label role = (Label) bubbles.get(0).lookup(".turn-role");
        assertEquals("System", role.getText());
    }

    @Test
    void aMissingImageShowsThePlaceholderWithItsReason(FxRobot robot) throws Exception {
        show(robot, 3);
        awaitImageState(ImageState.MISSING);
        assertTrue(fx(() -> robot.lookup("#image-placeholder").query().isVisible()));
        assertEquals("Image missing", fx(() -> robot.lookup("#image-placeholder-title").queryAs(Label.class).getText()));
        assertEquals("000000033471.jpg", fx(() -> robot.lookup("#image-placeholder-path").queryAs(Label.class).getText()));
        assertEquals("not found in any image source",
                fx(() -> robot.lookup("#image-placeholder-message").queryAs(Label.class).getText()));
        assertFalse(fx(() -> robot.lookup("#image-toolbar").query().isVisible()));
    }

    @Test
    void aTextOnlyRecordSaysSoAndShowsItsOtherFields(FxRobot robot) throws Exception {
        show(robot, 3); // an image record first: the text-only one takes the viewer's place, and gives it back
        javafx.scene.control.SplitPane split = robot.lookup("#detail-split").queryAs(javafx.scene.control.SplitPane.class);
        fx(() -> {
            split.setDividerPositions(0.3);
            return null;
        });
        show(robot, 28);
        assertEquals(ImageState.TEXT_ONLY, fx(model::getImageState));
        assertNotNull(robot.lookup("#text-only-badge").tryQuery().orElse(null));
        assertTrue(robot.lookup("#image-placeholder").tryQuery().isEmpty(), "no image area for a text-only sample");
        TabPane tabs = robot.lookup("#detail-tabs").queryAs(TabPane.class);
        assertEquals(List.of(tabs), fx(() -> List.copyOf(split.getItems())));
        assertTrue(fx(() -> tabs.getHeight() > split.getHeight() - 10 && tabs.getWidth() > split.getWidth() - 10),
                "the conversation has the whole pane");
        show(robot, 3);
        assertEquals(2, fx(() -> split.getItems().size()));
        assertEquals(0.3, fx(() -> split.getDividerPositions()[0]), 0.01, "the divider is where it was left");
        awaitImageState(ImageState.MISSING);
        assertTrue(fx(() -> robot.lookup("#image-placeholder").query().isVisible()), "the viewer is back");
        show(robot, 28);
        assertEquals("i6IyJda_0", fx(() -> robot.lookup("#detail-id").queryAs(Label.class).getText()));
        selectTab(robot, "metadata-tab");
        assertEquals("\"\"", fx(() -> robot.lookup("#metadata-model").queryAs(Label.class).getText()));
        assertEquals(0, robot.lookup(".image-chip").queryAll().size());
    }

    /** The image paths above the viewer, as their toggles say them, and which one is selected. */
    private List<String> pathsShown(FxRobot robot) {
        return fx(() -> robot.lookup("#detail-images").queryAs(javafx.scene.layout.Pane.class).getChildren().stream()
                .map(n -> n instanceof ToggleButton t ? (t.isSelected() ? "*" : "") + t.getText() : n.getId()).toList());
    }

    @Test
    void theImagePathsFollowEverySampleOneOrSeveralOrNone(FxRobot robot) {
        // the toggles of one sample are used again for the next when there are as many: each time its own paths
        for (int record : new int[] {3, 17, 29, 28, 17, 3, 29}) {
            show(robot, record);
            List<String> images = demo.detail(record).images();
            List<String> expected = new java.util.ArrayList<>();
            for (int k = 0; k < images.size(); k++) {
                expected.add((k == 0 ? "*" : "") + (images.size() > 1 ? (k + 1) + "  " : "") + images.get(k));
            }
            assertEquals(images.isEmpty() ? List.of("text-only-badge") : expected, pathsShown(robot), "record " + record);
        }
    }

    @Test
    void theMetadataGridShowsTheCaptionsAndTheUrl(FxRobot robot) {
        show(robot, 17);
        selectTab(robot, "metadata-tab");
        GridPane grid = robot.lookup("#metadata-grid").queryAs(GridPane.class);
        List<String> texts = fx(() -> grid.getChildren().stream().filter(Label.class::isInstance)
                .map(n -> ((Label) n).getText()).toList());
        assertTrue(texts.contains("CC-3M caption"), texts.toString());
        assertTrue(texts.contains("a ball dahlia in full bloom in the garden ."), texts.toString());
        assertTrue(texts.contains("an orange flower with a blurry background"), texts.toString());
        ToggleButton path = robot.lookup("#image-path-0").queryAs(ToggleButton.class);
        assertEquals("GCC_train_009000101.jpg", fx(() -> ((Text) path.lookup(".text")).getText()),
                "the path as drawn: an underscore is not a mnemonic");
        Hyperlink url = robot.lookup("#metadata-url").queryAs(Hyperlink.class);
        assertEquals("https://www.flickr.com/photos/vultilion/6056698931/", url.getText());

        robot.clickOn(url);
        assertEquals("Link copied to the clipboard.",
                fx(() -> robot.lookup("#metadata-status").queryAs(Label.class).getText()));
    }

    @Test
    void theProblemsTabCountsTheProblemsOfThisSample(FxRobot robot) {
        TabPane tabs = robot.lookup("#detail-tabs").queryAs(TabPane.class);
        selectTab(robot, "problems-tab");
        show(robot, 0);
        assertEquals("Problems (0)", fx(() -> problemsTab(tabs).getText()));
        show(robot, 1);
        assertEquals("Problems (1)", fx(() -> problemsTab(tabs).getText()));
        @SuppressWarnings("unchecked")
        ListView<Problem> list = robot.lookup("#problems-list").queryAs(ListView.class);
        assertEquals(ProblemKind.DUPLICATE_ID, fx(() -> list.getItems().get(0).kind()));
        show(robot, 3);
        assertEquals("Problems (1)", fx(() -> problemsTab(tabs).getText()));
        assertEquals(ProblemKind.MISSING_IMAGE, fx(() -> list.getItems().get(0).kind()));
        assertTrue(fx(() -> robot.lookup("#problems-badge").query().isVisible()));
    }

    /** Selects a tab of the detail pane, as a click on it does. */
    private static void selectTab(FxRobot robot, String id) {
        TabPane tabs = robot.lookup("#detail-tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(
                tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow()));
    }

    @Test
    void aHiddenTabShowsTheCurrentSampleWhenItIsSelected(FxRobot robot) {
        show(robot, 29);
        selectTab(robot, "raw-json-tab");
        TextArea raw = robot.lookup("#raw-json").queryAs(TextArea.class);
        assertEquals(demo.sourceText(29), fx(raw::getText));
        selectTab(robot, "conversation-tab");
        show(robot, 28);
        show(robot, 15);
        selectTab(robot, "raw-json-tab");
        assertEquals(demo.sourceText(15), fx(raw::getText), "filled with the sample shown while the tab was hidden");
        selectTab(robot, "problems-tab");
        @SuppressWarnings("unchecked")
        ListView<Problem> list = robot.lookup("#problems-list").queryAs(ListView.class);
        show(robot, 1);
        assertEquals(ProblemKind.DUPLICATE_ID, fx(() -> list.getItems().get(0).kind()), "the selected tab follows the sample");
        selectTab(robot, "metadata-tab");
        show(robot, 17);
        selectTab(robot, "problems-tab");
        assertEquals(fx(() -> model.getSample().problems()), fx(() -> List.copyOf(list.getItems())));
    }

    private static Tab problemsTab(TabPane tabs) {
        return tabs.getTabs().stream().filter(t -> "problems-tab".equals(t.getId())).findFirst().orElseThrow();
    }

    @Test
    void theRawJsonIsTheSourceTextExactly(FxRobot robot) {
        selectTab(robot, "raw-json-tab");
        for (int record : new int[] {29, 28, 15}) {
            show(robot, record);
            TextArea raw = robot.lookup("#raw-json").queryAs(TextArea.class);
            assertEquals(demo.sourceText(record), fx(raw::getText), "record " + record);
            assertFalse(raw.isEditable());
        }
    }

    @Test
    void zoomOneToOneAndFitChangeTheScale(FxRobot robot) throws Exception {
        show(robot, 0);
        awaitImageState(ImageState.OK);
        ImageViewer viewer = robot.lookup("#image-viewer").queryAs(ImageViewer.class);
        WaitForAsyncUtils.waitForFxEvents();
        double fitted = fx(viewer::getScale);
        assertTrue(fx(viewer::isFitting));

        robot.clickOn("#zoom-in");
        assertEquals(fitted * ImageViewer.ZOOM_STEP, fx(viewer::getScale), 1e-9);
        assertFalse(fx(viewer::isFitting));

        robot.clickOn("#zoom-actual");
        assertEquals(1.0, fx(viewer::getScale), 1e-9);

        robot.clickOn("#zoom-out");
        assertEquals(1 / ImageViewer.ZOOM_STEP, fx(viewer::getScale), 1e-9);

        robot.clickOn("#zoom-fit");
        assertEquals(fitted, fx(viewer::getScale), 1e-9);
        assertTrue(fx(viewer::isFitting));

        robot.clickOn(viewer).type(KeyCode.EQUALS);
        assertEquals(fitted * ImageViewer.ZOOM_STEP, fx(viewer::getScale), 1e-9);
        robot.type(KeyCode.DIGIT1);
        assertEquals(1.0, fx(viewer::getScale), 1e-9);
        robot.type(KeyCode.F);
        assertEquals(fitted, fx(viewer::getScale), 1e-9);
    }

    @Test
    void draggingPansAZoomedImage(FxRobot robot) throws Exception {
        show(robot, 0);
        awaitImageState(ImageState.OK);
        ImageViewer viewer = robot.lookup("#image-viewer").queryAs(ImageViewer.class);
        robot.interact(() -> {
            viewer.actualSize();
            for (int i = 0; i < 5; i++) {
                viewer.zoomIn(); // well beyond the area, so that there is room to pan both ways
            }
        });
        ImageView image = robot.lookup("#image-view").queryAs(ImageView.class);
        double before = fx(image::getLayoutX);
        robot.drag(viewer).dropBy(-60, 0);
        assertEquals(before - 60, fx(image::getLayoutX), 1.0);
    }
}
