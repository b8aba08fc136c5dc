package org.llavainspector.bench;

/** File layouts the generator writes. */
public enum OutputFormat {
    /** One JSON array laid out exactly like Python's {@code json.dump(data, f, indent=2, ensure_ascii=False)}. */
    JSON,
    /** One compact JSON object per line, every line ending in {@code \n}. */
    JSONL
}
