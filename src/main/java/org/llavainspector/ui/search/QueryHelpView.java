package org.llavainspector.ui.search;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.parser.Parser;

/**
 * The query language's help ({@code query-help.md}, the same text as in README) as a reader sees it: headings,
 * paragraphs with the query syntax set in code type, the table of terms as a grid and the details as a list. The
 * Markdown is parsed by commonmark-java; this view only lays out what it found.
 */
final class QueryHelpView extends ScrollPane {
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    QueryHelpView(String markdown) {
        setId("query-help-view");
        getStyleClass().add("query-help");
        VBox page = new VBox(10);
        page.getStyleClass().add("query-help-page");
        for (Node block = PARSER.parse(markdown).getFirstChild(); block != null; block = block.getNext()) {
            page.getChildren().add(block(block));
        }
        setContent(page);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
    }

    private static javafx.scene.Node block(Node block) {
        if (block instanceof Heading heading) {
            Label title = new Label(plainText(heading));
            title.getStyleClass().add("query-help-title");
            return title;
        }
        if (block instanceof TableBlock table) {
            return table(table);
        }
        if (block instanceof BulletList list) {
            VBox items = new VBox(4);
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                Text bullet = new Text("•");
                bullet.getStyleClass().add("query-help-text");
                TextFlow text = flow(item instanceof ListItem && item.getFirstChild() != null ? item.getFirstChild() : item);
                HBox.setHgrow(text, Priority.ALWAYS);
                items.getChildren().add(new HBox(8, bullet, text));
            }
            return items;
        }
        return flow(block); // a paragraph, or anything else as its text
    }

    /** The table of terms: what to write (code) beside what it keeps; the header row in bold. */
    private static GridPane table(TableBlock table) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("query-help-table");
        ColumnConstraints write = new ColumnConstraints();
        write.setPercentWidth(40);
        ColumnConstraints keeps = new ColumnConstraints();
        keeps.setPercentWidth(60);
        grid.getColumnConstraints().setAll(write, keeps);
        int row = 0;
        for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
            for (Node r = part.getFirstChild(); r != null; r = r.getNext()) {
                if (!(r instanceof TableRow)) {
                    continue;
                }
                int column = 0;
                for (Node cell = r.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell) {
                        TextFlow text = flow(cell);
                        text.getStyleClass().add(part instanceof TableHead ? "query-help-head" : "query-help-cell");
                        grid.add(text, column++, row);
                    }
                }
                row++;
            }
        }
        return grid;
    }

    /** Inline text: code spans in code type, emphasis kept, line breaks inside a paragraph as spaces. */
    private static TextFlow flow(Node parent) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("query-help-flow");
        inlines(parent, flow, "");
        return flow;
    }

    private static void inlines(Node parent, TextFlow flow, String style) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.node.Text t) {
                add(flow, t.getLiteral(), style.isEmpty() ? "query-help-text" : style);
            } else if (n instanceof Code code) {
                add(flow, code.getLiteral(), "query-help-code");
            } else if (n instanceof SoftLineBreak) {
                add(flow, " ", "query-help-text");
            } else if (n instanceof HardLineBreak) {
                add(flow, "\n", "query-help-text");
            } else if (n instanceof StrongEmphasis || n instanceof Emphasis) {
                inlines(n, flow, n instanceof StrongEmphasis ? "query-help-strong" : "query-help-emphasis");
            } else {
                inlines(n, flow, style);
            }
        }
    }

    private static void add(TextFlow flow, String text, String style) {
        Text t = new Text(text);
        t.getStyleClass().add(style);
        flow.getChildren().add(t);
    }

    private static String plainText(Node node) {
        StringBuilder sb = new StringBuilder();
        for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.node.Text t) {
                sb.append(t.getLiteral());
            } else if (n instanceof Code c) {
                sb.append(c.getLiteral());
            } else {
                sb.append(plainText(n));
            }
        }
        return sb.toString();
    }
}
