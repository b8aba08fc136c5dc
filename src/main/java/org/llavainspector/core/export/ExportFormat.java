package org.llavainspector.core.export;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What an export writes. */
public enum ExportFormat {
    /** A JSON array laid out like the source: unedited records are their exact source bytes. */
    JSON("json"),
    /** A JSON array with every record on one line ({@code json.dump} without indent). */
    JSON_COMPACT("json-compact"),
    /** One record per line (JSON Lines). */
    JSONL("jsonl"),
    /** One id per line, e.g. for {@code export --ids} later. */
    IDS("ids");

    private final String label;

    ExportFormat(String label) {
        this.label = label;
    }

    /** The name used on the command line. */
    public String label() {
        return label;
    }

    /** True when every record must be written on one line. */
    boolean oneLinePerRecord() {
        return this == JSON_COMPACT || this == JSONL;
    }

    public static Optional<ExportFormat> byLabel(String label) {
        return Arrays.stream(values()).filter(f -> f.label.equalsIgnoreCase(label)).findFirst();
    }

    /** "json, json-compact, jsonl, ids", for messages. */
    public static String labels() {
        return Arrays.stream(values()).map(ExportFormat::label).collect(Collectors.joining(", "));
    }
}
