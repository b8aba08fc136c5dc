package org.llavainspector.core.query;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.llavainspector.core.dataset.DatasetIndex;
import org.llavainspector.core.util.TaskMonitor;
import org.llavainspector.core.validate.ProblemIndex;

/** A dataset indexed with its problems and a query engine over it, for tests. */
final class OpenDataset implements AutoCloseable {
    final DatasetIndex index;
    final ProblemIndex problems = new ProblemIndex();
    final QueryEngine engine;

    OpenDataset(Path file) throws Exception {
        this(file, 2);
    }

    OpenDataset(Path file, int threads) throws Exception {
        index = DatasetIndex.build(file, TaskMonitor.NONE, problems);
        engine = new QueryEngine(index, problems, null, threads);
    }

    /** The matching record numbers. */
    List<Integer> search(String query) throws Exception {
        return search(Query.parse(query));
    }

    List<Integer> search(Query query) throws Exception {
        return IntStream.of(engine.search(query, TaskMonitor.NONE).records()).boxed().toList();
    }

    @Override
    public void close() {
        engine.close();
        index.close();
    }
}
