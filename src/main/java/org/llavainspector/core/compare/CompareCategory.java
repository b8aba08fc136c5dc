package org.llavainspector.core.compare;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** One outcome of a {@link DatasetComparison} for a record, named as the value of the {@code cmp:} query field. */
public enum CompareCategory {
    /** Same key, same conversation and fields. */
    SAME("same", "same"),
    /** Same key, but the conversation or another field differs. */
    CHANGED("changed", "changed"),
    /** A record of A without a partner under the same key in B (moved ones included). */
    ONLY_A("only-a", "only in A"),
    /** A record of B without a partner under the same key in A (moved ones included). */
    ONLY_B("only-b", "only in B"),
    /** Unmatched, but the same conversation is in the other file under another key. */
    MOVED("moved", "same conversation, other key");

    private final String value;
    private final String label;

    CompareCategory(String value, String label) {
        this.value = value;
        this.label = label;
    }

    /** The query value: {@code cmp:VALUE}. */
    public String value() {
        return value;
    }

    /** A short description for people. */
    public String label() {
        return label;
    }

    /** The query selecting this category, e.g. {@code cmp:only-a}. */
    public String query() {
        return ComparisonQueryFields.FIELD + ":" + value;
    }

    /** True for the categories made of pairs (a record of A with one of B): same, changed, moved. */
    public boolean paired() {
        return this == SAME || this == CHANGED || this == MOVED;
    }

    /** The category with this query value (case ignored). */
    public static CompareCategory parse(String text) {
        String v = text.strip().toLowerCase(Locale.ROOT);
        for (CompareCategory c : values()) {
            if (c.value.equals(v)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown '" + ComparisonQueryFields.FIELD + ":" + text + "' (known: "
                + Arrays.stream(values()).map(CompareCategory::value).collect(Collectors.joining(", ")) + ")");
    }
}
