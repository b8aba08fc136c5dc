package org.llavainspector.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.llavainspector.TestFiles;
import picocli.CommandLine;

class BenchSearchCommandTest {
    @Test
    void timesEveryDefaultQueryAndReportsItsMatches() {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new BenchSearchCommand());
        cl.setOut(new PrintWriter(out, true));
        assertEquals(0, cl.execute(TestFiles.demo().toString(), "--runs", "1"));
        String[] lines = out.toString().split("\n");
        assertTrue(lines[0].contains("30 records indexed"), lines[0]);
        assertEquals(2 + BenchSearchCommand.DEFAULT_QUERIES.size(), lines.length, out.toString());
        assertTrue(lines[2 + BenchSearchCommand.DEFAULT_QUERIES.indexOf("turns>8")].matches("turns>8 +1 .*"), lines[4]);
    }
}
