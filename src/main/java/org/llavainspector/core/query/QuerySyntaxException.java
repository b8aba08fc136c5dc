package org.llavainspector.core.query;

/** A query that cannot be parsed: the message is one line that starts with the 1-based column, {@code column 7: ...}. */
public final class QuerySyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int column;
    private final String reason;

    public QuerySyntaxException(int column, String reason) {
        super("column " + column + ": " + reason);
        this.column = column;
        this.reason = reason;
    }

    /** 1-based column in the query text where the problem is. */
    public int column() {
        return column;
    }

    /** The message without the column, e.g. {@code unclosed quote}. */
    public String reason() {
        return reason;
    }
}
