package org.llavainspector.ui.insight;

import java.util.Map;
import org.llavainspector.core.dataset.ImageToken;
import org.llavainspector.core.stats.DatasetStats;
import org.llavainspector.core.validate.ProblemIndex;

/** The statistics of a dataset as one CSV table with the columns {@code section,key,count}. */
public final class StatsCsv {
    /** Header line of the table. */
    public static final String HEADER = "section,key,count";

    private StatsCsv() {
    }

    /** The CSV text (lines end with {@code \n}) of all sections; no problem section. */
    public static String toCsv(DatasetStats stats) {
        return toCsv(stats, null);
    }

    /** The CSV text of all sections, with a {@code problems} section when {@code problems} is not null. */
    public static String toCsv(DatasetStats stats, ProblemIndex problems) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        row(out, "summary", "records", stats.records());
        row(out, "summary", "images", stats.images());
        row(out, "summary", "turns", stats.turns());
        row(out, "kinds", "with image", stats.withImage());
        row(out, "kinds", "text-only", stats.textOnly());
        row(out, "kinds", "multi-image", stats.multiImage());
        stats.turnsHistogram().forEach((turns, count) -> row(out, "turns", Integer.toString(turns), count));
        for (Map.Entry<ImageToken.Placement, Long> e : stats.placements().entrySet()) {
            row(out, "placement", StatsViewModel.placementLabel(e.getKey()), e.getValue());
        }
        stats.fromCounts().forEach((from, count) -> row(out, "from", from, count));
        stats.humanLengths().forEach((bucket, count) -> row(out, "question length (chars)", bucket, count));
        stats.gptLengths().forEach((bucket, count) -> row(out, "answer length (chars)", bucket, count));
        stats.imageFolders(Integer.MAX_VALUE).forEach((folder, count) -> row(out, "folders", folder, count));
        if (problems != null) {
            StatsViewModel.problemCounts(problems).forEach((kind, count) -> row(out, "problems", kind.kind(), count));
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String section, String key, long count) {
        out.append(field(section)).append(',').append(field(key)).append(',').append(count).append('\n');
    }

    /** One field quoted as RFC 4180 asks when it holds a comma, quote or line break. */
    static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
