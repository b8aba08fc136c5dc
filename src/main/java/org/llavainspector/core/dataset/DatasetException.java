package org.llavainspector.core.dataset;

import java.nio.file.Path;

/**
 * A dataset file that cannot be used: its one-line message names the file and the position, e.g.
 * {@code chat.json:1042:7: record 311 is a string, expected an object}.
 */
public final class DatasetException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long line;
    private final long column;
    private final long record;

    public DatasetException(Path file, long line, long column, long record, String problem) {
        super(format(file, line, column, record, problem));
        this.file = file;
        this.line = line;
        this.column = column;
        this.record = record;
    }

    public DatasetException(Path file, String problem) {
        this(file, -1, -1, -1, problem);
    }

    private static String format(Path file, long line, long column, long record, String problem) {
        StringBuilder sb = new StringBuilder().append(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ");
        if (record >= 0) {
            sb.append("record ").append(record).append(": ");
        }
        return sb.append(problem).toString();
    }

    public Path file() {
        return file;
    }

    /** 1-based line, or -1 when not known. */
    public long line() {
        return line;
    }

    /** 1-based column, or -1 when not known. */
    public long column() {
        return column;
    }

    /** 0-based record number, or -1 when the problem is not inside a record. */
    public long record() {
        return record;
    }
}
