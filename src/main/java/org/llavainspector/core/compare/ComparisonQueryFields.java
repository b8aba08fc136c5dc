package org.llavainspector.core.compare;

import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.llavainspector.core.query.QueryFields;
import org.llavainspector.core.query.RecordPredicate;

/**
 * The result of comparing file A with file B of a collection as the query field {@code cmp:same|changed|only-a|
 * only-b|moved}, resolved per file: a record of A and its partner in B are both {@code cmp:changed}; the records of
 * any other file match no category. Immutable, so its tests may run on several threads at once.
 */
public final class ComparisonQueryFields {
    /** The query field's name. */
    public static final String FIELD = "cmp";

    private final DatasetComparison comparison;
    private final int fileA;
    private final int fileB;
    private final Map<CompareCategory, BitSet> inA = new EnumMap<>(CompareCategory.class);
    private final Map<CompareCategory, BitSet> inB = new EnumMap<>(CompareCategory.class);

    /** {@code fileA} and {@code fileB} are the positions of the compared files in the collection (they differ). */
    public ComparisonQueryFields(DatasetComparison comparison, int fileA, int fileB) {
        if (fileA == fileB) {
            throw new IllegalArgumentException("a file is compared with another one, not with itself");
        }
        this.comparison = comparison;
        this.fileA = fileA;
        this.fileB = fileB;
        for (CompareCategory c : CompareCategory.values()) {
            inA.put(c, new BitSet());
            inB.put(c, new BitSet());
        }
        pairs(comparison.same(), CompareCategory.SAME);
        pairs(comparison.changed(), CompareCategory.CHANGED);
        pairs(comparison.sameConversationDifferentKey(), CompareCategory.MOVED);
        for (int r : comparison.onlyInA()) {
            inA.get(CompareCategory.ONLY_A).set(r);
        }
        for (int r : comparison.onlyInB()) {
            inB.get(CompareCategory.ONLY_B).set(r);
        }
    }

    private void pairs(List<RecordPair> pairs, CompareCategory category) {
        BitSet a = inA.get(category);
        BitSet b = inB.get(category);
        for (RecordPair p : pairs) {
            a.set(p.a());
            b.set(p.b());
        }
    }

    /** {@code fields} plus {@code cmp:} over the records of collection file {@code file}. */
    public QueryFields addTo(QueryFields fields, int file) {
        return fields.with(FIELD, value -> {
            BitSet members = members(CompareCategory.parse(value), file);
            return (RecordPredicate) members::get;
        });
    }

    /**
     * {@code fields} plus a {@code cmp:} field that rejects every value with {@code reason}, for when no comparison
     * has been made yet: a better message than "unknown field".
     */
    public static QueryFields unavailable(QueryFields fields, String reason) {
        return fields.with(FIELD, value -> {
            throw new IllegalArgumentException(reason);
        });
    }

    private BitSet members(CompareCategory category, int file) {
        if (file == fileA) {
            return inA.get(category);
        }
        return file == fileB ? inB.get(category) : new BitSet();
    }

    /** The record numbers of collection file {@code file} in {@code category}, ascending. */
    public int[] records(CompareCategory category, int file) {
        return members(category, file).stream().toArray();
    }

    /** How many records of A and B together are in {@code category} (a changed pair counts twice). */
    public int count(CompareCategory category) {
        return inA.get(category).cardinality() + inB.get(category).cardinality();
    }

    /** The pairs behind a {@link CompareCategory#paired() paired} category, ordered by A's record; else empty. */
    public List<RecordPair> pairs(CompareCategory category) {
        switch (category) {
            case SAME:
                return comparison.same();
            case CHANGED:
                return comparison.changed();
            case MOVED:
                return comparison.sameConversationDifferentKey();
            default:
                return List.of();
        }
    }

    public DatasetComparison comparison() {
        return comparison;
    }

    /** The position of file A in the collection. */
    public int fileA() {
        return fileA;
    }

    /** The position of file B in the collection. */
    public int fileB() {
        return fileB;
    }
}
