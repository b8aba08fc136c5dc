package org.llavainspector.core.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.llavainspector.core.dataset.SampleRecord;
import org.llavainspector.core.dataset.Turn;

/**
 * Two records side by side for reading: the id, the images, each turn (the n-th of A beside the n-th of B) and
 * every other field, one row each, marked where the two sides differ. Values are compared as parsed JSON, so
 * whitespace and field order are not differences.
 */
public final class RecordDiff {
    /** A missing value on one side (a turn or field the other side has). */
    public static final String ABSENT = "(absent)";

    private RecordDiff() {
    }

    /** One row: what it shows ({@code id}, {@code image}, {@code turn 2}, a field name) and each side's text. */
    public record Row(String label, String a, String b, boolean differs) {
    }

    /** The rows of {@code a} beside {@code b}, in the order id, image, turns, other fields (A's order, then B's). */
    public static List<Row> of(SampleRecord a, SampleRecord b) {
        List<Row> rows = new ArrayList<>();
        rows.add(field("id", a, b));
        rows.add(field("image", a, b));
        List<Turn> ta = a.turns();
        List<Turn> tb = b.turns();
        for (int i = 0; i < Math.max(ta.size(), tb.size()); i++) {
            Turn x = i < ta.size() ? ta.get(i) : null;
            Turn y = i < tb.size() ? tb.get(i) : null;
            rows.add(new Row("turn " + (i + 1), turnText(x), turnText(y), !Objects.equals(x, y)));
        }
        Set<String> others = new LinkedHashSet<>(a.fieldNames());
        others.addAll(b.fieldNames());
        others.removeAll(List.of("id", "image", "conversations"));
        for (String name : others) {
            rows.add(field(name, a, b));
        }
        return rows;
    }

    private static Row field(String name, SampleRecord a, SampleRecord b) {
        JsonNode x = a.field(name);
        JsonNode y = b.field(name);
        return new Row(name, fieldText(x), fieldText(y), !Objects.equals(x, y));
    }

    private static String fieldText(JsonNode value) {
        if (value == null) {
            return ABSENT;
        }
        return value.isTextual() ? value.textValue() : value.toString();
    }

    private static String turnText(Turn turn) {
        if (turn == null) {
            return ABSENT;
        }
        return turn.from() + ": " + (turn.value() == null ? "" : turn.value());
    }

    /** How many rows differ. */
    public static long differences(List<Row> rows) {
        return rows.stream().filter(Row::differs).count();
    }
}
