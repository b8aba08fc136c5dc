package org.llavainspector.core.validate;

/**
 * One problem found in one record.
 *
 * @param record 0-based record number in its file
 * @param id the record's id, or null
 * @param line 1-based line where the record starts, or -1
 * @param kind what is wrong
 * @param message one line naming the field and value concerned
 */
public record Problem(int record, String id, long line, ProblemKind kind, String message) {
    // written out: a record's generated equals and hashCode are linked on first call (tens of ms in a cold JVM, on
    // the FX thread when the window first shows samples)
    @Override
    public boolean equals(Object o) {
        return o instanceof Problem p && p.record == record && p.line == line && p.kind == kind
                && java.util.Objects.equals(p.id, id) && java.util.Objects.equals(p.message, message);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(record, id, line, kind, message);
    }
}
