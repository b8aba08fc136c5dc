package org.llavainspector.bench;

/**
 * The report {@code /usr/bin/time -f "%e %M" -o FILE} writes: elapsed seconds and maximum resident set size in KiB.
 * When the command fails, GNU time puts a line such as {@code Command exited with non-zero status 2} before it.
 */
public record GnuTimeOutput(double elapsedSeconds, long maxRssKb) {
    /** The format string to pass to {@code -f}. */
    public static final String FORMAT = "%e %M";

    /** Parses the last non-blank line of the report. */
    public static GnuTimeOutput parse(String report) {
        String last = report.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalArgumentException("empty GNU time report"));
        String[] fields = last.split("\\s+");
        if (fields.length != 2) {
            throw new IllegalArgumentException("unexpected GNU time report: '" + last + "'");
        }
        try {
            double elapsed = Double.parseDouble(fields[0]);
            long rss = Long.parseLong(fields[1]);
            if (elapsed < 0 || rss < 0) {
                throw new IllegalArgumentException("negative value in GNU time report: '" + last + "'");
            }
            return new GnuTimeOutput(elapsed, rss);
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("unexpected GNU time report: '" + last + "'", ex);
        }
    }
}
