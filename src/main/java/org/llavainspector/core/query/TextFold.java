package org.llavainspector.core.query;

/**
 * How text is compared by free words, phrases, {@code id:} and {@code image:}: lower case by code point
 * ({@link Character#toLowerCase(int)}), and every run of spaces, tabs and line breaks counts as one space, so that a
 * phrase typed with a space also finds text broken by {@code \n}.
 */
final class TextFold {
    /** Lower-case ASCII, with the four ASCII spaces mapped to ' '. */
    static final char[] ASCII = new char[128];

    static {
        for (int c = 0; c < 128; c++) {
            ASCII[c] = isSpace(c) ? ' ' : (char) Character.toLowerCase(c);
        }
    }

    private TextFold() {
    }

    static boolean isSpace(int c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    /** The folded form of s. */
    static String fold(CharSequence s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); ) {
            int cp = Character.codePointAt(s, i);
            i += Character.charCount(cp);
            if (isSpace(cp)) {
                if (!space) {
                    sb.append(' ');
                }
                space = true;
            } else {
                sb.appendCodePoint(Character.toLowerCase(cp));
                space = false;
            }
        }
        return sb.toString();
    }

    /** True when the folded form of {@code text} contains {@code foldedNeedle}. */
    static boolean contains(String text, String foldedNeedle) {
        return text != null && fold(text).contains(foldedNeedle);
    }

    /** Whether hay[0..length) contains needle (both already folded). */
    static boolean contains(char[] hay, int length, char[] needle) {
        int m = needle.length;
        char first = needle[0];
        int last = length - m;
        for (int i = 0; i <= last; i++) {
            if (hay[i] != first) {
                continue;
            }
            int j = 1;
            while (j < m && hay[i + j] == needle[j]) {
                j++;
            }
            if (j == m) {
                return true;
            }
        }
        return false;
    }
}
