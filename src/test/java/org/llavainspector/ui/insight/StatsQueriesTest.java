package org.llavainspector.ui.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.llavainspector.core.dataset.DatasetIndex;
import org.llavainspector.core.dataset.DemoDataset;
import org.llavainspector.core.dataset.ImageToken;
import org.llavainspector.core.query.Query;
import org.llavainspector.core.query.QueryEngine;
import org.llavainspector.core.stats.DatasetStats;
import org.llavainspector.core.util.TaskMonitor;
import org.llavainspector.core.validate.ProblemIndex;
import org.llavainspector.core.validate.ProblemKind;

/** The query behind each bar selects as many demo records as the bar counts (records, not turns or images). */
class StatsQueriesTest {
    @Test
    void barQueriesSelectTheCountedRecords() throws Exception {
        ProblemIndex problems = new ProblemIndex();
        DatasetStats stats = new DatasetStats();
        DatasetIndex index = DatasetIndex.build(DemoDataset.file(), TaskMonitor.NONE, problems, stats);
        try (QueryEngine engine = new QueryEngine(index, problems, null, 1)) {
            for (Map.Entry<Integer, Long> e : stats.turnsHistogram().entrySet()) {
                assertEquals(e.getValue(), count(engine, StatsViewModel.turnsQuery(e.getKey().toString())));
            }
            assertEquals(stats.withImage(), count(engine, StatsViewModel.kindQuery(StatsViewModel.WITH_IMAGE)));
            assertEquals(stats.textOnly(), count(engine, StatsViewModel.kindQuery(StatsViewModel.TEXT_ONLY)));
            assertEquals(stats.multiImage(), count(engine, StatsViewModel.kindQuery(StatsViewModel.MULTI_IMAGE)));
            for (ImageToken.Placement p : ImageToken.Placement.values()) {
                assertEquals(stats.placements().getOrDefault(p, 0L), count(engine, StatsViewModel.placementQuery(p)),
                        p.label());
            }
            // the demo has records of each kind the chart shows, so the loop above compares real counts
            assertTrue(stats.placements().get(ImageToken.Placement.START) > 0
                    && stats.placements().get(ImageToken.Placement.END) > 0);
            // the demo's records have one image each but for one with two: the folder bars count images
            assertEquals(stats.imageFolders(100).get(DatasetStats.ROOT_FOLDER),
                    count(engine, StatsViewModel.folderQuery(DatasetStats.ROOT_FOLDER)) + 1, "(root)");
            for (Map.Entry<ProblemKind, Long> e : StatsViewModel.problemCounts(problems).entrySet()) {
                assertEquals(e.getValue(), count(engine, StatsViewModel.problemQuery(e.getKey().kind())));
            }
        } finally {
            index.close();
        }
    }

    private static long count(QueryEngine engine, String query) throws Exception {
        return engine.search(Query.parse(query), TaskMonitor.NONE).count();
    }
}
