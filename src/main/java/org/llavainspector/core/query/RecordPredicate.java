package org.llavainspector.core.query;

/** A test on a record number, for query fields added by other features; called from several threads at once. */
@FunctionalInterface
public interface RecordPredicate {
    boolean test(int record);
}
