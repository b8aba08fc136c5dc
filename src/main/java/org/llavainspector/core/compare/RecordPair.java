package org.llavainspector.core.compare;

/** Record number {@code a} of the first file matched with record number {@code b} of the second (0-based). */
public record RecordPair(int a, int b) {
}
