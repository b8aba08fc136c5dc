package org.llavainspector.core.dataset;

/** How the records of a dataset file are laid out. */
public enum DatasetFormat {
    /** One top-level JSON array of record objects (LLaVA's own files). */
    JSON_ARRAY("json"),
    /** One JSON object per line (JSON Lines). */
    JSONL("jsonl");

    private final String label;

    DatasetFormat(String label) {
        this.label = label;
    }

    /** Short name used on the command line and in JSON output. */
    public String label() {
        return label;
    }
}
