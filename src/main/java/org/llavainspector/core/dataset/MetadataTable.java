package org.llavainspector.core.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.llavainspector.core.util.TaskMonitor;

/**
 * Per-sample metadata kept in a separate file, such as CC-3M's {@code metadata.json} ({@code id}, {@code image},
 * {@code caption}, {@code blip_caption}, {@code url}): indexed like a dataset and joined to samples by id, falling
 * back to the image path.
 */
public final class MetadataTable implements AutoCloseable {
    private final DatasetIndex index;

    private MetadataTable(DatasetIndex index) {
        this.index = index;
    }

    /** Indexes a metadata file (JSON array or JSONL of objects with {@code id} and/or {@code image}). */
    public static MetadataTable open(Path file, TaskMonitor monitor) throws DatasetException {
        return new MetadataTable(DatasetIndex.build(file, monitor));
    }

    public Path file() {
        return index.file();
    }

    /** Number of metadata records. */
    public int size() {
        return index.size();
    }

    /** The metadata record for a sample, by id and else by image; -1 when there is none. */
    public int find(String id, String image) {
        if (id != null) {
            int[] byId = index.recordsWithId(id);
            if (byId.length > 0) {
                return byId[0];
            }
        }
        if (image != null) {
            int[] byImage = index.recordsWithImage(image);
            if (byImage.length > 0) {
                return byImage[0];
            }
        }
        return -1;
    }

    /** The fields of metadata record m other than id and image, in file order, as text (an empty map for -1). */
    public Map<String, String> fields(int m) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        if (m < 0) {
            return fields;
        }
        SampleRecord record = index.record(m);
        JsonNode json = record.json();
        for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals("id") && !e.getKey().equals("image")) {
                fields.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
            }
        }
        return fields;
    }

    @Override
    public void close() {
        index.close();
    }
}
