package org.llavainspector.ui.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import org.llavainspector.core.curation.CurationQueryFields;
import org.llavainspector.core.curation.Session;
import org.llavainspector.core.dataset.Dataset;
import org.llavainspector.core.dataset.DatasetCollection;
import org.llavainspector.core.query.Query;
import org.llavainspector.core.query.QueryEngine;
import org.llavainspector.core.query.QueryFields;
import org.llavainspector.core.query.QueryResult;
import org.llavainspector.core.util.CancellableMonitor;
import org.llavainspector.core.validate.ProblemIndex;

/**
 * Runs a query of the shared query language over every file of the collection with one {@link QueryEngine} per
 * file, and returns the matching samples as global numbers. Whatever it needs from the collection is read on the
 * FX thread when the search is prepared; only the search itself runs in the background.
 */
public final class SampleSearcher implements FilterViewModel.Searcher, AutoCloseable {
    private final DatasetCollection collection;
    private final IntFunction<ProblemIndex> problemsOfFile;
    private final java.util.function.Supplier<Session> session;
    private final Map<Dataset, QueryEngine> engines = new IdentityHashMap<>();
    private final List<FileFields> moreFields = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** @param session the curation session, for {@code mark:}, {@code tag:} and {@code is:}; may give null */
    public SampleSearcher(DatasetCollection collection, IntFunction<ProblemIndex> problemsOfFile,
            java.util.function.Supplier<Session> session) {
        this.collection = collection;
        this.problemsOfFile = problemsOfFile;
        this.session = session;
    }

    /** Query fields that another feature adds for the records of collection file {@code file} (e.g. {@code cmp:}). */
    @FunctionalInterface
    public interface FileFields {
        QueryFields addTo(QueryFields fields, int file);
    }

    /** Adds query fields on top of the standard and curation ones; they are resolved when a query is prepared. */
    public void addFields(FileFields fields) {
        moreFields.add(fields);
    }

    private QueryFields fieldsOf(Session curation, int file) {
        QueryFields fields = curation == null ? QueryFields.standard() : CurationQueryFields.forFile(curation, file);
        for (FileFields more : moreFields) {
            fields = more.addTo(fields, file);
        }
        return fields;
    }

    private record FilePart(QueryEngine engine, Query query, int firstGlobal, int count) {
    }

    @Override
    public Callable<int[]> prepare(String text, CancellableMonitor monitor) throws Exception {
        Session curation = session.get();
        Query.parse(text, fieldsOf(curation, 0));
        List<FilePart> parts = new ArrayList<>();
        List<Dataset> datasets = collection.datasets();
        for (int f = 0; f < datasets.size(); f++) {
            int count = collection.countOf(f);
            if (count > 0) {
                int f0 = f;
                QueryEngine engine = engines.computeIfAbsent(datasets.get(f),
                        d -> new QueryEngine(d.index(), problemsOfFile.apply(f0)));
                Query query = Query.parse(text, fieldsOf(curation, f));
                parts.add(new FilePart(engine, query, collection.globalOf(f, 0), count));
            }
        }
        return () -> {
            int[] found = new int[16];
            int n = 0;
            for (FilePart part : parts) {
                QueryResult result = part.engine().search(part.query(), 0, part.count(), monitor);
                int[] records = result.records();
                if (n + records.length > found.length) {
                    found = Arrays.copyOf(found, Math.max(found.length * 2, n + records.length));
                }
                for (int r : records) {
                    found[n++] = part.firstGlobal() + r;
                }
            }
            return Arrays.copyOf(found, n);
        };
    }

    @Override
    public void close() {
        engines.values().forEach(QueryEngine::close);
    }
}
