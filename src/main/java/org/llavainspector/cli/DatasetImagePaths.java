package org.llavainspector.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.llavainspector.core.dataset.DatasetException;

/**
 * The {@code image} field (a string or a list of strings) of every record of a JSON-array or JSONL dataset, read
 * with a streaming parser that skips everything else. Stands in for the dataset reader where only images matter.
 */
final class DatasetImagePaths {
    private DatasetImagePaths() {
    }

    /** Record i's image paths (empty for a text-only record). */
    static List<List<String>> read(Path file) throws IOException, DatasetException {
        List<List<String>> records = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    records.add(readRecord(file, p, records.size()));
                }
                if (p.currentToken() != JsonToken.END_ARRAY) {
                    throw fail(file, p, records.size(), "expected a JSON object");
                }
            } else {
                for (JsonToken t = first; t != null; t = p.nextToken()) {
                    if (t != JsonToken.START_OBJECT) {
                        throw fail(file, p, records.size(), "expected a JSON object");
                    }
                    records.add(readRecord(file, p, records.size()));
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var loc = e.getLocation();
            throw new DatasetException(file, loc == null ? -1 : loc.getLineNr(), loc == null ? -1 : loc.getColumnNr(),
                    records.size(), e.getOriginalMessage());
        }
        return records;
    }

    private static List<String> readRecord(Path file, JsonParser p, int record) throws IOException, DatasetException {
        List<String> images = List.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (!"image".equals(name)) {
                p.skipChildren();
            } else if (value == JsonToken.VALUE_STRING) {
                images = List.of(p.getText());
            } else if (value == JsonToken.START_ARRAY) {
                List<String> list = new ArrayList<>();
                while (p.nextToken() == JsonToken.VALUE_STRING) {
                    list.add(p.getText());
                }
                if (p.currentToken() != JsonToken.END_ARRAY) {
                    throw fail(file, p, record, "\"image\" list holds a non-string");
                }
                images = List.copyOf(list);
            } else if (value != JsonToken.VALUE_NULL) {
                throw fail(file, p, record, "\"image\" is neither a string nor a list of strings");
            }
        }
        return images;
    }

    private static DatasetException fail(Path file, JsonParser p, int record, String problem) {
        var loc = p.currentLocation();
        return new DatasetException(file, loc.getLineNr(), loc.getColumnNr(), record, problem);
    }
}
