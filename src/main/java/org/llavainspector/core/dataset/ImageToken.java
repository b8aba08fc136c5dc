package org.llavainspector.core.dataset;

/** The {@code <image>} placeholder that marks where an image goes in a turn, and where it stands. */
public final class ImageToken {
    /** The literal token. */
    public static final String TEXT = "<image>";

    private ImageToken() {
    }

    /** Where the token stands in the first human turn of a record. */
    public enum Placement {
        /** The turn starts with the token (LLaVA's {@code "<image>\nQuestion"}). */
        START("start"),
        /** The turn ends with the token ({@code "Question\n<image>"}). */
        END("end"),
        /** The token is inside the text. */
        MIDDLE("middle"),
        /** More than one token in the record. */
        MULTIPLE("multiple"),
        /** No token in the record. */
        NONE("none");

        private final String label;

        Placement(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Counts the tokens in {@code chars[offset, offset+length)}. */
    public static int count(char[] chars, int offset, int length) {
        int n = 0;
        int end = offset + length - TEXT.length();
        for (int i = offset; i <= end; i++) {
            if (chars[i] == '<' && matchesAt(chars, i)) {
                n++;
                i += TEXT.length() - 1;
            }
        }
        return n;
    }

    /** Counts the tokens in a string. */
    public static int count(String text) {
        return count(text.toCharArray(), 0, text.length());
    }

    /** Placement of the (single) token in a turn's text, ignoring surrounding whitespace. */
    public static Placement placement(char[] chars, int offset, int length) {
        int start = offset;
        int end = offset + length;
        while (start < end && Character.isWhitespace(chars[start])) {
            start++;
        }
        while (end > start && Character.isWhitespace(chars[end - 1])) {
            end--;
        }
        if (end - start >= TEXT.length() && matchesAt(chars, start)) {
            return Placement.START;
        }
        if (end - start >= TEXT.length() && matchesAt(chars, end - TEXT.length())) {
            return Placement.END;
        }
        return count(chars, offset, length) > 0 ? Placement.MIDDLE : Placement.NONE;
    }

    private static boolean matchesAt(char[] chars, int at) {
        for (int k = 0; k < TEXT.length(); k++) {
            if (chars[at + k] != TEXT.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
