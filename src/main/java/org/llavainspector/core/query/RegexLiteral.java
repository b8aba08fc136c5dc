package org.llavainspector.core.query;

import java.util.Locale;

/**
 * Finds a run of letters and digits that every match of a regular expression must contain, so that the (slow,
 * case-insensitive) regex runs only on strings that contain it: {@code \bfrisbees?\b} needs "frisbee".
 *
 * <p>Conservative: no literal for alternation at top level, inline flags {@code (?...)} or quoting {@code \Q}; groups
 * and classes are skipped; a character under {@code ?}, {@code *} or {@code {} does not count. Outside plain ASCII
 * text the letters i and s are never part of a literal, since a case-insensitive Unicode regex also matches them
 * with dotless ı and long ſ, which the folded text does not turn into i and s.
 */
final class RegexLiteral {
    private static final int MIN_LENGTH = 3;

    private RegexLiteral() {
    }

    /** The folded literal in any text, or null when none of at least three characters is sure. */
    static String required(String regex) {
        return required(regex, false);
    }

    /**
     * The folded literal, or null when none of at least three characters is sure; in text known to be plain ASCII
     * ({@code asciiText}) i and s may be part of it, since dotless ı and long ſ cannot occur there.
     */
    static String required(String regex, boolean asciiText) {
        if (regex.contains("(?") || regex.contains("\\Q")) {
            return null;
        }
        String best = "";
        StringBuilder run = new StringBuilder();
        int n = regex.length();
        int i = 0;
        while (i < n) {
            char c = regex.charAt(i);
            if (c == '|') {
                return null;
            }
            if (c == '*' || c == '?' || c == '{' || c == '+') {
                if (c != '+' && run.length() > 0 && i > 0 && isLiteral(regex.charAt(i - 1), asciiText)) {
                    run.setLength(run.length() - 1); // the character before may occur zero times
                }
                best = longer(best, run);
                i = c == '{' ? skipPast(regex, i, '}') : i + 1;
                if (i < n && (regex.charAt(i) == '?' || regex.charAt(i) == '+')) {
                    i++;
                }
                continue;
            }
            if (isLiteral(c, asciiText)) {
                run.append(Character.toLowerCase(c));
                i++;
                continue;
            }
            best = longer(best, run);
            if (c == '\\') {
                i = skipEscape(regex, i);
            } else if (c == '[') {
                i = skipClass(regex, i);
            } else if (c == '(') {
                i = skipGroup(regex, i);
            } else {
                i++;
            }
            if (i < 0) {
                return null;
            }
        }
        best = longer(best, run);
        return best.length() >= MIN_LENGTH ? best : null;
    }

    private static boolean isLiteral(char c, boolean asciiText) {
        return c < 128 && Character.isLetterOrDigit(c) && (asciiText || c != 'i' && c != 'I' && c != 's' && c != 'S');
    }

    private static String longer(String best, StringBuilder run) {
        String candidate = run.toString().toLowerCase(Locale.ROOT);
        run.setLength(0);
        return candidate.length() > best.length() ? candidate : best;
    }

    private static int skipPast(String s, int i, char close) {
        int at = s.indexOf(close, i);
        return at < 0 ? -1 : at + 1;
    }

    /** i is at a backslash; returns the index after the whole escape. */
    private static int skipEscape(String s, int i) {
        if (i + 1 >= s.length()) {
            return -1;
        }
        char e = s.charAt(i + 1);
        int j = i + 2;
        switch (e) {
            case 'p':
            case 'P':
            case 'x':
                return j < s.length() && s.charAt(j) == '{' ? skipPast(s, j, '}') : Math.min(s.length(), j + (e == 'x' ? 2 : 1));
            case 'N':
                return skipPast(s, j, '}');
            case 'k':
                return skipPast(s, j, '>');
            case 'u':
                return Math.min(s.length(), j + 4);
            case 'c':
                return Math.min(s.length(), j + 1);
            default:
                if (e >= '0' && e <= '9') {
                    while (j < s.length() && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
                        j++;
                    }
                }
                return j;
        }
    }

    /** i is at '['; returns the index after the matching ']' (classes nest in Java). */
    private static int skipClass(String s, int i) {
        int depth = 0;
        int j = i;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c == '\\') {
                j += 2;
                continue;
            }
            if (c == '[') {
                depth++;
                j++;
                if (j < s.length() && s.charAt(j) == '^') {
                    j++;
                }
                if (j < s.length() && s.charAt(j) == ']') {
                    j++; // a ']' first in a class is literal
                }
                continue;
            }
            if (c == ']' && --depth == 0) {
                return j + 1;
            }
            j++;
        }
        return -1;
    }

    /** i is at '('; returns the index after the matching ')'. */
    private static int skipGroup(String s, int i) {
        int depth = 0;
        int j = i;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c == '\\') {
                j += 2;
            } else if (c == '[') {
                j = skipClass(s, j);
                if (j < 0) {
                    return -1;
                }
            } else {
                if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    return j + 1;
                }
                j++;
            }
        }
        return -1;
    }
}
