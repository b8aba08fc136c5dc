package org.llavainspector.ui.prompts;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.image.Image;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.llavainspector.core.image.ImageFinder;
import org.llavainspector.core.image.ImageSources;
import org.llavainspector.core.image.ImageStatus;
import org.llavainspector.core.image.LoadedImage;
import org.llavainspector.core.prompts.CaptionBoxes;
import org.llavainspector.core.prompts.CaptionBoxesFile;
import org.llavainspector.core.prompts.PromptSet;
import org.llavainspector.ui.ImageService;
import org.llavainspector.ui.common.Background;
import org.llavainspector.ui.common.FxImages;

/**
 * LLaVA's captions-and-boxes files ({@code caps_boxes_coco2014_val_80.jsonl}): the entries on the left; on the right
 * an entry's captions and its instance boxes drawn over its image when the open image sources hold it, else over a
 * blank normalized canvas with a note saying so.
 */
public final class CaptionBoxesView extends BorderPane {
    /** The note shown when the entry's image is not in the open sources. */
    public static final String NOT_FOUND = "image not found in the open sources";

    /** Where the images come from: the app's open image sources. */
    public interface Images {
        /** The dataset path under which the sources hold {@code image}, if any; called off the FX thread. */
        Optional<String> find(String image);

        /** Loads the image at a dataset path {@link #find} returned. */
        CompletableFuture<LoadedImage> load(String path);

        /** No sources: every image is "not found". */
        Images NONE = new Images() {
            @Override
            public Optional<String> find(String image) {
                return Optional.empty();
            }

            @Override
            public CompletableFuture<LoadedImage> load(String path) {
                return CompletableFuture.completedFuture(LoadedImage.failure(path, ImageStatus.MISSING,
                        "no image source", org.llavainspector.core.image.ImageFormat.UNKNOWN));
            }
        };

        /** The current sources of the app's image service, searched by path or file name (see {@link ImageFinder}). */
        static Images of(ImageService service) {
            return new Images() {
                private ImageSources searched;
                private ImageFinder finder;

                @Override
                public synchronized Optional<String> find(String image) {
                    ImageSources now = service.sources();
                    if (now != searched) {
                        searched = now;
                        finder = new ImageFinder(now);
                    }
                    return finder.find(image);
                }

                @Override
                public CompletableFuture<LoadedImage> load(String path) {
                    return service.full(path);
                }
            };
        }
    }

    private final Images images;
    private final Executor executor;
    private final Label fileLabel = new Label("No captions file open.");
    private final ListView<CaptionBoxes> list = new ListView<>();
    private final Label title = new Label();
    private final Label note = new Label();
    private final TextArea captions = new TextArea();
    private final PromptBoxPane boxes = new PromptBoxPane();
    private Path file;
    /** Which selection the image being loaded is for; a newer selection makes older loads stale. */
    private int generation;

    public CaptionBoxesView(Images images, Executor executor) {
        this.images = images == null ? Images.NONE : images;
        this.executor = executor;
        setId("caps-boxes-view");
        getStyleClass().addAll("prompt-browser", "caps-boxes-view");
        getStylesheets().add(PromptBrowserView.stylesheet());

        Button open = new Button("Open captions file…", new FontIcon("mdal-folder_open"));
        open.setId("caps-open");
        open.setOnAction(e -> choose());
        fileLabel.setId("caps-file");
        fileLabel.getStyleClass().add("prompt-subtitle");
        HBox top = new HBox(8, open, fileLabel);
        top.setPadding(new Insets(6, 8, 6, 8));
        top.getStyleClass().add("caps-toolbar");
        setTop(top);

        list.setId("caps-list");
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(CaptionBoxes item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null
                        : (item.id() == null ? item.image() : item.id()) + "  ·  " + item.instances().size() + " boxes");
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, entry) -> show(entry));

        title.setId("caps-title");
        title.getStyleClass().add("prompt-title");
        note.setId("caps-note");
        note.getStyleClass().add("prompt-subtitle");
        captions.setId("caps-captions");
        captions.setEditable(false);
        captions.setWrapText(true);
        captions.setPrefRowCount(5);
        boxes.setId("caps-box-canvas");
        Label capsTitle = new Label("Captions");
        capsTitle.getStyleClass().add("prompt-subtitle");
        VBox detail = new VBox(6, title, note, boxes, capsTitle, captions);
        detail.getStyleClass().add("prompt-section");
        VBox.setVgrow(boxes, Priority.ALWAYS);

        SplitPane split = new SplitPane(list, detail);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.25);
        SplitPane.setResizableWithParent(list, false);
        setCenter(split);
        show(null);
    }

    /** Reads {@code captionsFile} in the background and shows its entries (the first one selected). */
    public void open(Path captionsFile) {
        fileLabel.setText("Reading " + captionsFile.getFileName() + "…");
        Background.task(() -> CaptionBoxesFile.read(captionsFile))
                .onSuccess(entries -> setEntries(captionsFile, entries))
                .onError(e -> fileLabel.setText("Cannot open the captions file: "
                        + PromptSet.describe(e instanceof Exception ex ? ex : new RuntimeException(e))))
                .start(executor);
    }

    /** Shows entries already read from {@code source}. */
    public void setEntries(Path source, List<CaptionBoxes> entries) {
        file = source;
        fileLabel.setText(source.getFileName() + " · " + entries.size() + " entries");
        list.getItems().setAll(entries);
        if (!entries.isEmpty()) {
            list.getSelectionModel().select(0);
        }
    }

    /** Selects entry {@code index}. */
    public void select(int index) {
        list.getSelectionModel().select(index);
    }

    public PromptBoxPane boxPane() {
        return boxes;
    }

    /** The note about the image ("" when it is drawn). */
    public String note() {
        return note.getText();
    }

    private void choose() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a captions-and-boxes file (caps_boxes_*.jsonl)");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("JSON Lines", "*.jsonl"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        if (file != null && file.toAbsolutePath().getParent() != null) {
            chooser.setInitialDirectory(file.toAbsolutePath().getParent().toFile());
        }
        java.io.File chosen = chooser.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (chosen != null) {
            open(chosen.toPath());
        }
    }

    private void show(CaptionBoxes entry) {
        int mine = ++generation;
        if (entry == null) {
            title.setText("Open a captions file and pick an entry.");
            note.setText("");
            captions.setText("");
            boxes.show(List.of(), null);
            return;
        }
        title.setText(entry.image() + (entry.id() == null ? "" : "  ·  id " + entry.id()));
        captions.setText(String.join("\n", entry.captions()));
        boxes.show(entry.instances(), null);
        note.setText("Looking for " + entry.image() + "…");
        Background.task(() -> images.find(entry.image()).map(path -> images.load(path).join()).orElse(null))
                .onSuccess(loaded -> {
                    if (mine != generation) {
                        return;
                    }
                    Image image = FxImages.toFx(loaded);
                    if (loaded == null) {
                        note.setText(NOT_FOUND + " (boxes drawn on a blank normalized canvas)");
                    } else if (image == null) {
                        note.setText("the image could not be read: " + loaded.message());
                    } else {
                        note.setText("");
                        boxes.show(entry.instances(), image);
                    }
                })
                .onError(e -> {
                    if (mine == generation) {
                        note.setText("the image could not be loaded: " + e.getMessage());
                    }
                })
                .start(executor);
    }
}
