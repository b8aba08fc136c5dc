package org.llavainspector.bench;

/** What to generate: the kind, how many records, the seed and the layout. */
public record DatasetSpec(DatasetKind kind, long records, long seed, OutputFormat format) {
    /** The seed of the benchmark files. */
    public static final long DEFAULT_SEED = 42;

    public DatasetSpec {
        if (kind == null || format == null) {
            throw new IllegalArgumentException("kind and format are required");
        }
        if (records < 0) {
            throw new IllegalArgumentException("record count must not be negative: " + records);
        }
    }

    /** The full-size JSON file of {@code kind} with the default seed, as the benchmark uses it. */
    public static DatasetSpec fullSize(DatasetKind kind) {
        return new DatasetSpec(kind, kind.defaultRecords(), DEFAULT_SEED, OutputFormat.JSON);
    }
}
