package org.llavainspector.ui.detail;

import java.util.List;
import javafx.application.HostServices;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.llavainspector.core.validate.Problem;
import org.llavainspector.core.validate.ProblemKind;

/**
 * The detail pane of one sample: a header (id, file and record, image paths), the image viewer, and tabs for the
 * conversation, metadata, validation problems and the raw JSON of the record. It shows what its
 * {@link DetailViewModel} holds; the main window calls {@link DetailViewModel#show}.
 */
public final class DetailView extends BorderPane {
    /** Wider than this many times its height, the image sits beside the tabs; else above them. */
    private static final double SIDE_BY_SIDE_ASPECT = 1.1;

    private final DetailViewModel model;
    private final Label idLabel = new Label();
    private final Label sourceLabel = new Label();
    private final Button problemsBadge = new Button();
    private final FlowPane imagePaths = new FlowPane();
    private final ToggleGroup imageToggles = new ToggleGroup();
    /** Where the image paths are, for a sample without an image. */
    private final Label textOnly = textOnlyBadge();
    private final ImageViewer viewer = new ImageViewer();
    private final ConversationView conversation = new ConversationView();
    private final MetadataView metadata = new MetadataView();
    private final ProblemsView problems = new ProblemsView();
    private final TextArea rawJson = new TextArea();
    private final TabPane tabs = new TabPane();
    private final Tab problemsTab;
    private final Tab metadataTab;
    private final Tab rawJsonTab;
    /**
     * The sample each of the metadata, problems and raw JSON tabs was last filled with: a tab is filled when it is
     * selected, so that a sample shown costs the FX thread only what is on screen (a hidden list still makes cells).
     */
    private final java.util.Map<Tab, SampleDetail> filledWith = new java.util.HashMap<>();
    private final SplitPane split = new SplitPane();
    /** A text-only sample gives the viewer's half of the pane to its conversation (the header's badge says why). */
    private final ViewerSlot viewerSlot;
    /** Held here and registered weakly, so that a view-model outliving this view does not keep it alive. */
    private final ChangeListener<SampleDetail> onSample = (obs, old, now) -> showSample(now);
    private final ChangeListener<Number> onSelectedImage = (obs, old, now) -> selectToggle(now.intValue());

    public DetailView(DetailViewModel model) {
        this.model = model;
        setId("detail-view");
        getStyleClass().add("detail-view");
        getStylesheets().add(DetailView.class.getResource("detail.css").toExternalForm());

        setTop(buildHeader());

        rawJson.setId("raw-json");
        rawJson.getStyleClass().add("raw-json");
        rawJson.setEditable(false);
        rawJson.setWrapText(false);

        tabs.setId("detail-tabs");
        tabs.getStyleClass().add("detail-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        problemsTab = tab("problems-tab", "Problems (0)", Material2MZ.WARNING, problems);
        metadataTab = tab("metadata-tab", "Metadata", Material2AL.INFO, metadata);
        rawJsonTab = tab("raw-json-tab", "Raw JSON", Material2AL.CODE, rawJson);
        tabs.getTabs().addAll(tab("conversation-tab", "Conversation", Material2AL.FORUM, conversation), metadataTab,
                problemsTab, rawJsonTab);
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> fillSelectedTab());

        split.setId("detail-split");
        split.getStyleClass().add("detail-split");
        split.getItems().addAll(viewer, tabs);
        viewerSlot = new ViewerSlot(split, viewer, 0.5);
        setCenter(split);
        widthProperty().addListener((obs, old, now) -> chooseOrientation());
        heightProperty().addListener((obs, old, now) -> chooseOrientation());

        viewer.showImageOf(model);
        conversation.showConversationOf(model);

        model.sampleProperty().addListener(new WeakChangeListener<>(onSample));
        model.selectedImageProperty().addListener(new WeakChangeListener<>(onSelectedImage));
        showSample(model.getSample());
    }

    private VBox buildHeader() {
        idLabel.setId("detail-id");
        idLabel.getStyleClass().add("detail-id");
        sourceLabel.setId("detail-source");
        sourceLabel.getStyleClass().add("detail-source");
        problemsBadge.setId("problems-badge");
        problemsBadge.getStyleClass().add("problems-badge");
        problemsBadge.setGraphic(new FontIcon(Material2MZ.WARNING));
        problemsBadge.setOnAction(e -> tabs.getSelectionModel().select(problemsTab));
        problemsBadge.managedProperty().bind(problemsBadge.visibleProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        // when the pane is narrow the source line gives way: the id and the problems badge stay whole
        idLabel.setMinWidth(Region.USE_PREF_SIZE);
        problemsBadge.setMinWidth(Region.USE_PREF_SIZE);
        sourceLabel.setMinWidth(0);
        HBox titleRow = new HBox(idLabel, sourceLabel, gap, problemsBadge);
        titleRow.getStyleClass().add("detail-title-row");
        titleRow.setAlignment(Pos.BASELINE_LEFT);

        imagePaths.setId("detail-images");
        imagePaths.getStyleClass().add("detail-images");
        imageToggles.selectedToggleProperty().addListener((obs, old, now) -> onToggle(old, now));

        VBox header = new VBox(titleRow, imagePaths);
        header.setId("detail-header");
        header.getStyleClass().add("detail-header");
        return header;
    }

    private static Tab tab(String id, String title, Ikon icon, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        tab.setGraphic(new FontIcon(icon));
        return tab;
    }

    private void showSample(SampleDetail detail) {
        idLabel.setText(detail == null ? "No sample selected" : DetailViewModel.idOf(detail));
        sourceLabel.setText(detail == null ? "" : DetailViewModel.sourceLine(detail) + " · sample " + detail.sample());
        showImagePaths(detail == null ? List.of() : detail.images(), detail != null);
        viewerSlot.show(detail == null || !detail.images().isEmpty());
        List<Problem> found = detail == null ? List.of() : detail.problems();
        problemsTab.setText("Problems (" + found.size() + ")");
        boolean errors = found.stream().anyMatch(p -> p.kind().severity() == ProblemKind.Severity.ERROR);
        problemsTab.getStyleClass().removeAll("tab-has-errors", "tab-has-notices");
        if (!found.isEmpty()) {
            problemsTab.getStyleClass().add(errors ? "tab-has-errors" : "tab-has-notices");
        }
        problemsBadge.setVisible(!found.isEmpty());
        problemsBadge.setText(found.size() == 1 ? "1 problem" : found.size() + " problems");
        problemsBadge.getStyleClass().removeAll("badge-error", "badge-notice");
        problemsBadge.getStyleClass().add(errors ? "badge-error" : "badge-notice");
        fillSelectedTab();
    }

    /** Fills the selected tab with the sample shown, unless it already holds it (see {@link #filledWith}). */
    private void fillSelectedTab() {
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        SampleDetail detail = model.getSample();
        if (tab == null || (tab != metadataTab && tab != problemsTab && tab != rawJsonTab)
                || (filledWith.containsKey(tab) && filledWith.get(tab) == detail)) {
            return;
        }
        filledWith.put(tab, detail);
        if (tab == metadataTab) {
            metadata.show(detail);
        } else if (tab == problemsTab) {
            problems.getItems().setAll(detail == null ? List.of() : detail.problems());
        } else {
            rawJson.setText(detail == null || detail.rawJson() == null ? "" : detail.rawJson());
            rawJson.positionCaret(0);
            rawJson.setScrollTop(0);
        }
    }

    private static Label textOnlyBadge() {
        Label badge = new Label("text-only", new FontIcon(Material2MZ.TEXT_SNIPPET));
        badge.setId("text-only-badge");
        badge.getStyleClass().add("text-only-badge");
        return badge;
    }

    private void showImagePaths(List<String> paths, boolean hasSample) {
        if (paths.isEmpty()) {
            imageToggles.getToggles().clear();
            imagePaths.getChildren().setAll(hasSample ? List.of(textOnly) : List.of());
            return;
        }
        // the toggles of the sample before are used again when there are as many (one, mostly): a new one is a new
        // control with its skin and CSS, on every J
        boolean reuse = imagePaths.getChildren().size() == paths.size()
                && imagePaths.getChildren().stream().allMatch(ToggleButton.class::isInstance);
        if (!reuse) {
            imageToggles.getToggles().clear();
            imagePaths.getChildren().clear();
        }
        for (int k = 0; k < paths.size(); k++) {
            String text = paths.size() > 1 ? (k + 1) + "  " + paths.get(k) : paths.get(k);
            if (reuse) {
                ((ToggleButton) imagePaths.getChildren().get(k)).setText(text);
                continue;
            }
            ToggleButton toggle = new ToggleButton(text, new FontIcon(Material2AL.IMAGE));
            toggle.setId("image-path-" + k);
            toggle.setMnemonicParsing(false); // paths hold underscores (GCC_train_...)
            toggle.getStyleClass().add("image-path");
            toggle.setFocusTraversable(false); // as the conversation's image chips: the keys stay with the window
            toggle.setUserData(k);
            toggle.setToggleGroup(imageToggles);
            imagePaths.getChildren().add(toggle);
        }
        selectToggle(model.getSelectedImage());
    }

    private void onToggle(Toggle old, Toggle now) {
        if (now == null) {
            // a click on the selected path deselects it; one image is always shown
            if (old != null && imageToggles.getToggles().contains(old)) {
                imageToggles.selectToggle(old);
            }
            return;
        }
        model.selectImage((Integer) now.getUserData());
    }

    private void selectToggle(int index) {
        for (Toggle t : imageToggles.getToggles()) {
            if ((Integer) t.getUserData() == index) {
                imageToggles.selectToggle(t);
            }
        }
    }

    private void chooseOrientation() {
        if (getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        Orientation wanted = getWidth() >= getHeight() * SIDE_BY_SIDE_ASPECT ? Orientation.HORIZONTAL
                : Orientation.VERTICAL;
        if (split.getOrientation() != wanted) {
            split.setOrientation(wanted);
            viewerSlot.setDivider(wanted == Orientation.HORIZONTAL ? 0.5 : 0.45);
        }
    }

    /** Lets links in the metadata open in the browser; without them a link click copies the link. */
    public void setHostServices(HostServices services) {
        metadata.setHostServices(services);
    }

    /** The view-model this view shows. */
    public DetailViewModel getModel() {
        return model;
    }

    /** The image viewer (e.g. to give it the focus for its zoom keys). */
    public ImageViewer getImageViewer() {
        return viewer;
    }
}
