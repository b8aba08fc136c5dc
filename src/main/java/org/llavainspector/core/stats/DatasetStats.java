package org.llavainspector.core.stats;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.llavainspector.core.dataset.DatasetFormat;
import org.llavainspector.core.dataset.ImageToken;
import org.llavainspector.core.dataset.RecordSummary;
import org.llavainspector.core.dataset.RecordVisitor;

/** Summary statistics of a dataset, collected during one streaming pass (see {@link RecordVisitor}). */
public final class DatasetStats implements RecordVisitor {
    /** Distinct {@code from} values and image folders beyond this are counted together as "(other)". */
    static final int MAX_DISTINCT = 10_000;
    /** Label of image paths without a folder. */
    public static final String ROOT_FOLDER = "(root)";
    private static final String OTHER = "(other)";

    private DatasetFormat format;
    private long records;
    private long withImage;
    private long textOnly;
    private long multiImage;
    private long images;
    private long turns;
    private long humanTurns;
    private long humanChars;
    private long gptTurns;
    private long gptChars;
    private final SortedMap<Integer, Long> turnsHistogram = new TreeMap<>();
    private final Map<String, Long> fromCounts = new HashMap<>();
    private final Map<ImageToken.Placement, Long> placements = new EnumMap<>(ImageToken.Placement.class);
    private final Map<String, Long> folders = new HashMap<>();

    @Override
    public void visit(RecordSummary r) {
        records++;
        int n = r.images().size();
        images += n;
        if (n == 0) {
            textOnly++;
        } else {
            withImage++;
            if (n > 1) {
                multiImage++;
            }
        }
        for (String path : r.images()) {
            count(folders, folderOf(path));
        }
        turns += r.turnCount();
        turnsHistogram.merge(r.turnCount(), 1L, Long::sum);
        for (int t = 0; t < r.turnCount(); t++) {
            String from = r.from(t);
            if ("human".equals(from)) {
                humanTurns++;
                humanChars += r.valueLength(t);
            } else if ("gpt".equals(from)) {
                gptTurns++;
                gptChars += r.valueLength(t);
            } else if (from != null) {
                count(fromCounts, from);
            }
        }
        placements.merge(r.imageTokenPlacement(), 1L, Long::sum);
    }

    @Override
    public void finish(DatasetFormat format, int records) {
        this.format = format;
    }

    /**
     * Adds another pass's counts to these (for a pass split over threads, or totals over files) and returns this.
     * The format stays only when both agree.
     */
    public DatasetStats merge(DatasetStats other) {
        format = records == 0 ? other.format : other.records == 0 || format == other.format ? format : null;
        records += other.records;
        withImage += other.withImage;
        textOnly += other.textOnly;
        multiImage += other.multiImage;
        images += other.images;
        turns += other.turns;
        humanTurns += other.humanTurns;
        humanChars += other.humanChars;
        gptTurns += other.gptTurns;
        gptChars += other.gptChars;
        other.turnsHistogram.forEach((k, v) -> turnsHistogram.merge(k, v, Long::sum));
        other.fromCounts.forEach((k, v) -> count(fromCounts, k, v));
        other.placements.forEach((k, v) -> placements.merge(k, v, Long::sum));
        other.folders.forEach((k, v) -> count(folders, k, v));
        return this;
    }

    private static void count(Map<String, Long> map, String key) {
        count(map, key, 1L);
    }

    private static void count(Map<String, Long> map, String key, long n) {
        if (map.size() >= MAX_DISTINCT && !map.containsKey(key)) {
            key = OTHER;
        }
        map.merge(key, n, Long::sum);
    }

    /**
     * The folder an image path lives in, at most two levels deep: {@code coco/train2017/x.jpg} gives
     * {@code coco/train2017}, {@code 00453/004539375.jpg} gives {@code 00453}, {@code GCC_train_1.jpg} gives
     * {@code (root)}.
     */
    public static String folderOf(String path) {
        String p = path.replace('\\', '/');
        int last = p.lastIndexOf('/');
        if (last <= 0) {
            return ROOT_FOLDER;
        }
        int first = p.indexOf('/');
        int second = first < last ? p.indexOf('/', first + 1) : -1;
        return second > 0 ? p.substring(0, second) : p.substring(0, last);
    }

    /** Format of the file, or null if no pass finished. */
    public DatasetFormat format() {
        return format;
    }

    public long records() {
        return records;
    }

    /** Records with at least one image. */
    public long withImage() {
        return withImage;
    }

    /** Records without any image. */
    public long textOnly() {
        return textOnly;
    }

    /** Records whose {@code image} is a list of two or more. */
    public long multiImage() {
        return multiImage;
    }

    /** Total image references. */
    public long images() {
        return images;
    }

    public long turns() {
        return turns;
    }

    public double averageTurns() {
        return records == 0 ? 0 : (double) turns / records;
    }

    /** Average length in characters of human turns. */
    public double averageHumanChars() {
        return humanTurns == 0 ? 0 : (double) humanChars / humanTurns;
    }

    /** Average length in characters of gpt turns. */
    public double averageGptChars() {
        return gptTurns == 0 ? 0 : (double) gptChars / gptTurns;
    }

    /** Records per number of turns, ascending. */
    public SortedMap<Integer, Long> turnsHistogram() {
        return new TreeMap<>(turnsHistogram);
    }

    /** Turns per {@code from} value, most frequent first. */
    public Map<String, Long> fromCounts() {
        Map<String, Long> all = new HashMap<>(fromCounts);
        if (humanTurns > 0) {
            all.put("human", humanTurns);
        }
        if (gptTurns > 0) {
            all.put("gpt", gptTurns);
        }
        return sortedByCount(all, Integer.MAX_VALUE);
    }

    /** Records per placement of the {@code <image>} token. */
    public Map<ImageToken.Placement, Long> placements() {
        return new EnumMap<>(placements);
    }

    /** Image references per folder (see {@link #folderOf}), most frequent first, at most {@code limit}. */
    public Map<String, Long> imageFolders(int limit) {
        return sortedByCount(folders, limit);
    }

    /** Number of distinct image folders. */
    public int imageFolderCount() {
        return folders.size();
    }

    private static Map<String, Long> sortedByCount(Map<String, Long> map, int limit) {
        List<Map.Entry<String, Long>> entries = map.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .collect(Collectors.toList());
        Map<String, Long> result = new LinkedHashMap<>();
        entries.forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }
}
