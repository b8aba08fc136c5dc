package org.llavainspector.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.llavainspector.core.curation.CurationQueryFields;
import org.llavainspector.core.curation.SampleKey;
import org.llavainspector.core.curation.Session;
import org.llavainspector.core.curation.SourceCheck;
import org.llavainspector.core.dataset.DatasetException;
import org.llavainspector.core.dataset.DatasetIndex;
import org.llavainspector.core.export.ExportException;
import org.llavainspector.core.export.ExportOptions;
import org.llavainspector.core.export.ExportResult;
import org.llavainspector.core.export.ExportSelection;
import org.llavainspector.core.export.Exporter;
import org.llavainspector.core.export.ImageCopyReport;
import org.llavainspector.core.export.RecordFilter;
import org.llavainspector.core.query.Query;
import org.llavainspector.core.query.QueryEngine;
import org.llavainspector.core.query.QueryFields;
import org.llavainspector.core.query.QuerySyntaxException;
import org.llavainspector.core.util.TaskMonitor;
import org.llavainspector.core.validate.ProblemIndex;

/** What {@code export} and {@code rewrite} share: reading the input, running the export, printing what it wrote. */
final class ExportRun {
    private ExportRun() {
    }

    /**
     * Indexes FILE with a progress line: on all cores, without reading the turns, unless {@code filter} uses
     * {@code problem:}, whose problem index is filled by a full pass.
     */
    static DatasetIndex index(Path file, PrintWriter err, QueryFilter filter) throws DatasetException {
        ConsoleProgress progress = new ConsoleProgress(err, "reading " + file.getFileName(), true);
        try {
            if (filter != null && filter.problems() != null) {
                return DatasetIndex.build(file, progress, filter.problems());
            }
            return DatasetIndex.buildParallel(file, Runtime.getRuntime().availableProcessors(), progress);
        } finally {
            progress.clear();
        }
    }

    /** A parsed {@code --filter}: the query and, when it uses {@code problem:}, the problems found while indexing. */
    record QueryFilter(Query query, ProblemIndex problems) implements RecordFilter {
        @Override
        public int[] matches(DatasetIndex index, TaskMonitor monitor) throws IOException {
            try (QueryEngine engine = new QueryEngine(index, problems)) {
                return engine.search(query, monitor).records();
            }
        }
    }

    /**
     * Parses {@code --filter QUERY}: the query language of the filter bar, plus {@code mark:}, {@code tag:} and
     * {@code is:} when a session of FILE is given.
     */
    static QueryFilter parseFilter(String text, Session session, Path file) {
        try {
            QueryFields fields = session == null ? QueryFields.standard()
                    : CurationQueryFields.forFile(session, session.fileNumber(file));
            Query query = Query.parse(text, fields);
            return new QueryFilter(query, query.usesProblems() ? new ProblemIndex() : null);
        } catch (QuerySyntaxException e) {
            boolean curation = text.matches("(?s).*\\b(mark|tag|is):.*");
            throw new CliException("--filter: query " + e.getMessage()
                    + (session == null && curation ? " (mark:, tag: and is: need --session)" : ""));
        }
    }

    /** Lets the session read FILE's ids and images, and refuses it when remembered ids moved. */
    static int bindAndCheckIds(Session session, DatasetIndex index) {
        int f = session.fileNumber(index.file());
        session.bind(new Session.SourceRecords() {
            @Override
            public String id(SampleKey key) {
                return key.file() == f ? index.id(key.record()) : null;
            }

            @Override
            public List<String> images(SampleKey key) {
                return key.file() == f ? index.images(key.record()) : List.of();
            }
        });
        List<SampleKey> moved = SourceCheck.mismatchedIds(session, f, index::id, index.size());
        if (!moved.isEmpty()) {
            throw new CliException(String.format(Locale.ROOT, "%s: %,d samples of the session have another id now "
                    + "(first: record %d); the file changed since the session was saved", index.file(), moved.size(),
                    moved.get(0).record()));
        }
        return f;
    }

    /** Runs the export with a progress line. */
    static ExportResult export(DatasetIndex index, Session session, ExportSelection selection, ExportOptions options,
            PrintWriter err) throws IOException {
        ConsoleProgress progress = new ConsoleProgress(err, "writing " + options.out().getFileName(), true);
        ExportResult result;
        try {
            result = new Exporter(List.of(index), session).export(selection, options, progress);
        } catch (ExportException e) {
            throw new CliException(e.getMessage());
        } finally {
            progress.clear();
        }
        return result;
    }

    /** What was written: counts, bytes, path; the image copy and up to {@code limit} missing images (0: all). */
    static void print(PrintWriter out, ExportResult r, int limit) {
        out.printf(Locale.ROOT, "wrote %,d records to %s (%s, %,d bytes)", r.records(), r.out(), r.format().label(),
                r.bytes());
        if (r.records() > 0 && r.format() != org.llavainspector.core.export.ExportFormat.IDS) {
            out.printf(Locale.ROOT, ": %,d with new image paths, %,d re-laid out, %,d exact source bytes",
                    r.edited(), r.rewritten() - r.edited(), r.records() - r.rewritten());
        }
        out.println();
        if (r.withoutId() > 0) {
            out.printf(Locale.ROOT, "%,d records without an id were left out of the id list%n", r.withoutId());
        }
        ImageCopyReport images = r.images();
        if (images != null) {
            out.printf(Locale.ROOT, "images: %,d copied to %s (%,d bytes%s), %,d missing%n", images.copied(),
                    images.out(), images.bytes(), images.zip() ? ", stored" : "", images.missing().size());
            int shown = limit <= 0 ? images.missing().size() : Math.min(limit, images.missing().size());
            for (ImageCopyReport.Missing m : images.missing().subList(0, shown)) {
                out.printf(Locale.ROOT, "  missing: %s (id %s%s)%n", m.path(), m.firstId(),
                        m.records() > 1 ? String.format(Locale.ROOT, " and %,d more records", m.records() - 1) : "");
            }
            if (shown < images.missing().size()) {
                out.printf(Locale.ROOT, "  ... %,d more missing (--limit 0 lists all)%n",
                        images.missing().size() - shown);
            }
        }
        out.flush();
    }
}
