package org.llavainspector.core.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts new {@code image} paths into a record's exact source text, changing only the bytes of the {@code image}
 * value: every other field, its order, spacing, number spelling and string escapes stay as they were. A list keeps
 * the layout of the list it replaces; a new field goes after {@code id}, laid out like its neighbours.
 */
final class ImageSplice {
    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final byte[] src;
    private final boolean ascii;
    private final List<Integer> keyStarts = new ArrayList<>();
    private final List<Integer> valueStarts = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private int open;
    private int close;
    private int image = -1;
    private boolean imageIsArray;
    private final List<Integer> elementStarts = new ArrayList<>();
    private int arrayClose;

    private ImageSplice(byte[] src) {
        this.src = src;
        this.ascii = JsonText.isAscii(src);
    }

    /** The record's text with {@code image} set to {@code paths} (an empty list removes the field). */
    static byte[] splice(byte[] record, List<String> paths) throws IOException {
        ImageSplice s = new ImageSplice(record);
        s.scan();
        return s.rewrite(paths);
    }

    private void scan() throws IOException {
        try (JsonParser p = JSON.createParser(src)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("the record is not a JSON object");
            }
            open = offset(p);
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                keyStarts.add(offset(p));
                names.add(name);
                JsonToken value = p.nextToken();
                valueStarts.add(offset(p));
                if (name.equals("image")) {
                    image = names.size() - 1;
                    imageIsArray = value == JsonToken.START_ARRAY;
                    if (imageIsArray) {
                        elementStarts.clear();
                        JsonToken e;
                        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                            elementStarts.add(offset(p));
                            if (e.isStructStart()) {
                                p.skipChildren();
                            }
                        }
                        arrayClose = offset(p);
                        continue;
                    }
                }
                p.skipChildren();
            }
            if (t != JsonToken.END_OBJECT) {
                throw new IOException("the record is not a complete JSON object");
            }
            close = offset(p);
        }
    }

    private static int offset(JsonParser p) {
        return (int) p.currentTokenLocation().getByteOffset();
    }

    /** Where value i ends: back from the next key (or the closing brace) over whitespace, a comma, whitespace. */
    private int valueEnd(int i) {
        int next = i + 1 < keyStarts.size() ? keyStarts.get(i + 1) : close;
        return endBefore(next, i + 1 < keyStarts.size());
    }

    private int endBefore(int next, boolean comma) {
        int k = next;
        while (JsonText.isWhitespace(src[k - 1])) {
            k--;
        }
        if (comma && src[k - 1] == ',') {
            k--;
            while (JsonText.isWhitespace(src[k - 1])) {
                k--;
            }
        }
        return k;
    }

    private byte[] rewrite(List<String> paths) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(src.length + 64);
        if (image >= 0) {
            if (paths.isEmpty()) {
                int from;
                int to;
                if (image > 0) {
                    from = valueEnd(image - 1);
                    to = valueEnd(image);
                } else if (image + 1 < names.size()) {
                    from = keyStarts.get(image);
                    to = keyStarts.get(image + 1);
                } else {
                    from = keyStarts.get(image);
                    to = valueEnd(image);
                }
                return join(out, from, to, "");
            }
            return join(out, valueStarts.get(image), valueEnd(image), value(paths));
        }
        if (paths.isEmpty()) {
            return src.clone();
        }
        if (names.isEmpty()) {
            return join(out, open + 1, close, "\"image\": " + value(paths));
        }
        String field = "\"image\"" + keyValueSeparator() + value(paths);
        int id = names.indexOf("id");
        if (id >= 0) {
            int at = valueEnd(id);
            return join(out, at, at, fieldSeparator() + field);
        }
        int at = keyStarts.get(0);
        return join(out, at, at, field + fieldSeparator());
    }

    private byte[] join(ByteArrayOutputStream out, int from, int to, String middle) {
        out.write(src, 0, from);
        out.writeBytes(JsonText.utf8(middle));
        out.write(src, to, src.length - to);
        return out.toByteArray();
    }

    /** The bytes between the first key and its value, e.g. {@code ": "}, from the colon on. */
    private String keyValueSeparator() {
        int v = valueStarts.get(0);
        int colon = v - 1;
        while (src[colon] != ':') {
            colon--;
        }
        int from = colon;
        while (JsonText.isWhitespace(src[from - 1])) {
            from--;
        }
        return text(from, v);
    }

    /** What separates two fields, e.g. {@code ",\n    "} or {@code ", "}. */
    private String fieldSeparator() {
        if (names.size() >= 2) {
            return text(valueEnd(0), keyStarts.get(1));
        }
        String lead = text(open + 1, keyStarts.get(0));
        return lead.isEmpty() ? ", " : "," + lead;
    }

    private String text(int from, int to) {
        return new String(src, from, to - from, StandardCharsets.UTF_8);
    }

    private String value(List<String> paths) {
        if (paths.size() == 1 && !(image >= 0 && imageIsArray)) {
            return JsonText.quote(paths.get(0), ascii);
        }
        String open;
        String separator;
        String closing;
        if (image >= 0 && imageIsArray && !elementStarts.isEmpty()) {
            int first = elementStarts.get(0);
            open = text(valueStarts.get(image) + 1, first);
            separator = elementStarts.size() >= 2
                    ? text(endBefore(elementStarts.get(1), true), elementStarts.get(1))
                    : open.contains("\n") ? "," + open : ", ";
            int lastEnd = endBefore(arrayClose, false);
            closing = text(lastEnd, arrayClose);
        } else if (JsonText.isMultiLine(src, 0, src.length)) {
            String fieldIndent = indentBefore(image >= 0 ? keyStarts.get(image) : keyStarts.get(0));
            String unit = fieldIndent.length() > indentBefore(close).length()
                    ? fieldIndent.substring(indentBefore(close).length()) : "  ";
            open = "\n" + fieldIndent + unit;
            separator = "," + open;
            closing = "\n" + fieldIndent;
        } else {
            open = "";
            separator = ", ";
            closing = "";
        }
        StringBuilder sb = new StringBuilder("[").append(open);
        for (int i = 0; i < paths.size(); i++) {
            if (i > 0) {
                sb.append(separator);
            }
            sb.append(JsonText.quote(paths.get(i), ascii));
        }
        return sb.append(closing).append(']').toString();
    }

    /** The spaces and tabs between the line break before {@code at} and {@code at} ("" when not at a line start). */
    private String indentBefore(int at) {
        int k = at;
        while (k > 0 && (src[k - 1] == ' ' || src[k - 1] == '\t')) {
            k--;
        }
        return k == 0 || src[k - 1] == '\n' || src[k - 1] == '\r' ? text(k, at) : "";
    }
}
