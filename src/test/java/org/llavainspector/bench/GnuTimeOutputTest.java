package org.llavainspector.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GnuTimeOutputTest {
    @Test
    void readsElapsedSecondsAndMaxRss() {
        assertEquals(new GnuTimeOutput(3.75, 1344760), GnuTimeOutput.parse("3.75 1344760\n"));
        assertEquals(new GnuTimeOutput(0.0, 1536), GnuTimeOutput.parse("0.00 1536"));
    }

    @Test
    void skipsTheStatusLineOfAFailedCommand() {
        assertEquals(new GnuTimeOutput(0.51, 40212),
                GnuTimeOutput.parse("Command exited with non-zero status 2\n0.51 40212\n"));
        assertEquals(new GnuTimeOutput(12.5, 99),
                GnuTimeOutput.parse("Command terminated by signal 9\n12.50 99\n\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n\n", "1.25", "1.25 40000 7", "fast 40000", "1.25 lots", "-1.0 5", "1.0 -5"})
    void rejectsAnythingElse(String report) {
        assertThrows(IllegalArgumentException.class, () -> GnuTimeOutput.parse(report));
    }
}
