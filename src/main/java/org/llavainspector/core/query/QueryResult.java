package org.llavainspector.core.query;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The records of {@code [from, end)} that match a query, as a sorted int array (4 bytes per match): what a filtered
 * list view shows, row k being record {@link #record(int) record(k)}.
 */
public final class QueryResult {
    private final Query query;
    private final int from;
    private final int end;
    private final int[] records;

    QueryResult(Query query, int from, int end, int[] records) {
        this.query = query;
        this.from = from;
        this.end = end;
        this.records = records;
    }

    public Query query() {
        return query;
    }

    /** First record searched. */
    public int from() {
        return from;
    }

    /** One past the last record searched: a growing index is searched further from here ({@link QueryEngine#extend}). */
    public int end() {
        return end;
    }

    /** Number of matching records. */
    public int count() {
        return records.length;
    }

    /** The k-th matching record (0-based, in file order). */
    public int record(int k) {
        return records[k];
    }

    /** The matching records in file order (a copy). */
    public int[] records() {
        return records.clone();
    }

    public boolean contains(int record) {
        return Arrays.binarySearch(records, record) >= 0;
    }

    /** The position of record among the matches (its row in a filtered list), or -1 when it does not match. */
    public int rowOf(int record) {
        int at = Arrays.binarySearch(records, record);
        return at < 0 ? -1 : at;
    }

    /** The matches as a bit set indexed by record number. */
    public BitSet toBitSet() {
        BitSet bits = new BitSet(end);
        for (int r : records) {
            bits.set(r);
        }
        return bits;
    }

    /** This result followed by {@code next}, which must be of the same query and start where this one ends. */
    public QueryResult append(QueryResult next) {
        if (next.query != query || next.from != end) {
            throw new IllegalArgumentException("cannot append the result of [" + next.from + ", " + next.end
                    + ") to that of [" + from + ", " + end + ")" + (next.query != query ? " of another query" : ""));
        }
        if (next.records.length == 0) {
            return new QueryResult(query, from, next.end, records);
        }
        int[] all = Arrays.copyOf(records, records.length + next.records.length);
        System.arraycopy(next.records, 0, all, records.length, next.records.length);
        return new QueryResult(query, from, next.end, all);
    }

    @Override
    public String toString() {
        return count() + " of records [" + from + ", " + end + ") match " + query.text();
    }
}
