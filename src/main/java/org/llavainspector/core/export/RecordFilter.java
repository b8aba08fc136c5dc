package org.llavainspector.core.export;

import java.io.IOException;
import org.llavainspector.core.dataset.DatasetIndex;
import org.llavainspector.core.util.TaskMonitor;

/**
 * Which records of a dataset file match a filter (the query language, or a result the UI already has), so that an
 * export can take "the current filter" without depending on how it is evaluated.
 */
@FunctionalInterface
public interface RecordFilter {
    /** The matching record numbers of {@code index}, ascending. */
    int[] matches(DatasetIndex index, TaskMonitor monitor) throws IOException;
}
