package org.llavainspector.core.dataset;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The core's shared Jackson mapper (thread-safe once configured); trees keep field order. */
public final class Json {
    /** For single records and small files only: big files go through {@link DatasetScanner}. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}
