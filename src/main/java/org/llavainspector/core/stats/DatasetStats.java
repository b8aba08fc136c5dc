package org.llavainspector.core.stats;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.llavainspector.core.dataset.DatasetException;
import org.llavainspector.core.dataset.DatasetFormat;
import org.llavainspector.core.dataset.ImageToken;
import org.llavainspector.core.dataset.ParallelScan;
import org.llavainspector.core.dataset.RecordSummary;
import org.llavainspector.core.dataset.RecordVisitor;
import org.llavainspector.core.util.TaskMonitor;

/**
 * Summary statistics of a dataset, collected during one streaming pass (see {@link RecordVisitor}). Counting
 * allocates nothing per record, so that a pass over 600K records stays small in memory.
 */
public final class DatasetStats implements RecordVisitor {
    /** Distinct {@code from} values and image folders beyond this are counted together as "(other)". */
    static final int MAX_DISTINCT = 10_000;
    /** Label of image paths without a folder. */
    public static final String ROOT_FOLDER = "(root)";
    /** Where the turn-length buckets end (exclusive), in characters; the last bucket is open. */
    private static final int[] LENGTH_BOUNDS = {50, 100, 200, 400, 800, 1600, 3200};
    private static final String OTHER = "(other)";
    private static final ImageToken.Placement[] PLACEMENTS = ImageToken.Placement.values();

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
    private long[] turnsHistogram = new long[16];
    private final long[] humanLengths = new long[LENGTH_BOUNDS.length + 1];
    private final long[] gptLengths = new long[LENGTH_BOUNDS.length + 1];
    private final long[] placements = new long[PLACEMENTS.length];
    private final Map<String, long[]> otherFrom = new HashMap<>();
    private final Map<String, long[]> folders = new HashMap<>();
    private String lastFolder = ROOT_FOLDER;
    private long[] lastFolderCount;

    /**
     * The statistics of a whole file as the statistics dashboard computes them: one pass, split over up to four
     * threads (the dashboard's pass shares the machine with the open window).
     */
    public static DatasetStats of(Path file, TaskMonitor monitor) throws DatasetException {
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        return ParallelScan.scan(file, DatasetStats::new, DatasetStats::merge, threads, monitor);
    }

    @Override
    public void visit(RecordSummary r) {
        records++;
        int n = r.imageCount();
        images += n;
        if (n == 0) {
            textOnly++;
        } else {
            withImage++;
            if (n > 1) {
                multiImage++;
            }
        }
        for (int k = 0; k < n; k++) {
            countFolder(r.textBuffer(), r.imageStart(k), r.imageLength(k));
        }
        int t = r.turnCount();
        turns += t;
        if (t >= turnsHistogram.length) {
            turnsHistogram = Arrays.copyOf(turnsHistogram, Math.max(t + 1, turnsHistogram.length * 2));
        }
        turnsHistogram[t]++;
        for (int i = 0; i < t; i++) {
            String from = r.from(i);
            if ("human".equals(from)) {
                humanTurns++;
                humanChars += r.valueLength(i);
                humanLengths[lengthBucket(r.valueLength(i))]++;
            } else if ("gpt".equals(from)) {
                gptTurns++;
                gptChars += r.valueLength(i);
                gptLengths[lengthBucket(r.valueLength(i))]++;
            } else if (from != null) {
                counter(otherFrom, from)[0]++;
            }
        }
        placements[r.imageTokenPlacement().ordinal()]++;
    }

    /** Counts the folder of one image path given as characters, reusing the previous key when it repeats. */
    private void countFolder(char[] chars, int start, int length) {
        int end = folderEnd(chars, start, length);
        if (end < 0) {
            if (lastFolder != ROOT_FOLDER || lastFolderCount == null) {
                lastFolder = ROOT_FOLDER;
                lastFolderCount = counter(folders, ROOT_FOLDER);
            }
        } else if (lastFolder == ROOT_FOLDER || lastFolderCount == null || !sameText(lastFolder, chars, start, end - start)) {
            lastFolder = new String(chars, start, end - start).replace('\\', '/');
            lastFolderCount = counter(folders, lastFolder);
        }
        lastFolderCount[0]++;
    }

    /**
     * End of the folder part of a path (at most two levels), or -1 for a path without folder: see {@link #folderOf}.
     */
    private static int folderEnd(char[] c, int start, int length) {
        int end = start + length;
        int last = -1;
        for (int i = end - 1; i > start; i--) {
            if (c[i] == '/' || c[i] == '\\') {
                last = i;
                break;
            }
        }
        if (last < 0) {
            return -1;
        }
        int first = -1;
        int second = -1;
        for (int i = start; i <= last; i++) {
            if (c[i] == '/' || c[i] == '\\') {
                if (first < 0) {
                    first = i;
                } else {
                    second = i;
                    break;
                }
            }
        }
        return second > 0 ? second : last;
    }

    /**
     * The folder an image path lives in, at most two levels deep: {@code coco/train2017/x.jpg} gives
     * {@code coco/train2017}, {@code 00453/004539375.jpg} gives {@code 00453}, {@code GCC_train_1.jpg} gives
     * {@code (root)}.
     */
    public static String folderOf(String path) {
        int end = folderEnd(path.toCharArray(), 0, path.length());
        return end < 0 ? ROOT_FOLDER : path.substring(0, end).replace('\\', '/');
    }

    private static long[] counter(Map<String, long[]> map, String key) {
        long[] c = map.get(key);
        if (c == null) {
            if (map.size() >= MAX_DISTINCT) {
                return map.computeIfAbsent(OTHER, k -> new long[1]);
            }
            c = new long[1];
            map.put(key, c);
        }
        return c;
    }

    private static boolean sameText(String s, char[] chars, int start, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) != chars[start + i]) {
                return false;
            }
        }
        return true;
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
        if (other.turnsHistogram.length > turnsHistogram.length) {
            turnsHistogram = Arrays.copyOf(turnsHistogram, other.turnsHistogram.length);
        }
        for (int i = 0; i < other.turnsHistogram.length; i++) {
            turnsHistogram[i] += other.turnsHistogram[i];
        }
        for (int i = 0; i < placements.length; i++) {
            placements[i] += other.placements[i];
        }
        for (int i = 0; i < humanLengths.length; i++) {
            humanLengths[i] += other.humanLengths[i];
            gptLengths[i] += other.gptLengths[i];
        }
        other.otherFrom.forEach((k, v) -> counter(otherFrom, k)[0] += v[0]);
        other.folders.forEach((k, v) -> counter(folders, k)[0] += v[0]);
        lastFolderCount = null;
        return this;
    }

    /** Format of the file, or null if no pass finished or files of both formats were merged. */
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

    private static int lengthBucket(int chars) {
        int b = 0;
        while (b < LENGTH_BOUNDS.length && chars >= LENGTH_BOUNDS[b]) {
            b++;
        }
        return b;
    }

    /** The labels of the turn-length buckets, shortest first: {@code <50}, {@code 50-99}, ..., {@code 3200+}. */
    public static List<String> lengthBuckets() {
        List<String> labels = new ArrayList<>();
        for (int b = 0; b <= LENGTH_BOUNDS.length; b++) {
            labels.add(b == 0 ? "<" + LENGTH_BOUNDS[0] : b == LENGTH_BOUNDS.length ? LENGTH_BOUNDS[b - 1] + "+"
                    : LENGTH_BOUNDS[b - 1] + "-" + (LENGTH_BOUNDS[b] - 1));
        }
        return labels;
    }

    /** How many human turns (questions) have a length in each bucket of {@link #lengthBuckets()}, in characters. */
    public Map<String, Long> humanLengths() {
        return lengths(humanLengths);
    }

    /** How many gpt turns (answers) have a length in each bucket of {@link #lengthBuckets()}, in characters. */
    public Map<String, Long> gptLengths() {
        return lengths(gptLengths);
    }

    private static Map<String, Long> lengths(long[] counts) {
        Map<String, Long> result = new LinkedHashMap<>();
        List<String> labels = lengthBuckets();
        for (int b = 0; b < counts.length; b++) {
            result.put(labels.get(b), counts[b]);
        }
        return result;
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
        SortedMap<Integer, Long> histogram = new TreeMap<>();
        for (int i = 0; i < turnsHistogram.length; i++) {
            if (turnsHistogram[i] > 0) {
                histogram.put(i, turnsHistogram[i]);
            }
        }
        return histogram;
    }

    /** Turns per {@code from} value, most frequent first. */
    public Map<String, Long> fromCounts() {
        Map<String, long[]> all = new HashMap<>(otherFrom);
        if (humanTurns > 0) {
            all.put("human", new long[] {humanTurns});
        }
        if (gptTurns > 0) {
            all.put("gpt", new long[] {gptTurns});
        }
        return sortedByCount(all, Integer.MAX_VALUE);
    }

    /** Records per placement of the {@code <image>} token (placements that never occur are left out). */
    public Map<ImageToken.Placement, Long> placements() {
        Map<ImageToken.Placement, Long> map = new EnumMap<>(ImageToken.Placement.class);
        for (ImageToken.Placement p : PLACEMENTS) {
            if (placements[p.ordinal()] > 0) {
                map.put(p, placements[p.ordinal()]);
            }
        }
        return map;
    }

    /** Image references per folder (see {@link #folderOf}), most frequent first, at most {@code limit}. */
    public Map<String, Long> imageFolders(int limit) {
        return sortedByCount(folders, limit);
    }

    /** Number of distinct image folders. */
    public int imageFolderCount() {
        return folders.size();
    }

    private static Map<String, Long> sortedByCount(Map<String, long[]> map, int limit) {
        Map<String, Long> result = new LinkedHashMap<>();
        map.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0])
                        .thenComparing(Map.Entry::getKey))
                .limit(limit)
                .forEach(e -> result.put(e.getKey(), e.getValue()[0]));
        return result;
    }
}
