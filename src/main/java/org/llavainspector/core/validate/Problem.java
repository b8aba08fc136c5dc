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
}
