package org.llavainspector.core.curation;

/**
 * One sample of a session: record {@code record} (0-based, in file order) of source file {@code file} (its position
 * in {@link Session#sources()}, which is the order the files were opened in).
 */
public record SampleKey(int file, int record) implements Comparable<SampleKey> {
    public SampleKey {
        if (file < 0 || record < 0) {
            throw new IllegalArgumentException("bad sample key: file " + file + ", record " + record);
        }
    }

    @Override
    public int compareTo(SampleKey o) {
        return file != o.file ? Integer.compare(file, o.file) : Integer.compare(record, o.record);
    }

    // written out: a record's generated equals and hashCode are linked on first call (tens of ms in a cold JVM, on
    // the FX thread when the window first shows samples)
    @Override
    public boolean equals(Object o) {
        return o instanceof SampleKey k && k.file == file && k.record == record;
    }

    @Override
    public int hashCode() {
        return file * 31 + record;
    }

    @Override
    public String toString() {
        return file + ":" + record;
    }
}
