package org.llavainspector.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The "measure | result | target" table that {@code bench images}, {@code bench hashes} and {@code bench ui} print:
 * each row is also logged as it is measured, so that a long run shows its progress.
 */
public final class ResultTable {
    private final List<String[]> rows = new ArrayList<>();
    private final PrintWriter log;
    private final String prefix;

    /** @param prefix what each logged line starts with, e.g. {@code "bench: "} */
    public ResultTable(PrintWriter log, String prefix) {
        this.log = log;
        this.prefix = prefix;
    }

    public void row(String measure, String result, String target) {
        rows.add(new String[] {measure, result, target});
        log.println(prefix + measure + ": " + result);
        log.flush();
    }

    /** Prints the table as markdown. */
    public void print(PrintWriter out) {
        out.println("| measure | result | target |");
        out.println("|---|---|---|");
        for (String[] r : rows) {
            out.println("| " + r[0] + " | " + r[1] + " | " + r[2] + " |");
        }
        out.flush();
    }
}
