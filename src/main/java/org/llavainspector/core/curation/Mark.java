package org.llavainspector.core.curation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The verdict given to a sample while spot-checking. */
public enum Mark {
    KEEP,
    REJECT,
    FLAG;

    /** The lower-case name used in queries ({@code mark:keep}), on the command line and in the sidecar. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mark named {@code label} (any case), if there is one. */
    public static Optional<Mark> byLabel(String label) {
        for (Mark m : values()) {
            if (m.label().equalsIgnoreCase(label.strip())) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** "keep, reject, flag", for messages. */
    public static String labels() {
        return Arrays.stream(values()).map(Mark::label).collect(Collectors.joining(", "));
    }
}
