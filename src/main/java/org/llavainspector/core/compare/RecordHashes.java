package org.llavainspector.core.compare;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.llavainspector.core.dataset.DatasetIndex;
import org.llavainspector.core.util.TaskMonitor;

/**
 * Two 64-bit fingerprints per record, computed with Jackson's streaming parser so that no tree is kept: one of the
 * canonical conversation (each turn's {@code from} and {@code value}) and one of the whole record. Both ignore
 * whitespace and indentation; the whole-record one also ignores the order of the top-level fields.
 */
final class RecordHashes {
    private static final JsonFactory FACTORY = new JsonFactory();
    /** How often (in records) progress is reported and cancellation checked. */
    private static final int STEP = 1024;

    final long[] conversation;
    final long[] record;

    private RecordHashes(int size) {
        conversation = new long[size];
        record = new long[size];
    }

    /** Hashes every record of a complete index; {@code doneBefore}/{@code total} scale the progress reports. */
    static RecordHashes of(DatasetIndex index, TaskMonitor monitor, long doneBefore, long total) throws IOException {
        int size = index.size();
        RecordHashes hashes = new RecordHashes(size);
        for (int i = 0; i < size; i++) {
            if (i % STEP == 0) {
                monitor.checkCancelled();
                monitor.progress(doneBefore + i, total);
            }
            long[] both = hash(index.readBytes(i));
            hashes.conversation[i] = both[0];
            hashes.record[i] = both[1];
        }
        return hashes;
    }

    /** The conversations' hash only (for {@link DuplicateGroups}). */
    static long[] conversations(DatasetIndex index, TaskMonitor monitor) throws IOException {
        int size = index.size();
        long[] result = new long[size];
        for (int i = 0; i < size; i++) {
            if (i % STEP == 0) {
                monitor.checkCancelled();
                monitor.progress(i, size);
            }
            result[i] = hash(index.readBytes(i))[0];
        }
        return result;
    }

    /** {conversation hash, whole-record hash} of one record's source text. */
    static long[] hash(byte[] source) throws IOException {
        Hash conversation = new Hash();
        long record = 0;
        try (JsonParser p = FACTORY.createParser(source)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a record is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                Hash field = new Hash().text(name);
                JsonToken value = p.nextToken();
                if ("conversations".equals(name) && value == JsonToken.START_ARRAY) {
                    turns(p, field, conversation);
                } else {
                    tokens(p, field);
                }
                // Summed so that the order of the top-level fields does not matter.
                record += field.value();
            }
        }
        return new long[] {conversation.value(), record};
    }

    /** Reads the conversations array (current token START_ARRAY), feeding both the field and the turns hash. */
    private static void turns(JsonParser p, Hash field, Hash conversation) throws IOException {
        field.mark(JsonToken.START_ARRAY);
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            String from = null;
            String value = null;
            if (t == JsonToken.START_OBJECT) {
                field.mark(t);
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    field.text(name);
                    JsonToken v = p.nextToken();
                    if (v == JsonToken.VALUE_STRING && "from".equals(name)) {
                        from = p.getText();
                    } else if (v == JsonToken.VALUE_STRING && "value".equals(name)) {
                        value = p.getText();
                    }
                    tokens(p, field);
                }
                field.mark(JsonToken.END_OBJECT);
            } else {
                tokens(p, field);
            }
            conversation.text(from).text(value);
        }
        field.mark(JsonToken.END_ARRAY);
    }

    /** Feeds the value at the current token (scalar or whole container) into the hash. */
    private static void tokens(JsonParser p, Hash h) throws IOException {
        int depth = 0;
        do {
            JsonToken t = p.currentToken();
            h.mark(t);
            switch (t) {
                case START_OBJECT, START_ARRAY -> depth++;
                case END_OBJECT, END_ARRAY -> depth--;
                case FIELD_NAME, VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> h.text(p.getText());
                default -> {
                }
            }
        } while (depth > 0 && p.nextToken() != null);
    }

    /** FNV-1a over tagged, length-delimited pieces, finished with a 64-bit mixer. */
    static final class Hash {
        private long h = 0xcbf29ce484222325L;

        Hash mark(JsonToken token) {
            return add(0x10000 + token.ordinal());
        }

        Hash text(String s) {
            if (s == null) {
                return add(0x20000);
            }
            add(0x30000 + s.length());
            for (int i = 0; i < s.length(); i++) {
                add(s.charAt(i));
            }
            return this;
        }

        private Hash add(int v) {
            h = (h ^ v) * 0x100000001b3L;
            return this;
        }

        long value() {
            long z = h;
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            return z ^ (z >>> 31);
        }
    }
}
