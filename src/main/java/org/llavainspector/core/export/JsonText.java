package org.llavainspector.core.export;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;

/** JSON string literals written the way the source record writes its own. */
final class JsonText {
    private JsonText() {
    }

    /**
     * {@code s} as a quoted JSON string; with {@code asciiOnly} every non-ASCII character is written as
     * {@code \\uXXXX} (what Python's {@code json.dump} does by default, so records it wrote stay pure ASCII).
     */
    static String quote(String s, boolean asciiOnly) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        char[] escaped = JsonStringEncoder.getInstance().quoteAsString(s);
        if (!asciiOnly) {
            sb.append(escaped);
        } else {
            for (char c : escaped) {
                if (c < 0x80) {
                    sb.append(c);
                } else {
                    sb.append(String.format("\\u%04x", (int) c));
                }
            }
        }
        return sb.append('"').toString();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** True when every byte is ASCII. */
    static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** True when the text has a line break outside its strings (inside them a break is always escaped). */
    static boolean isMultiLine(byte[] bytes, int from, int length) {
        for (int i = from, end = from + length; i < end; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r') {
                return true;
            }
        }
        return false;
    }

    static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }
}
