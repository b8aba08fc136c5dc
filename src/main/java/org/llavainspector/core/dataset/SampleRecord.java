package org.llavainspector.core.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One record, parsed on demand from its exact source bytes: every field (known or not) in its original order,
 * and the bytes themselves so that an unedited record can be written out byte-for-byte.
 */
public final class SampleRecord {
    private final int index;
    private final byte[] source;
    private final ObjectNode json;

    private SampleRecord(int index, byte[] source, ObjectNode json) {
        this.index = index;
        this.source = source;
        this.json = json;
    }

    /** Parses the source text of record {@code index}. */
    public static SampleRecord parse(int index, byte[] source) throws IOException {
        JsonNode node = Json.MAPPER.readTree(source);
        if (!(node instanceof ObjectNode)) {
            throw new IOException("record " + index + " is not a JSON object");
        }
        return new SampleRecord(index, source, (ObjectNode) node);
    }

    /** 0-based number of the record in its file. */
    public int index() {
        return index;
    }

    /** A copy of the exact source bytes. */
    public byte[] sourceBytes() {
        return source.clone();
    }

    /** The exact source text. */
    public String sourceText() {
        return new String(source, StandardCharsets.UTF_8);
    }

    /** A deep copy of the whole record as a tree (fields in source order, unknown fields included). */
    public ObjectNode json() {
        return json.deepCopy();
    }

    /** Field names in source order. */
    public List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The id as text (numbers as their JSON text), or null. */
    public String id() {
        JsonNode id = json.get("id");
        return id == null || id.isNull() || id.isContainerNode() ? null : id.asText();
    }

    /** The image paths: none for a text-only record, one or several (when {@code image} is a list). */
    public List<String> images() {
        JsonNode image = json.get("image");
        if (image == null) {
            return List.of();
        }
        if (image.isTextual()) {
            return List.of(image.textValue());
        }
        List<String> paths = new ArrayList<>();
        if (image.isArray()) {
            image.forEach(n -> {
                if (n.isTextual()) {
                    paths.add(n.textValue());
                }
            });
        }
        return Collections.unmodifiableList(paths);
    }

    /** The turns of {@code conversations} in order (empty when missing or not a list). */
    public List<Turn> turns() {
        JsonNode conversations = json.get("conversations");
        if (conversations == null || !conversations.isArray()) {
            return List.of();
        }
        List<Turn> turns = new ArrayList<>(conversations.size());
        for (JsonNode t : conversations) {
            JsonNode from = t.get("from");
            JsonNode value = t.get("value");
            turns.add(new Turn(from != null && from.isTextual() ? from.textValue() : null,
                    value != null && value.isTextual() ? value.textValue() : null));
        }
        return Collections.unmodifiableList(turns);
    }

    /** The raw value of any field, or null. */
    public JsonNode field(String name) {
        JsonNode n = json.get(name);
        return n == null ? null : n.deepCopy();
    }

    /** The first human question without the image token, trimmed (handy for list views). */
    public String firstQuestion() {
        for (Turn t : turns()) {
            if (t.isHuman() && t.value() != null) {
                return t.value().replace(ImageToken.TEXT, "").strip();
            }
        }
        return "";
    }
}
