package org.llavainspector.core.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.llavainspector.core.util.TaskMonitor;

/**
 * One opened dataset file: its {@link DatasetIndex} and, when a metadata file sits beside it (CC-3M's
 * {@code metadata.json} next to {@code chat.json}) or was given, the joined per-sample metadata.
 */
public final class Dataset implements AutoCloseable {
    /** File name of the metadata file that is joined automatically when it lies next to a dataset. */
    public static final String METADATA_FILE_NAME = "metadata.json";

    private final DatasetIndex index;
    private volatile MetadataTable metadata;
    private volatile DatasetException metadataFailure;

    private Dataset(DatasetIndex index, MetadataTable metadata) {
        this.index = index;
        this.metadata = metadata;
    }

    /** Indexes the file (and the metadata file beside it, if any) on the calling thread. */
    public static Dataset open(Path file, TaskMonitor monitor) throws DatasetException {
        return open(file, metadataBeside(file).orElse(null), monitor);
    }

    /** Indexes the file and joins the given metadata file (null for none). */
    public static Dataset open(Path file, Path metadataFile, TaskMonitor monitor) throws DatasetException {
        DatasetIndex index = DatasetIndex.build(file, monitor);
        try {
            MetadataTable metadata = metadataFile == null ? null : MetadataTable.open(metadataFile, monitor);
            return new Dataset(index, metadata);
        } catch (DatasetException | RuntimeException e) {
            index.close();
            throw e;
        }
    }

    /**
     * Starts indexing on the executor and returns at once (see {@link DatasetIndex#start}); the metadata file
     * beside it, if any, is indexed after the dataset and joined from then on. {@code alsoVisit} see every
     * record of the indexing pass (e.g. a validator).
     */
    public static Dataset start(Path file, Executor executor, TaskMonitor monitor, RecordVisitor... alsoVisit) {
        Dataset dataset = new Dataset(DatasetIndex.start(file, executor, monitor, alsoVisit), null);
        Optional<Path> metadataFile = metadataBeside(file);
        metadataFile.ifPresent(m -> dataset.index.completion().thenRunAsync(() -> {
            try {
                dataset.metadata = MetadataTable.open(m, monitor);
            } catch (DatasetException e) {
                dataset.metadataFailure = e;
            }
        }, executor));
        return dataset;
    }

    /** Why the metadata file beside the dataset could not be joined, if it could not. */
    public Optional<DatasetException> metadataFailure() {
        return Optional.ofNullable(metadataFailure);
    }

    /** The metadata file that would be joined to this dataset file, if one lies beside it. */
    public static Optional<Path> metadataBeside(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || file.getFileName().toString().equals(METADATA_FILE_NAME)) {
            return Optional.empty();
        }
        Path candidate = dir.resolve(METADATA_FILE_NAME);
        return Files.isRegularFile(candidate) ? Optional.of(candidate) : Optional.empty();
    }

    public Path file() {
        return index.file();
    }

    public DatasetIndex index() {
        return index;
    }

    /** The joined metadata (empty when there is none, or not yet for a dataset still being opened). */
    public Optional<MetadataTable> metadata() {
        return Optional.ofNullable(metadata);
    }

    /** Reads and parses record i. */
    public SampleRecord record(int i) throws IOException {
        return index.record(i);
    }

    /** The metadata joined to record i (by id, else by image); empty when none. */
    public Map<String, String> metadataOf(int i) throws IOException {
        MetadataTable table = metadata;
        if (table == null) {
            return Map.of();
        }
        return table.fields(table.find(index.id(i), index.firstImage(i)));
    }

    @Override
    public void close() {
        index.close();
        MetadataTable table = metadata;
        if (table != null) {
            table.close();
        }
    }
}
