package org.llavainspector.core.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.llavainspector.core.curation.Mark;
import org.llavainspector.core.curation.SampleKey;
import org.llavainspector.core.curation.SampleState;
import org.llavainspector.core.curation.Session;
import org.llavainspector.core.dataset.DatasetIndex;
import org.llavainspector.core.util.TaskMonitor;

/**
 * Which records an export takes: all of them, narrowed by any of a filter, marks and an id list (a record must pass
 * each one given), then optionally cut to the first N, or to a random N or N% with a seed. Records keep their file
 * order. Immutable; the {@code with...} methods return a new selection.
 */
public final class ExportSelection {
    /** How the selected records are cut down at the end. */
    public enum SampleKind { FIRST, RANDOM_COUNT, RANDOM_PERCENT }

    /** A final cut: the first {@code amount}, a random {@code amount}, or a random {@code amount} percent. */
    public record Sample(SampleKind kind, double amount, long seed) {
        public Sample {
            if (amount < 0 || Double.isNaN(amount) || (kind == SampleKind.RANDOM_PERCENT && amount > 100)) {
                throw new IllegalArgumentException("bad sample size: " + amount + (kind == SampleKind.RANDOM_PERCENT
                        ? "% (expected 0 to 100)" : ""));
            }
            if (kind != SampleKind.RANDOM_PERCENT && amount != Math.rint(amount)) {
                throw new IllegalArgumentException("bad sample size: " + amount + " (expected a whole number)");
            }
        }

        /** How many of {@code available} records the cut keeps. */
        int count(int available) {
            long n = kind == SampleKind.RANDOM_PERCENT ? Math.round(available * amount / 100) : (long) amount;
            return (int) Math.min(n, available);
        }
    }

    private static final ExportSelection ALL = new ExportSelection(null, null, false, null, null);

    private final RecordFilter filter;
    private final Set<Mark> marks;
    private final boolean unmarked;
    private final Set<String> ids;
    private final Sample sample;

    private ExportSelection(RecordFilter filter, Set<Mark> marks, boolean unmarked, Set<String> ids, Sample sample) {
        this.filter = filter;
        this.marks = marks;
        this.unmarked = unmarked;
        this.ids = ids;
        this.sample = sample;
    }

    /** Every record. */
    public static ExportSelection all() {
        return ALL;
    }

    /** Only the records the filter matches. */
    public ExportSelection withFilter(RecordFilter recordFilter) {
        return new ExportSelection(recordFilter, marks, unmarked, ids, sample);
    }

    /** Only the records with one of {@code marks}, or with no mark at all when {@code orUnmarked}. */
    public ExportSelection withMarks(Set<Mark> wanted, boolean orUnmarked) {
        return new ExportSelection(filter, wanted.isEmpty() ? EnumSet.noneOf(Mark.class) : EnumSet.copyOf(wanted),
                orUnmarked, ids, sample);
    }

    /** Every record except the rejected ones: what a spot-check usually exports. */
    public ExportSelection allButRejected() {
        return withMarks(EnumSet.of(Mark.KEEP, Mark.FLAG), true);
    }

    /** Only the records whose id is in {@code wanted}. */
    public ExportSelection withIds(Set<String> wanted) {
        return new ExportSelection(filter, marks, unmarked, Set.copyOf(wanted), sample);
    }

    /** Cuts the selection down at the end (null: no cut). */
    public ExportSelection withSample(Sample cut) {
        return new ExportSelection(filter, marks, unmarked, ids, cut);
    }

    /**
     * Reads an id list: one id per line, surrounding spaces ignored, blank lines and lines starting with {@code #}
     * skipped.
     */
    public static Set<String> readIds(Path file) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        for (String line : Files.readAllLines(file)) {
            String id = line.strip();
            if (!id.isEmpty() && !id.startsWith("#")) {
                out.add(id);
            }
        }
        return out;
    }

    /** One line for reports, e.g. {@code filter, marks keep/none, 1,000 ids, random 10% (seed 7)}. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (filter != null) {
            sb.append("filter, ");
        }
        if (marks != null) {
            sb.append("marks ");
            marks.forEach(m -> sb.append(m.label()).append('/'));
            sb.append(unmarked ? "none" : "").append(", ");
        }
        if (ids != null) {
            sb.append(String.format(Locale.ROOT, "%,d ids, ", ids.size()));
        }
        if (sample != null) {
            sb.append(sample.kind() == SampleKind.FIRST ? "first " : "random ")
                    .append(sample.kind() == SampleKind.RANDOM_PERCENT ? sample.amount() + "%" : (long) sample.amount())
                    .append(sample.kind() == SampleKind.FIRST ? "" : " (seed " + sample.seed() + ")").append(", ");
        }
        return sb.length() == 0 ? "all records" : sb.substring(0, sb.length() - 2);
    }

    /**
     * The selected record numbers of each file, ascending; {@code session} (may be null) gives the marks, its file
     * numbers found by path.
     */
    public int[][] select(List<DatasetIndex> files, Session session, TaskMonitor monitor) throws IOException {
        int[][] chosen = new int[files.size()][];
        for (int f = 0; f < files.size(); f++) {
            DatasetIndex index = files.get(f);
            int[] records = filter == null ? everything(index.size()) : filter.matches(index, monitor).clone();
            int sessionFile = session == null ? -1 : session.fileNumber(index.file());
            int n = 0;
            for (int r : records) {
                if (passes(index, r, session, sessionFile)) {
                    records[n++] = r;
                }
            }
            chosen[f] = Arrays.copyOf(records, n);
            monitor.checkCancelled();
        }
        return sample == null ? chosen : cut(chosen);
    }

    private static int[] everything(int size) {
        int[] all = new int[size];
        Arrays.setAll(all, i -> i);
        return all;
    }

    private boolean passes(DatasetIndex index, int r, Session session, int sessionFile) {
        if (ids != null && !ids.contains(String.valueOf(index.id(r)))) {
            return false;
        }
        if (marks != null) {
            SampleState s = sessionFile < 0 ? SampleState.EMPTY : session.state(new SampleKey(sessionFile, r));
            return s.mark() == null ? unmarked : marks.contains(s.mark());
        }
        return true;
    }

    /** Applies the final cut over all files together, keeping file order. */
    private int[][] cut(int[][] chosen) {
        int total = 0;
        for (int[] c : chosen) {
            total += c.length;
        }
        int keep = sample.count(total);
        boolean[] kept = new boolean[total];
        if (sample.kind() == SampleKind.FIRST) {
            Arrays.fill(kept, 0, keep, true);
        } else {
            // A partial Fisher-Yates shuffle: the same seed and candidates always give the same records.
            int[] positions = everything(total);
            SplittableRandom random = new SplittableRandom(sample.seed());
            for (int i = 0; i < keep; i++) {
                int j = i + random.nextInt(total - i);
                int t = positions[i];
                positions[i] = positions[j];
                positions[j] = t;
                kept[positions[i]] = true;
            }
        }
        int[][] out = new int[chosen.length][];
        int at = 0;
        for (int f = 0; f < chosen.length; f++) {
            int[] c = chosen[f];
            int n = 0;
            int[] mine = new int[c.length];
            for (int r : c) {
                if (kept[at++]) {
                    mine[n++] = r;
                }
            }
            out[f] = Arrays.copyOf(mine, n);
        }
        return out;
    }

    /** The selection's id list (null when it has none), e.g. to report ids that matched nothing. */
    public Set<String> ids() {
        return ids == null ? null : new HashSet<>(ids);
    }
}
