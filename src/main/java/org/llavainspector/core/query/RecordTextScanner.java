package org.llavainspector.core.query;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.regex.Matcher;

/**
 * Answers all the text terms of one query on one record's source bytes in one pass, without building a tree: a small
 * JSON walker that looks only inside the strings of {@code id} (or its number), {@code image} (a string or a list)
 * and each turn's {@code value} and {@code from}. Keys and other fields are skipped. It stops as soon as every term
 * was found.
 *
 * <p>Most strings are plain ASCII without escapes; they are searched where they lie, comparing bytes case-folded
 * and spaces-run aware, which is exactly a search in their folded text ({@link TextFold}). The others are decoded
 * first (escapes such as {@code \n}, {@code \"}, {@code \\u00e9} and surrogate pairs, UTF-8). A regex runs only on
 * strings that contain its {@link RegexLiteral required literal}, if it has one.
 *
 * <p>Not thread-safe: one per worker thread. The bytes must be one JSON object (as the index found them); anything
 * else ends the scan early, never in an exception.
 */
final class RecordTextScanner {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
    private static final long SPACES = 0x2020202020202020L;

    private static final int OTHER = 0;
    private static final int ID = 1;
    private static final int IMAGE = 2;
    private static final int CONVERSATIONS = 3;
    private static final int FROM = 4;
    private static final int VALUE = 5;

    private final boolean[] found;
    private final int[] needleSlots;
    private final char[][] needles;
    private final int[] patternSlots;
    private final Matcher[] matchers;
    /** Per pattern, the folded literal its matches contain in decoded text, or null. */
    private final char[][] literals;
    /** Per pattern, the folded literal its matches contain in plain ASCII text (may hold i and s), or null. */
    private final char[][] asciiLiterals;
    private final int[] roleSlots;
    private final char[][] roles;
    /** Whether decoded strings need a folded copy (for needles or regex literals) and an original one (regexes). */
    private final boolean wantFolded;
    private final boolean wantOriginal;
    private final boolean searchesText;
    private final ByteSequence ascii = new ByteSequence();

    private byte[] b;
    private int end;
    private int remaining;
    private char[] folded = new char[0];
    private char[] original = new char[0];
    private int foldedLength;
    private int originalLength;

    RecordTextScanner(TextTerms terms) {
        found = new boolean[terms.size()];
        needleSlots = slots(terms, TextTerms.Kind.NEEDLE);
        patternSlots = slots(terms, TextTerms.Kind.PATTERN);
        roleSlots = slots(terms, TextTerms.Kind.ROLE);
        needles = new char[needleSlots.length][];
        for (int k = 0; k < needleSlots.length; k++) {
            needles[k] = terms.text(needleSlots[k]).toCharArray();
        }
        matchers = new Matcher[patternSlots.length];
        literals = new char[patternSlots.length][];
        asciiLiterals = new char[patternSlots.length][];
        boolean anyLiteral = false;
        for (int k = 0; k < patternSlots.length; k++) {
            String regex = terms.pattern(patternSlots[k]).pattern();
            matchers[k] = terms.pattern(patternSlots[k]).matcher("");
            literals[k] = chars(RegexLiteral.required(regex, false));
            asciiLiterals[k] = chars(RegexLiteral.required(regex, true));
            anyLiteral |= literals[k] != null;
        }
        roles = new char[roleSlots.length][];
        for (int k = 0; k < roleSlots.length; k++) {
            roles[k] = terms.text(roleSlots[k]).toCharArray();
        }
        wantFolded = needles.length > 0 || anyLiteral;
        wantOriginal = matchers.length > 0;
        searchesText = needles.length > 0 || matchers.length > 0;
    }

    private static char[] chars(String s) {
        return s == null ? null : s.toCharArray();
    }

    private static int[] slots(TextTerms terms, TextTerms.Kind kind) {
        int[] slots = new int[terms.size()];
        int n = 0;
        for (int i = 0; i < terms.size(); i++) {
            if (terms.kind(i) == kind) {
                slots[n++] = i;
            }
        }
        return Arrays.copyOf(slots, n);
    }

    /** Which slots occur in the record bytes[start..end); the array is reused by the next call. */
    boolean[] scan(byte[] bytes, int start, int end) {
        Arrays.fill(found, false);
        remaining = found.length;
        if (remaining == 0) {
            return found;
        }
        this.b = bytes;
        this.end = end;
        // A decoded string never has more UTF-16 units than its encoded bytes.
        int need = end - start;
        if (wantFolded && folded.length < need) {
            folded = new char[Math.max(need, folded.length * 2)];
        }
        if (original.length < need) {
            original = new char[Math.max(need, original.length * 2)];
        }
        record(start);
        this.b = null;
        return found;
    }

    private void record(int p) {
        p = ws(p);
        if (at(p) != '{') {
            return;
        }
        p++;
        while (p >= 0 && remaining > 0) {
            p = ws(p);
            int c = at(p);
            if (c == ',') {
                p++;
                continue;
            }
            if (c != '"') {
                return;
            }
            int keyEnd = skipString(p);
            if (keyEnd < 0) {
                return;
            }
            int field = key(p + 1, keyEnd - 1, true);
            p = ws(keyEnd);
            if (at(p) != ':') {
                return;
            }
            p = ws(p + 1);
            switch (field) {
                case ID:
                    p = id(p);
                    break;
                case IMAGE:
                    p = image(p);
                    break;
                case CONVERSATIONS:
                    p = conversations(p);
                    break;
                default:
                    p = skipValue(p);
            }
        }
    }

    private int id(int p) {
        int c = at(p);
        if (c == '"') {
            return text(p);
        }
        if (c == '-' || c >= '0' && c <= '9') {
            int q = p;
            while (q < end && isNumberChar(b[q])) {
                q++;
            }
            if (searchesText) {
                matchAscii(p, q);
            }
            return q;
        }
        return skipValue(p);
    }

    private static boolean isNumberChar(byte c) {
        return c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
    }

    private int image(int p) {
        int c = at(p);
        if (c == '"') {
            return text(p);
        }
        if (c != '[') {
            return skipValue(p);
        }
        p++;
        while (p >= 0 && remaining > 0) {
            p = ws(p);
            c = at(p);
            if (c == ']') {
                return p + 1;
            }
            if (c == ',') {
                p++;
            } else if (c == '"') {
                p = text(p);
            } else {
                p = skipValue(p);
            }
        }
        return -1;
    }

    private int conversations(int p) {
        if (at(p) != '[') {
            return skipValue(p);
        }
        p++;
        while (p >= 0 && remaining > 0) {
            p = ws(p);
            int c = at(p);
            if (c == ']') {
                return p + 1;
            }
            if (c == ',') {
                p++;
            } else if (c == '{') {
                p = turn(p + 1);
            } else {
                p = skipValue(p);
            }
        }
        return -1;
    }

    /** The fields of one turn; p is after its '{'. Returns the position after its '}'. */
    private int turn(int p) {
        while (p >= 0 && remaining > 0) {
            p = ws(p);
            int c = at(p);
            if (c == '}') {
                return p + 1;
            }
            if (c == ',') {
                p++;
                continue;
            }
            if (c != '"') {
                return -1;
            }
            int keyEnd = skipString(p);
            if (keyEnd < 0) {
                return -1;
            }
            int field = key(p + 1, keyEnd - 1, false);
            p = ws(keyEnd);
            if (at(p) != ':') {
                return -1;
            }
            p = ws(p + 1);
            if (field == VALUE && at(p) == '"') {
                p = text(p);
            } else if (field == FROM && at(p) == '"' && roles.length > 0) {
                p = role(p);
            } else {
                p = skipValue(p);
            }
        }
        return -1;
    }

    /** Which field a key names; top-level keys when {@code record}, else turn keys. */
    private int key(int from, int to, boolean record) {
        int length = to - from;
        for (int i = from; i < to; i++) {
            if (b[i] == '\\') {
                // an escaped key (legal, never seen in practice): decode it and compare as text
                decode(from, false, true);
                String name = new String(original, 0, originalLength);
                return record ? recordKey(name) : turnKey(name);
            }
        }
        if (record) {
            if (length == 2 && b[from] == 'i' && b[from + 1] == 'd') {
                return ID;
            }
            if (length == 5 && rawEquals(from, "image")) {
                return IMAGE;
            }
            return length == 13 && rawEquals(from, "conversations") ? CONVERSATIONS : OTHER;
        }
        if (length == 4 && rawEquals(from, "from")) {
            return FROM;
        }
        return length == 5 && rawEquals(from, "value") ? VALUE : OTHER;
    }

    private static int recordKey(String name) {
        switch (name) {
            case "id":
                return ID;
            case "image":
                return IMAGE;
            case "conversations":
                return CONVERSATIONS;
            default:
                return OTHER;
        }
    }

    private static int turnKey(String name) {
        return name.equals("from") ? FROM : name.equals("value") ? VALUE : OTHER;
    }

    private boolean rawEquals(int from, String s) {
        for (int i = 0; i < s.length(); i++) {
            if (b[from + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Matches the string at p (its opening quote) against needles and regexes; returns the position after it. */
    private int text(int p) {
        if (!searchesText) {
            return skipString(p);
        }
        int start = p + 1;
        int q = special(start);
        if (q < 0) {
            return -1;
        }
        if (b[q] == '"') {
            matchAscii(start, q);
            return q + 1;
        }
        int after = decode(start, wantFolded, wantOriginal);
        if (after >= 0) {
            matchDecoded();
        }
        return after;
    }

    /** Compares the {@code from} string at p with the roles; returns the position after it. */
    private int role(int p) {
        int start = p + 1;
        int q = special(start);
        if (q < 0) {
            return -1;
        }
        if (b[q] == '"') {
            for (int k = 0; k < roles.length; k++) {
                int slot = roleSlots[k];
                if (!found[slot] && asciiEquals(start, q, roles[k])) {
                    found[slot] = true;
                    remaining--;
                }
            }
            return q + 1;
        }
        int after = decode(start, false, true);
        if (after >= 0) {
            for (int k = 0; k < roles.length; k++) {
                int slot = roleSlots[k];
                if (!found[slot] && originalLength == roles[k].length
                        && Arrays.equals(original, 0, originalLength, roles[k], 0, originalLength)) {
                    found[slot] = true;
                    remaining--;
                }
            }
        }
        return after;
    }

    private boolean asciiEquals(int from, int to, char[] s) {
        if (to - from != s.length) {
            return false;
        }
        for (int i = 0; i < s.length; i++) {
            if (b[from + i] != s[i]) {
                return false;
            }
        }
        return true;
    }

    /** Needles and regexes on bytes[from..to), plain ASCII without escapes: no decoding needed. */
    private void matchAscii(int from, int to) {
        for (int k = 0; k < needles.length; k++) {
            int slot = needleSlots[k];
            if (!found[slot] && asciiContains(from, to, needles[k])) {
                found[slot] = true;
                remaining--;
            }
        }
        if (matchers.length > 0) {
            ascii.set(b, from, to);
            for (int k = 0; k < matchers.length; k++) {
                int slot = patternSlots[k];
                if (!found[slot] && (asciiLiterals[k] == null || asciiContains(from, to, asciiLiterals[k]))
                        && matchers[k].reset(ascii).find()) {
                    found[slot] = true;
                    remaining--;
                }
            }
        }
    }

    /**
     * Whether the folded text of plain ASCII bytes[from..to) contains the folded needle: bytes compare lower-cased,
     * and a space of the needle takes a whole run of spaces (a plain JSON string has no raw tab or line break).
     */
    private boolean asciiContains(int from, int to, char[] needle) {
        char first = needle[0];
        if (first >= 128) {
            return false;
        }
        byte lower = (byte) first;
        byte upper = (byte) Character.toUpperCase(first);
        byte[] bytes = b;
        int m = needle.length;
        char[] fold = TextFold.ASCII;
        long lowers = ONES * (lower & 0xff);
        long uppers = ONES * (upper & 0xff);
        for (int i = from, last = to - m; i <= last; i++) {
            if (i + 8 <= to) {
                // eight bytes at a time to the next byte that may start a match
                long w = (long) LONGS.get(bytes, i);
                long a = w ^ lowers;
                long u = w ^ uppers;
                long hits = ((a - ONES) & ~a | (u - ONES) & ~u) & HIGHS;
                if (hits == 0) {
                    i += 7;
                    continue;
                }
                i += Long.numberOfTrailingZeros(hits) >>> 3;
                if (i > last) {
                    return false;
                }
            } else if (bytes[i] != lower && bytes[i] != upper) {
                continue;
            }
            int r = i + 1;
            if (first == ' ') {
                while (r < to && bytes[r] == ' ') {
                    r++;
                }
            }
            int j = 1;
            while (j < m && r < to) {
                char c = needle[j];
                if (fold[bytes[r]] != c) {
                    break;
                }
                r++;
                j++;
                if (c == ' ') {
                    while (r < to && bytes[r] == ' ') {
                        r++;
                    }
                }
            }
            if (j == m) {
                return true;
            }
        }
        return false;
    }

    /** Needles and regexes on the just-decoded string. */
    private void matchDecoded() {
        for (int k = 0; k < needles.length; k++) {
            int slot = needleSlots[k];
            if (!found[slot] && TextFold.contains(folded, foldedLength, needles[k])) {
                found[slot] = true;
                remaining--;
            }
        }
        if (matchers.length > 0) {
            for (int k = 0; k < matchers.length; k++) {
                int slot = patternSlots[k];
                if (!found[slot] && (literals[k] == null || TextFold.contains(folded, foldedLength, literals[k]))
                        && matchers[k].reset(CharBuffer.wrap(original, 0, originalLength)).find()) {
                    found[slot] = true;
                    remaining--;
                }
            }
        }
    }

    /**
     * Decodes string content starting at p into {@code folded} and/or {@code original}; returns the position after
     * the closing quote, or -1 if the record ends first.
     */
    private int decode(int p, boolean fold, boolean keep) {
        char[] f = folded;
        char[] o = original;
        int fl = 0;
        int ol = 0;
        boolean space = false;
        byte[] bytes = b;
        int limit = end;
        while (true) {
            while (p < limit) {
                int c = bytes[p];
                if (c < 0 || c == '"' || c == '\\') {
                    break;
                }
                p++;
                if (keep) {
                    o[ol++] = (char) c;
                }
                if (fold) {
                    char l = TextFold.ASCII[c];
                    if (l != ' ') {
                        f[fl++] = l;
                        space = false;
                    } else if (!space) {
                        f[fl++] = ' ';
                        space = true;
                    }
                }
            }
            if (p >= limit) {
                return -1;
            }
            int c = bytes[p];
            int cp;
            if (c == '"') {
                foldedLength = fl;
                originalLength = ol;
                return p + 1;
            } else if (c == '\\') {
                if (p + 1 >= limit) {
                    return -1;
                }
                int e = bytes[p + 1];
                p += 2;
                switch (e) {
                    case 'n':
                        cp = '\n';
                        break;
                    case 't':
                        cp = '\t';
                        break;
                    case 'r':
                        cp = '\r';
                        break;
                    case 'b':
                        cp = '\b';
                        break;
                    case 'f':
                        cp = '\f';
                        break;
                    case 'u':
                        cp = hex4(p);
                        if (cp < 0) {
                            return -1;
                        }
                        p += 4;
                        if (Character.isHighSurrogate((char) cp) && p + 6 <= limit && bytes[p] == '\\' && bytes[p + 1] == 'u') {
                            int low = hex4(p + 2);
                            if (low >= 0 && Character.isLowSurrogate((char) low)) {
                                cp = Character.toCodePoint((char) cp, (char) low);
                                p += 6;
                            }
                        }
                        break;
                    default:
                        cp = e; // \" \\ \/ (and anything else, taken literally)
                }
            } else {
                int lead = c & 0xff;
                int n = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
                if (p + n >= limit) {
                    return -1;
                }
                cp = n == 3 ? lead & 0x07 : n == 2 ? lead & 0x0F : lead & 0x1F;
                for (int k = 1; k <= n; k++) {
                    cp = (cp << 6) | (bytes[p + k] & 0x3F);
                }
                if (n == 0 || cp > Character.MAX_CODE_POINT) {
                    cp = 0xFFFD;
                }
                p += n + 1;
            }
            if (keep) {
                if (cp < 0x10000) {
                    o[ol++] = (char) cp;
                } else {
                    o[ol++] = Character.highSurrogate(cp);
                    o[ol++] = Character.lowSurrogate(cp);
                }
            }
            if (fold) {
                if (TextFold.isSpace(cp)) {
                    if (!space) {
                        f[fl++] = ' ';
                        space = true;
                    }
                } else {
                    space = false;
                    int l = cp < 128 ? TextFold.ASCII[cp] : Character.toLowerCase(cp);
                    if (l < 0x10000) {
                        f[fl++] = (char) l;
                    } else {
                        f[fl++] = Character.highSurrogate(l);
                        f[fl++] = Character.lowSurrogate(l);
                    }
                }
            }
        }
    }

    private int hex4(int p) {
        if (p + 4 > end) {
            return -1;
        }
        int v = 0;
        for (int i = p; i < p + 4; i++) {
            int d = Character.digit(b[i], 16);
            if (d < 0) {
                return -1;
            }
            v = (v << 4) | d;
        }
        return v;
    }

    /**
     * The first position from p holding '"', '\\', a control character or a non-ASCII byte (eight bytes at a time),
     * or -1 when the record ends first.
     */
    private int special(int p) {
        byte[] bytes = b;
        int limit = end;
        while (p + 8 <= limit) {
            long w = (long) LONGS.get(bytes, p);
            long quote = w ^ QUOTES;
            long backslash = w ^ BACKSLASHES;
            // a byte below 0x20 borrows into its high bit; a borrow only spoils bytes after the first hit
            long hits = ((quote - ONES) & ~quote | (backslash - ONES) & ~backslash | w - SPACES | w) & HIGHS;
            if (hits != 0) {
                return p + (Long.numberOfTrailingZeros(hits) >>> 3);
            }
            p += 8;
        }
        for (; p < limit; p++) {
            byte c = bytes[p];
            if (c == '"' || c == '\\' || c < 0x20) {
                return p;
            }
        }
        return -1;
    }

    private int at(int p) {
        return p >= 0 && p < end ? b[p] : -1;
    }

    private int ws(int p) {
        if (p < 0) {
            return p;
        }
        while (p < end) {
            byte c = b[p];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return p;
            }
            p++;
        }
        return p;
    }

    /** p is at an opening quote; returns the position after the closing one, or -1. */
    private int skipString(int p) {
        int i = p + 1;
        while (true) {
            i = special(i);
            if (i < 0) {
                return -1;
            }
            byte c = b[i];
            if (c == '"') {
                return i + 1;
            }
            i += c == '\\' ? 2 : 1;
        }
    }

    /** Skips any JSON value at p; returns the position after it, or -1. */
    private int skipValue(int p) {
        int c = at(p);
        if (c == '"') {
            return skipString(p);
        }
        if (c == '{' || c == '[') {
            int depth = 0;
            for (int i = p; i < end; i++) {
                byte x = b[i];
                if (x == '"') {
                    i = skipString(i) - 1;
                    if (i < 0) {
                        return -1;
                    }
                } else if (x == '{' || x == '[') {
                    depth++;
                } else if (x == '}' || x == ']') {
                    if (--depth == 0) {
                        return i + 1;
                    }
                }
            }
            return -1;
        }
        if (c < 0) {
            return -1;
        }
        int i = p;
        while (i < end && b[i] != ',' && b[i] != '}' && b[i] != ']' && b[i] != ' ' && b[i] != '\n' && b[i] != '\r'
                && b[i] != '\t') {
            i++;
        }
        return i == p ? -1 : i;
    }

    /** A reusable view of plain ASCII bytes as a {@link CharSequence}. */
    private static final class ByteSequence implements CharSequence {
        private byte[] bytes = new byte[0];
        private int offset;
        private int length;

        void set(byte[] bytes, int from, int to) {
            this.bytes = bytes;
            this.offset = from;
            this.length = to - from;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            if (index < 0 || index >= length) {
                throw new IndexOutOfBoundsException(index);
            }
            return (char) bytes[offset + index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            StringBuilder sb = new StringBuilder(end - start);
            for (int i = start; i < end; i++) {
                sb.append(charAt(i));
            }
            return sb.toString();
        }

        @Override
        public String toString() {
            return subSequence(0, length).toString();
        }
    }
}
