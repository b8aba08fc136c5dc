package org.llavainspector.core.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import org.llavainspector.core.util.TaskMonitor;

/**
 * Several dataset files browsed as one collection: samples are numbered in the order the files were added
 * ("global" numbers), and each knows the file and the record it came from. Files are indexed one after the
 * other on a single background executor, so global numbers never change once given.
 *
 * <p>One thread (the UI thread) calls {@link #add} and {@link #refresh}; indexing happens elsewhere.
 */
public final class DatasetCollection implements AutoCloseable {
    private final Executor indexer;
    private final TaskMonitor monitor;
    private final List<Dataset> datasets = new ArrayList<>();
    private int[] counted = new int[0];
    private int[] firstGlobal = new int[0];
    private int[] fileOf = new int[1024];
    private int[] recordOf = new int[1024];
    private int size;

    /** @param indexer a single-threaded executor, so that files are indexed in the order they are added */
    public DatasetCollection(Executor indexer, TaskMonitor monitor) {
        this.indexer = indexer;
        this.monitor = monitor;
    }

    /**
     * Starts indexing a file; its samples join the collection as {@link #refresh} finds them. {@code alsoVisit}
     * see every record of the indexing pass.
     */
    public Dataset add(Path file, RecordVisitor... alsoVisit) {
        Dataset dataset = Dataset.start(file, indexer, monitor, alsoVisit);
        datasets.add(dataset);
        counted = Arrays.copyOf(counted, datasets.size());
        firstGlobal = Arrays.copyOf(firstGlobal, datasets.size());
        firstGlobal[datasets.size() - 1] = -1;
        return dataset;
    }

    /** Takes in the samples indexed since the last call; returns how many were added. */
    public int refresh() {
        int before = size;
        for (int f = 0; f < datasets.size(); f++) {
            int available = datasets.get(f).index().size();
            if (available > counted[f] && allEarlierComplete(f)) {
                if (firstGlobal[f] < 0) {
                    firstGlobal[f] = size;
                }
                ensureCapacity(size + available - counted[f]);
                for (int r = counted[f]; r < available; r++) {
                    fileOf[size] = f;
                    recordOf[size] = r;
                    size++;
                }
                counted[f] = available;
            }
        }
        return size - before;
    }

    private boolean allEarlierComplete(int f) {
        for (int e = 0; e < f; e++) {
            if (!datasets.get(e).index().completion().isDone()) {
                return false;
            }
        }
        return true;
    }

    private void ensureCapacity(int n) {
        if (n > fileOf.length) {
            int capacity = Math.max(n, fileOf.length * 2);
            fileOf = Arrays.copyOf(fileOf, capacity);
            recordOf = Arrays.copyOf(recordOf, capacity);
        }
    }

    /** Samples taken in so far. */
    public int size() {
        return size;
    }

    /** True when every file was indexed (successfully or not) and all its samples taken in. */
    public boolean isComplete() {
        for (int f = 0; f < datasets.size(); f++) {
            DatasetIndex index = datasets.get(f).index();
            if (!index.completion().isDone() || counted[f] < index.size()) {
                return false;
            }
        }
        return true;
    }

    public List<Dataset> datasets() {
        return List.copyOf(datasets);
    }

    /** The dataset sample g comes from. */
    public Dataset datasetOf(int g) {
        return datasets.get(fileOf[check(g)]);
    }

    /** The position of the dataset of sample g in {@link #datasets()}. */
    public int fileIndexOf(int g) {
        return fileOf[check(g)];
    }

    /** The record number of sample g inside its file. */
    public int recordOf(int g) {
        return recordOf[check(g)];
    }

    /** The global number of record r of file f, or -1 when it has not been taken in. */
    public int globalOf(int f, int r) {
        return r < counted[f] && firstGlobal[f] >= 0 ? firstGlobal[f] + r : -1;
    }

    /** How many records of file f have been taken in so far. */
    public int countOf(int f) {
        return counted[f];
    }

    private int check(int g) {
        if (g < 0 || g >= size) {
            throw new IndexOutOfBoundsException("sample " + g + " of " + size);
        }
        return g;
    }

    @Override
    public void close() {
        datasets.forEach(Dataset::close);
    }
}
