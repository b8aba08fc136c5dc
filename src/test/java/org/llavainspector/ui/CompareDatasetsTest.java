package org.llavainspector.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.llavainspector.core.compare.PlantedDatasets;
import org.llavainspector.ui.insight.CompareView;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Insight ▸ Compare with… on the planted pair of files (A: a b c d rep rep e f g; B: rep a d n rep b e f2 g), both
 * open in the main window: each category button filters the browser to exactly its samples of A and B.
 */
@ExtendWith(ApplicationExtension.class)
class CompareDatasetsTest {
    private AppContext context;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("compare");
        context = new AppContext(dir.resolve("sessions"));
        window = new MainWindow(stage, context, null);
        stage.show();
        window.model().open(List.of(PlantedDatasets.a(dir), PlantedDatasets.b(dir)), List.of(), List.of());
        window.view().requestFocus();
    }

    @AfterEach
    void close() throws Exception {
        org.testfx.api.FxToolkit.cleanupStages();
        WaitForAsyncUtils.waitForFxEvents();
        context.close();
    }

    /** Opens the comparison of the two open files through the menu and the choice of B; waits for its result. */
    private void compare(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.model().visibleSamples().size() == 18
                && window.model().indexingCompleteProperty().get());
        robot.interact(() -> menuItem(robot, "menu-compare").fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#compare-choice").tryQuery().isPresent());
        DialogPane choice = robot.lookup("#compare-choice").queryAs(DialogPane.class);
        assertTrue(choice.getHeaderText().contains("a.json"), choice.getHeaderText());
        robot.interact(() -> ((javafx.scene.control.Button) choice.lookupButton(ButtonType.OK)).fire());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#compare-changed-a").tryQuery().isPresent()
                && "2".equals(robot.lookup("#compare-changed-a").queryAs(Label.class).getText()));
    }

    private static MenuItem menuItem(FxRobot robot, String id) {
        return robot.lookup("#menu-bar").queryAs(MenuBar.class).getMenus().stream()
                .flatMap(m -> m.getItems().stream()).filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    private void waitForShown(List<Integer> samples) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.model().visibleSamples().equals(samples));
    }

    private String shownIds() {
        return window.model().visibleSamples().stream().map(window.model()::idOf).collect(Collectors.joining(" "));
    }

    private static String filterText(FxRobot robot) {
        return robot.lookup("#filter-field").queryAs(TextField.class).getText();
    }

    @Test
    void aCategoryButtonShowsExactlyItsSamplesOfBothFiles(FxRobot robot) throws Exception {
        compare(robot);
        assertEquals("2", robot.lookup("#compare-changed-b").queryAs(Label.class).getText());
        assertEquals("5", robot.lookup("#compare-same-a").queryAs(Label.class).getText());
        assertEquals("0", robot.lookup("#compare-only-b-a").queryAs(Label.class).getText());

        robot.clickOn("#compare-changed");
        // A's d and e (records 3, 6), then B's d and e (records 2, 6 of B, which starts at sample 9)
        waitForShown(List.of(3, 6, 11, 15));
        assertEquals("d e d e", shownIds());
        assertEquals("cmp:changed", filterText(robot));

        robot.clickOn("#compare-only-b");
        waitForShown(List.of(12, 16));
        assertEquals("n f2", shownIds());

        robot.clickOn("#compare-moved");
        waitForShown(List.of(7, 16));
        assertEquals("f f2", shownIds());

        // the categories are ordinary query fields: they combine with the rest of the language
        robot.interact(() -> robot.lookup("#filter-field").queryAs(TextField.class).setText("cmp:only-a -cmp:moved"));
        waitForShown(List.of(2));
        assertEquals("c", shownIds());
    }

    @Test
    void aChangedPairIsShownSideBySideWithItsDifferenceMarked(FxRobot robot) throws Exception {
        compare(robot);
        @SuppressWarnings("unchecked")
        ListView<Object> pairs = robot.lookup("#compare-pairs").queryAs(ListView.class);
        assertEquals(2, pairs.getItems().size(), "the changed pairs are listed first");
        robot.interact(() -> pairs.getSelectionModel().select(0));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.lookup("." + CompareView.DIFFERS).queryAll().isEmpty());
        List<String> marked = robot.lookup("." + CompareView.DIFFERS).queryAll().stream()
                .map(n -> ((Label) n).getText()).toList();
        assertEquals(List.of("turn 2", "gpt: ans d", "gpt: a better answer d"), marked);
        assertTrue(robot.lookup(".compare-cell").queryAll().stream().map(n -> ((Label) n).getText())
                .anyMatch("human: q d"::equals), "unchanged turns are shown too");
    }

    @Test
    void theExportButtonFiltersAndOffersExactlyTheCategory(FxRobot robot) throws Exception {
        compare(robot);
        robot.clickOn("#compare-export-only-a");
        waitForShown(List.of(2, 7));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#export-what").tryQuery().isPresent());
        ChoiceBox<?> what = robot.lookup("#export-what").queryAs(ChoiceBox.class);
        assertEquals("the 2 samples shown", what.getItems().get(0));
        Node pane = robot.lookup("#export-what").query();
        robot.interact(() -> pane.getScene().getWindow().hide());
    }

    @Test
    void cancellingARunLeavesNoResultAndTheFieldsOfTheLastOne(FxRobot robot) throws Exception {
        compare(robot);
        CompareView view = robot.lookup("#compare-view").queryAs(CompareView.class);
        var before = window.model().comparisonProperty().get();
        robot.interact(() -> {
            view.model().start();
            view.model().cancel();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, view.model().resultProperty().get());
        assertEquals("Cancelled", view.model().messageProperty().get());
        assertEquals(false, view.model().runningProperty().get());
        assertTrue(robot.lookup("#compare-categories").query().isDisabled());
        assertTrue(before == window.model().comparisonProperty().get(), "cmp: still answers from the last result");
        robot.clickOn("#compare-restart");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> view.model().resultProperty().get() != null);
        assertTrue(before != window.model().comparisonProperty().get());
    }

    @Test
    void aFileThatCannotBeReadGivesOneLineNamingIt(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.model().visibleSamples().size() == 18);
        Path broken = org.llavainspector.TestFiles.write(Files.createTempDirectory("broken"), "broken.json",
                "[{\"id\": \"a\",");
        robot.interact(() -> window.model().open(List.of(broken), List.of(), List.of()));
        robot.interact(() -> menuItem(robot, "menu-compare").fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#compare-choice").tryQuery().isPresent());
        DialogPane choice = robot.lookup("#compare-choice").queryAs(DialogPane.class);
        javafx.scene.control.ComboBox<?> files = (javafx.scene.control.ComboBox<?>) choice.lookup(".combo-box");
        assertEquals(3, files.getItems().size(), "b.jsonl, broken.json, another file");
        robot.interact(() -> {
            files.getSelectionModel().select(1);
            ((javafx.scene.control.Button) choice.lookupButton(ButtonType.OK)).fire();
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#compare-message").tryQuery().isPresent()
                && robot.lookup("#compare-message").queryAs(Label.class).getText().startsWith("Comparison failed"));
        String message = robot.lookup("#compare-message").queryAs(Label.class).getText();
        assertTrue(message.startsWith("Comparison failed: ") && message.contains("broken.json:1:"), message);
        assertEquals(1, message.lines().count());
        assertTrue(robot.lookup("#compare-categories").query().isDisabled());
    }

    @Test
    void beforeAComparisonTheFieldSaysWhatToDo(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.model().visibleSamples().size() == 18);
        robot.interact(() -> robot.lookup("#filter-field").queryAs(TextField.class).setText("cmp:same"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#match-count").queryAs(Label.class)
                .getText().contains("Compare with"));
        assertEquals(18, window.model().visibleSamples().size());
    }
}
