package org.llavainspector.ui.detail;

import java.util.Map;
import javafx.application.HostServices;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The joined metadata of a sample (CC-3M caption, BLIP caption, url, ...) and its other fields, as a two-column grid;
 * links open in the browser when {@link HostServices} were given, else they are copied to the clipboard.
 */
final class MetadataView extends ScrollPane {
    private static final Map<String, String> KNOWN_KEYS = Map.of(
            "caption", "CC-3M caption",
            "blip_caption", "BLIP caption",
            "url", "URL");

    private final GridPane grid = new GridPane();
    private final Label status = new Label();
    private HostServices hostServices;

    MetadataView() {
        getStyleClass().add("metadata-view");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        grid.setId("metadata-grid");
        grid.getStyleClass().add("metadata-grid");
        ColumnConstraints keys = new ColumnConstraints();
        keys.setHalignment(HPos.LEFT);
        keys.setMinWidth(ColumnConstraints.CONSTRAIN_TO_PREF);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        grid.getColumnConstraints().addAll(keys, values);
        status.setId("metadata-status");
        status.getStyleClass().add("metadata-status");
        VBox content = new VBox(grid, status);
        content.getStyleClass().add("metadata-content");
        setContent(content);
    }

    void setHostServices(HostServices services) {
        hostServices = services;
    }

    void show(SampleDetail detail) {
        grid.getChildren().clear();
        status.setText("");
        Map<String, String> metadata = detail == null ? Map.of() : detail.metadata();
        Map<String, String> other = detail == null ? Map.of() : detail.otherFields();
        int row = 0;
        if (!metadata.isEmpty()) {
            row = section(row, "Metadata", metadata);
        }
        if (!other.isEmpty()) {
            row = section(row, "Other fields", other);
        }
        if (row == 0) {
            Label none = new Label(detail == null ? "" : "No metadata for this sample.");
            none.getStyleClass().add("metadata-empty");
            grid.add(none, 0, 0, 2, 1);
        }
    }

    private int section(int row, String title, Map<String, String> fields) {
        Label heading = new Label(title);
        heading.getStyleClass().add("metadata-section");
        grid.add(heading, 0, row++, 2, 1);
        for (Map.Entry<String, String> field : fields.entrySet()) {
            Label key = new Label(KNOWN_KEYS.getOrDefault(field.getKey(), field.getKey()));
            key.getStyleClass().add("metadata-key");
            key.setTooltip(new Tooltip(field.getKey()));
            GridPane.setValignment(key, VPos.TOP);
            grid.add(key, 0, row);
            grid.add(valueNode(field.getKey(), field.getValue()), 1, row);
            row++;
        }
        return row;
    }

    private Node valueNode(String key, String value) {
        String text = value == null ? "" : value;
        if (isLink(text)) {
            Hyperlink link = new Hyperlink(text);
            link.setId("metadata-" + key);
            link.setMnemonicParsing(false);
            link.getStyleClass().add("metadata-link");
            link.setWrapText(true);
            link.setTooltip(new Tooltip(hostServices == null ? "Click to copy the link" : "Open in the browser"));
            link.setOnAction(e -> open(text));
            return link;
        }
        Label label = new Label(text);
        label.setId("metadata-" + key);
        label.getStyleClass().add("metadata-value");
        label.setWrapText(true);
        label.setMaxWidth(Double.MAX_VALUE);
        MenuItem copy = new MenuItem("Copy value");
        copy.setOnAction(e -> copy(text));
        label.setContextMenu(new ContextMenu(copy));
        return label;
    }

    private static boolean isLink(String text) {
        return text.startsWith("https://") || text.startsWith("http://");
    }

    private void open(String url) {
        if (hostServices != null) {
            hostServices.showDocument(url);
            status.setText("Opened in the browser: " + url);
        } else {
            copy(url);
            status.setText("Link copied to the clipboard.");
        }
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
