package org.llavainspector.core.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * A record on one line, as Python's {@code json.dumps} writes it ({@code {"id": "x", "image": ...}}): fields in their
 * source order, numbers spelled as in the source, optionally a new {@code image} (inserted after {@code id} when the
 * record had none). Streams tokens from the source text, so unknown fields are copied whatever they hold.
 */
final class CompactJson {
    /** Lower-case hex in escapes, as Python writes them. */
    private static final JsonFactory JSON = JsonFactory.builder().disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE).build();
    private static final PrettyPrinter PYTHON_COMPACT = new PythonCompactPrinter();

    private CompactJson() {
    }

    /**
     * @param images the new image paths, or null to keep the record's own; an empty list drops the field
     */
    static byte[] write(byte[] record, List<String> images) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(record.length);
        boolean ascii = JsonText.isAscii(record);
        try (JsonParser p = JSON.createParser(record); JsonGenerator g = JSON.createGenerator(out)) {
            g.setPrettyPrinter(PYTHON_COMPACT);
            if (ascii) {
                g.enable(JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());
            }
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("the record is not a JSON object");
            }
            g.writeStartObject();
            boolean written = images == null || hasImageField(record);
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (images != null && name.equals("image")) {
                    boolean wasArray = p.currentToken() == JsonToken.START_ARRAY;
                    p.skipChildren();
                    writeImage(g, images, wasArray);
                    written = true;
                    continue;
                }
                g.writeFieldName(name);
                copyValue(p, g);
                if (!written && name.equals("id")) {
                    writeImage(g, images, false);
                    written = true;
                }
            }
            if (t != JsonToken.END_OBJECT) {
                throw new IOException("the record is not a complete JSON object");
            }
            if (!written) {
                writeImage(g, images, false);
            }
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    private static boolean hasImageField(byte[] record) throws IOException {
        try (JsonParser p = JSON.createParser(record)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                if (p.currentName().equals("image")) {
                    return true;
                }
                p.nextToken();
                p.skipChildren();
            }
            return false;
        }
    }

    private static void writeImage(JsonGenerator g, List<String> images, boolean asArray) throws IOException {
        if (images.isEmpty()) {
            return;
        }
        g.writeFieldName("image");
        if (images.size() == 1 && !asArray) {
            g.writeString(images.get(0));
            return;
        }
        g.writeStartArray();
        for (String s : images) {
            g.writeString(s);
        }
        g.writeEndArray();
    }

    /** Copies the current value (and what it holds), numbers with their source spelling. */
    private static void copyValue(JsonParser p, JsonGenerator g) throws IOException {
        int depth = 0;
        do {
            JsonToken t = p.currentToken();
            switch (t) {
                case VALUE_NUMBER_INT:
                case VALUE_NUMBER_FLOAT:
                    g.writeNumber(p.getText());
                    break;
                case START_OBJECT:
                case START_ARRAY:
                    depth++;
                    g.copyCurrentEvent(p);
                    break;
                case END_OBJECT:
                case END_ARRAY:
                    depth--;
                    g.copyCurrentEvent(p);
                    break;
                default:
                    g.copyCurrentEvent(p);
            }
        } while (depth > 0 && p.nextToken() != null);
    }

    /** ", " between items and ": " after keys, no line breaks: Python's default separators. */
    private static final class PythonCompactPrinter implements PrettyPrinter {
        @Override
        public void writeRootValueSeparator(JsonGenerator g) {
        }

        @Override
        public void writeStartObject(JsonGenerator g) throws IOException {
            g.writeRaw('{');
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) throws IOException {
            g.writeRaw('}');
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(": ");
        }

        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            g.writeRaw('[');
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) throws IOException {
            g.writeRaw(']');
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(", ");
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) {
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) {
        }
    }
}
