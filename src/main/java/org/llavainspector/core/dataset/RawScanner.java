package org.llavainspector.core.dataset;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.llavainspector.core.util.TaskMonitor;

/**
 * The fast path of the passes that read every record of a file (statistics, the parallel index): the same
 * {@link RecordSummary} as {@link DatasetScanner}, read straight from the UTF-8 bytes. A turn's text is measured
 * where it lies (length in UTF-16 units, blankness, {@code <image>} tokens) instead of being decoded into characters
 * first, which is where a Jackson pass spends most of its time.
 *
 * <p>It is strict on purpose: whatever it is not certain to read exactly as Jackson does — malformed JSON, invalid or
 * unusual UTF-8, a byte order mark, escaped field names, deep nesting, very long strings or numbers — makes it give
 * up with {@link Bail}, and the caller reads that file or slice again with {@link DatasetScanner}, whose results and
 * one-line error messages are the reference. A test compares both scanners record by record, on real and on mangled
 * files.
 */
final class RawScanner {
    /** Thrown when this scanner cannot vouch for its reading; the caller falls back to {@link DatasetScanner}. */
    static final class Bail extends Exception {
        private static final long serialVersionUID = 1L;

        Bail() {
            super(null, null, false, false);
        }
    }

    /** Thrown inside a record when the buffer ends before it: the record is read again after a refill. */
    private static final class NeedMore extends Exception {
        private static final long serialVersionUID = 1L;

        NeedMore() {
            super(null, null, false, false);
        }
    }

    private static final Bail BAIL = new Bail();
    private static final NeedMore NEED_MORE = new NeedMore();
    private static final int CHECK_EVERY = 1024;
    /** Bytes that should be in the buffer when a record starts (see the reading loop). */
    private static final int AHEAD = 64 * 1024;
    private static final int MAX_DEPTH = 200;
    private static final int MAX_STRING_BYTES = 1 << 20;
    private static final int MAX_NAME_BYTES = 1000;
    private static final int MAX_NUMBER_BYTES = 100;
    private static final int MAX_RECORD_BYTES = 1 << 28;
    private static final byte[] ID = {'i', 'd'};
    private static final byte[] IMAGE = {'i', 'm', 'a', 'g', 'e'};
    private static final byte[] CONVERSATIONS = "conversations".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] FROM = {'f', 'r', 'o', 'm'};
    private static final byte[] VALUE = {'v', 'a', 'l', 'u', 'e'};
    private static final byte[] HUMAN = {'h', 'u', 'm', 'a', 'n'};
    private static final byte[] GPT = {'g', 'p', 't'};
    /** Bytes that stand for one UTF-16 unit of text and need no further look: ASCII but quote, backslash and '<'. */
    private static final boolean[] PLAIN = new boolean[256];

    static {
        for (int c = 0x20; c < 0x80; c++) {
            PLAIN[c] = c != '"' && c != '\\' && c != '<';
        }
    }

    /** Eight bytes of {@link #buf} at a time, for {@link #plainRun}. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    /**
     * Where the run of {@link #PLAIN} bytes that starts at {@code p} ends, or a little before it: skips eight bytes at
     * a time while none of them is a quote, a backslash, a '&lt;', a control character or non-ASCII, and leaves the
     * last (at most seven) bytes of the run to the caller's byte loop. The word tests are the usual "has a zero byte"
     * and "has a byte below n" bit tricks; they never miss such a byte, so the caller's loop stays the judge.
     */
    private static int plainRun(byte[] b, int p, int end) {
        while (p <= end - 8) {
            if (special((long) LONGS.get(b, p))) {
                return p;
            }
            p += 8;
        }
        return p;
    }

    private static boolean special(long w) {
        long quote = w ^ (ONES * '"');
        long backslash = w ^ (ONES * '\\');
        long lt = w ^ (ONES * '<');
        long special = (w - ONES * 0x20) & ~w // a byte below 0x20
                | (quote - ONES) & ~quote
                | (backslash - ONES) & ~backslash
                | (lt - ONES) & ~lt
                | w; // a byte of 0x80 or more
        return (special & HIGH_BITS) != 0;
    }

    /** What each two-character escape stands for (0: not an escape; backslash-u is read on its own). */
    private static final char[] UNESCAPED = new char[128];

    static {
        UNESCAPED['n'] = '\n';
        UNESCAPED['t'] = '\t';
        UNESCAPED['r'] = '\r';
        UNESCAPED['f'] = '\f';
        UNESCAPED['b'] = '\b';
        UNESCAPED['"'] = '"';
        UNESCAPED['\\'] = '\\';
        UNESCAPED['/'] = '/';
    }

    private static final byte[] TOKEN = ImageToken.TEXT.getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final FileChannel channel;
    private final TaskMonitor monitor;
    private final long start;
    private final long stopAt;
    private final boolean turnDetails;
    private final long size;
    private final RecordSummary summary = new RecordSummary();

    private byte[] buf = new byte[1 << 20];
    /** Absolute file offset of {@code buf[0]}. */
    private long bufStart;
    private int lim;
    private boolean eof;
    private long line = 1;
    /** Absolute offset of the current line's first byte (as Jackson counts it: a slice of an array starts with '['). */
    private long lineStart;
    private char[] chars = new char[256];
    /** The name of the member {@link #member} read last: where it starts in {@link #buf}, its length in bytes. */
    private int nameStart;
    private int nameLength;
    private int charCount;
    private int recordIndex = -1;
    private long stoppedAt = -1;

    private RawScanner(FileChannel channel, TaskMonitor monitor, long start, long stopAt, boolean arraySlice,
            boolean turnDetails) throws IOException {
        this.channel = channel;
        this.monitor = monitor;
        this.start = start;
        this.stopAt = stopAt;
        this.turnDetails = turnDetails;
        this.size = channel.size();
        this.bufStart = start;
        this.lineStart = arraySlice ? start - 1 : start;
    }

    /** Reads the whole file like {@link DatasetScanner#scan(Path, RecordVisitor, TaskMonitor, boolean)}. */
    static DatasetFormat scan(Path file, RecordVisitor visitor, TaskMonitor monitor, boolean turnDetails) throws Bail {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            RawScanner scanner = new RawScanner(ch, monitor, 0, -1, false, turnDetails);
            return scanner.run(null, visitor);
        } catch (IOException e) {
            throw BAIL;
        }
    }

    /** Reads one slice like {@link DatasetScanner#scanSlice}; returns where it stopped, or -1 at the end. */
    static long scanSlice(Path file, DatasetFormat format, long start, long stopAt, RecordVisitor visitor,
            TaskMonitor monitor, boolean turnDetails) throws Bail {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            RawScanner scanner = new RawScanner(ch, monitor, start, stopAt,
                    start > 0 && format == DatasetFormat.JSON_ARRAY, turnDetails);
            scanner.run(start > 0 ? format : null, visitor);
            return scanner.stoppedAt;
        } catch (IOException e) {
            throw BAIL;
        }
    }

    // ---- the record loop -------------------------------------------------------------------------------------------

    /** {@code sliceFormat} is null at the start of a file (the format is detected), else the format of the slice. */
    private DatasetFormat run(DatasetFormat sliceFormat, RecordVisitor visitor) throws IOException, Bail {
        DatasetFormat format = sliceFormat;
        int p = wsBetween(0);
        boolean inArray;
        if (format == null) {
            if (p >= lim) {
                throw BAIL; // empty: Jackson words the error
            }
            byte b = buf[p];
            if (b == '[') {
                format = DatasetFormat.JSON_ARRAY;
                p = wsBetween(p + 1);
                if (p < lim && buf[p] == ']') {
                    expectEnd(p + 1);
                    return finish(visitor, format);
                }
            } else if (b == '{') {
                format = DatasetFormat.JSONL;
            } else {
                throw BAIL;
            }
        }
        inArray = format == DatasetFormat.JSON_ARRAY;
        while (true) {
            if (p >= lim) {
                if (inArray) {
                    throw BAIL; // truncated
                }
                return finish(visitor, format);
            }
            if (lim - p < AHEAD && !eof) {
                // refilled between records, so that a record seldom crosses the end of the buffer: the JIT then
                // never sees the "need more bytes" branches inside a record taken, and need not recompile for them
                p = refill(p, line, lineStart);
                if (p >= lim) {
                    continue;
                }
            }
            long offset = bufStart + p;
            if (stopAt >= 0 && offset >= stopAt) {
                stoppedAt = offset;
                return format;
            }
            if (buf[p] != '{') {
                throw BAIL;
            }
            p = record(p, visitor, offset);
            p = wsBetween(p);
            if (inArray) {
                if (p >= lim) {
                    throw BAIL;
                }
                if (buf[p] == ',') {
                    p = wsBetween(p + 1);
                } else if (buf[p] == ']') {
                    expectEnd(p + 1);
                    return finish(visitor, format);
                } else {
                    throw BAIL;
                }
            }
        }
    }

    private DatasetFormat finish(RecordVisitor visitor, DatasetFormat format) {
        if (stopAt < 0) {
            monitor.progress(size, size);
            if (start == 0) {
                visitor.finish(format, recordIndex + 1);
            }
        }
        return format;
    }

    /** Only whitespace may follow the closing bracket of the array. */
    private void expectEnd(int p) throws IOException, Bail {
        p = wsBetween(p);
        if (p < lim) {
            throw BAIL;
        }
    }

    /** Skips whitespace between records, refilling the buffer as needed; returns the next position (lim at the end). */
    private int wsBetween(int p) throws IOException, Bail {
        while (true) {
            try {
                return ws(p);
            } catch (NeedMore e) {
                p = refill(p, line, lineStart);
            }
        }
    }

    /** Reads a record starting at {@code buf[p] == '{'}; returns the position after it. */
    private int record(int p, RecordVisitor visitor, long offset) throws IOException, Bail {
        long line0 = line;
        long lineStart0 = lineStart;
        recordIndex++;
        if (recordIndex % CHECK_EVERY == 0) {
            monitor.checkCancelled();
            monitor.progress(offset, size);
        }
        while (true) {
            try {
                summary.reset(recordIndex, offset, line0, offset - lineStart0 + 1);
                int end = fields(p + 1, 1);
                summary.length = (int) (bufStart + end - offset);
                visitor.visit(summary);
                return end;
            } catch (NeedMore e) {
                p = refill(p, line0, lineStart0);
            }
        }
    }

    /**
     * Keeps {@code buf[keep, lim)}, moves it to the front, and reads more of the file after it; resets the line
     * count to what it was at {@code keep}. Returns the new position of {@code keep}. At the end of the file a
     * record that still does not fit is truncated: {@link Bail}.
     */
    private int refill(int keep, long keepLine, long keepLineStart) throws IOException, Bail {
        if (eof) {
            throw BAIL;
        }
        int kept = lim - keep;
        if (kept == buf.length) {
            if (buf.length >= MAX_RECORD_BYTES) {
                throw BAIL; // a record of more than 256 MB: let Jackson deal with it
            }
            buf = Arrays.copyOf(buf, buf.length * 2);
        } else if (keep > 0) {
            System.arraycopy(buf, keep, buf, 0, kept);
        }
        bufStart += keep;
        lim = kept;
        ByteBuffer target = ByteBuffer.wrap(buf, lim, buf.length - lim);
        int n = channel.read(target, bufStart + lim);
        if (n < 0) {
            eof = true;
        } else {
            lim += n;
        }
        line = keepLine;
        lineStart = keepLineStart;
        return 0;
    }

    // ---- records, turns --------------------------------------------------------------------------------------------

    /** The fields of a record object, from after its '{'; returns the position after its '}'. */
    private int fields(int p, int depth) throws NeedMore, Bail {
        for (p = first(p, '}'); p >= 0; p = next(p, '}')) {
            p = member(p);
            if (isName(ID)) {
                p = id(p, depth);
            } else if (isName(IMAGE)) {
                p = image(p, depth);
            } else if (isName(CONVERSATIONS)) {
                p = conversations(p, depth);
            } else {
                p = skipValue(p, depth + 1);
            }
        }
        return ~p;
    }

    private int id(int p, int depth) throws NeedMore, Bail {
        byte b = at(p);
        summary.idShape = shapeOf(b);
        if (b == '"') {
            int end = decode(p + 1);
            summary.setId(chars, 0, charCount);
            return end;
        }
        if (b == '-' || (b >= '0' && b <= '9') || b == 't' || b == 'f') {
            int end = skipValue(p, depth + 1);
            charCount = 0;
            ensureChars(end - p);
            for (int i = p; i < end; i++) {
                chars[charCount++] = (char) buf[i];
            }
            summary.setId(chars, 0, charCount);
            return end;
        }
        return skipValue(p, depth + 1);
    }

    private int image(int p, int depth) throws NeedMore, Bail {
        byte b = at(p);
        summary.imageShape = shapeOf(b);
        if (b == '"') {
            int end = decode(p + 1);
            summary.addImage(chars, 0, charCount);
            return end;
        }
        if (b != '[') {
            return skipValue(p, depth + 1);
        }
        for (p = first(p + 1, ']'); p >= 0; p = next(p, ']')) {
            if (at(p) == '"') {
                p = decode(p + 1);
                summary.addImage(chars, 0, charCount);
            } else {
                summary.imageListHasNonString = true;
                p = skipValue(p, depth + 2);
            }
        }
        return ~p;
    }

    private int conversations(int p, int depth) throws NeedMore, Bail {
        byte b = at(p);
        summary.conversationsShape = shapeOf(b);
        if (b != '[') {
            return skipValue(p, depth + 1);
        }
        for (p = first(p + 1, ']'); p >= 0; p = next(p, ']')) {
            int turn = summary.addTurn();
            byte t = at(p);
            if (!turnDetails || t != '{') {
                if (turnDetails) {
                    summary.turnShape[turn] = shapeOf(t);
                }
                p = skipValue(p, depth + 2);
            } else {
                p = turn(p + 1, turn, depth + 2);
            }
        }
        return ~p;
    }

    /** The fields of a turn object, from after its '{'. */
    private int turn(int p, int turn, int depth) throws NeedMore, Bail {
        for (p = first(p, '}'); p >= 0; p = next(p, '}')) {
            p = member(p);
            byte v = at(p);
            if (isName(FROM)) {
                summary.fromShape[turn] = shapeOf(v);
                if (v == '"') {
                    p = role(p + 1, turn);
                } else {
                    summary.from[turn] = null;
                    p = skipValue(p, depth + 1);
                }
            } else if (isName(VALUE)) {
                summary.valueShape[turn] = shapeOf(v);
                p = v == '"' ? valueText(p + 1, turn) : skipValue(p, depth + 1);
            } else {
                p = skipValue(p, depth + 1);
            }
        }
        return ~p;
    }

    /** A turn's role from after its opening quote: the usual "human" and "gpt" straight from the bytes. */
    private int role(int p, int turn) throws NeedMore, Bail {
        if (p + 6 <= lim && buf[p + 5] == '"' && is(HUMAN, p, 5)) {
            summary.from[turn] = "human";
            return p + 6;
        }
        if (p + 4 <= lim && buf[p + 3] == '"' && is(GPT, p, 3)) {
            summary.from[turn] = "gpt";
            return p + 4;
        }
        int end = decode(p);
        summary.from[turn] = RecordSummary.role(chars, 0, charCount);
        return end;
    }

    /**
     * Measures a turn's text from after its opening quote without decoding it: UTF-16 length, blankness and
     * {@code <image>} tokens. The rare texts where that could differ from the decoded reading (a {@code \\u} escape of
     * an ASCII character, a non-ASCII character while the text is still blank) and texts with tokens (whose
     * placement needs trimming) are decoded and measured like {@link DatasetScanner} does.
     */
    private int valueText(int p, int turn) throws NeedMore, Bail {
        final int begin = p;
        final byte[] b = buf;
        final int end = lim;
        final boolean[] plain = PLAIN;
        int notUnits = 0; // bytes that are not a UTF-16 unit of their own (escape and multi-byte tails)
        boolean blank = true;
        boolean unsure = false; // a reading of the bytes could differ from that of the decoded text
        boolean simple = true; // only ASCII and two-byte escapes
        int tokens = 0;
        while (true) {
            if (!blank) {
                p = plainRun(b, p, end);
                while (p < end && plain[b[p] & 0xFF]) {
                    p++;
                }
            }
            if (p >= end) {
                throw NEED_MORE;
            }
            int c = b[p];
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                if (p + 1 >= end) {
                    throw NEED_MORE;
                }
                int e = b[p + 1];
                switch (e) {
                    case 'n':
                    case 't':
                    case 'r':
                    case 'f':
                        p += 2;
                        notUnits += 1;
                        break;
                    case '"':
                    case '\\':
                    case '/':
                    case 'b':
                        blank = false;
                        p += 2;
                        notUnits += 1;
                        break;
                    case 'u':
                        if (hex4(p + 2) < 0x80 || blank) {
                            unsure = true;
                        }
                        simple = false;
                        p += 6;
                        notUnits += 5;
                        break;
                    default:
                        throw BAIL;
                }
            } else if (c >= 0x20) {
                if (c == '<' && token(p)) {
                    tokens++; // tokens cannot overlap: counting each '<' that starts one counts like ImageToken
                }
                if (c != ' ') {
                    blank = false;
                }
                p++;
            } else if (c < 0) {
                if (blank) {
                    unsure = true;
                }
                simple = false;
                int k = utf8(p);
                notUnits += k == 4 ? 2 : k - 1;
                p += k;
            } else {
                throw BAIL;
            }
            if (p - begin > MAX_STRING_BYTES) {
                throw BAIL;
            }
        }
        if (p - begin > MAX_STRING_BYTES) {
            throw BAIL;
        }
        if (unsure || (tokens > 0 && !simple)) {
            int after = decode(begin);
            summary.setValueText(turn, chars, 0, charCount);
            return after;
        }
        if (tokens > 0) {
            // tokens in a text of ASCII and plain escapes: placed on the bytes
            int first = skipLeadingBlanks(begin, p);
            int last = trailingBlanksStart(begin, p);
            ImageToken.Placement placement;
            if (first + TOKEN.length <= last && token(first)) {
                placement = ImageToken.Placement.START;
            } else if (last - TOKEN.length >= first && token(last - TOKEN.length)) {
                placement = ImageToken.Placement.END;
            } else {
                placement = ImageToken.Placement.MIDDLE;
            }
            summary.valueLength[turn] = p - begin - notUnits;
            summary.valueBlank[turn] = blank;
            summary.imageTokens[turn] = tokens;
            summary.placement[turn] = placement;
            return p + 1;
        }
        summary.valueLength[turn] = p - begin - notUnits;
        summary.valueBlank[turn] = blank;
        summary.imageTokens[turn] = 0;
        summary.placement[turn] = ImageToken.Placement.NONE;
        return p + 1;
    }

    /** In a simple text {@code [begin, end)}: where the first unit that is not whitespace starts. */
    private int skipLeadingBlanks(int begin, int end) {
        int p = begin;
        while (p < end) {
            if (buf[p] == ' ') {
                p++;
            } else if (buf[p] == '\\' && isBlankEscape(buf[p + 1])) {
                p += 2;
            } else {
                break;
            }
        }
        return p;
    }

    /** In a simple text {@code [begin, end)}: where the whitespace at its end starts. */
    private int trailingBlanksStart(int begin, int end) {
        int p = end;
        while (p > begin) {
            if (buf[p - 1] == ' ') {
                p--;
            } else if (p - 2 >= begin && buf[p - 2] == '\\' && isBlankEscape(buf[p - 1]) && escapeAt(begin, p - 2)) {
                p -= 2;
            } else {
                break;
            }
        }
        return p;
    }

    /** Whether the backslash at {@code at} starts an escape (it is not itself escaped by an odd run before it). */
    private boolean escapeAt(int begin, int at) {
        int run = 0;
        for (int i = at - 1; i >= begin && buf[i] == '\\'; i--) {
            run++;
        }
        return run % 2 == 0;
    }

    private static boolean isBlankEscape(byte e) {
        return e == 'n' || e == 't' || e == 'r' || e == 'f';
    }

    private boolean token(int p) throws NeedMore {
        if (p + TOKEN.length > lim) {
            throw NEED_MORE;
        }
        for (int k = 1; k < TOKEN.length; k++) {
            if (buf[p + k] != TOKEN[k]) {
                return false;
            }
        }
        return true;
    }

    // ---- strings ---------------------------------------------------------------------------------------------------

    /** A field name from after its opening quote; returns the position after its closing quote. Plain names only. */
    private int name(int p) throws NeedMore, Bail {
        int begin = p;
        while (true) {
            if (p >= lim) {
                throw NEED_MORE;
            }
            int c = buf[p];
            if (c == '"') {
                return p + 1;
            }
            if (c == '\\' || (c >= 0 && c < 0x20)) {
                throw BAIL; // escaped names are left to Jackson
            }
            p += c < 0 ? utf8(p) : 1;
            if (p - begin > MAX_NAME_BYTES) {
                throw BAIL;
            }
        }
    }

    private boolean is(byte[] expected, int at, int length) {
        if (length != expected.length) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (buf[at + k] != expected[k]) {
                return false;
            }
        }
        return true;
    }

    /** Decodes a string from after its opening quote into {@link #chars}; returns the position after it. */
    private int decode(int p) throws NeedMore, Bail {
        int begin = p;
        charCount = 0;
        while (true) {
            final byte[] b = buf;
            final boolean[] plain = PLAIN;
            int c = 0;
            while (p < lim && (plain[(c = b[p] & 0xFF)] || c == '<')) {
                if (charCount == chars.length) {
                    chars = Arrays.copyOf(chars, chars.length * 2);
                }
                chars[charCount++] = (char) c;
                p++;
            }
            if (p >= lim) {
                throw NEED_MORE;
            }
            c = buf[p];
            ensureChars(2);
            if (c == '"') {
                return p + 1;
            }
            if (c == '\\') {
                if (p + 1 >= lim) {
                    throw NEED_MORE;
                }
                int e = buf[p + 1];
                if (e == 'u') {
                    chars[charCount++] = (char) hex4(p + 2);
                    p += 4;
                } else if (e > 0 && UNESCAPED[e] != 0) {
                    chars[charCount++] = UNESCAPED[e];
                } else {
                    throw BAIL;
                }
                p += 2;
            } else if (c >= 0x20) {
                chars[charCount++] = (char) c;
                p++;
            } else if (c < 0) {
                int k = utf8(p);
                int cp;
                if (k == 2) {
                    cp = ((c & 0x1F) << 6) | (buf[p + 1] & 0x3F);
                } else if (k == 3) {
                    cp = ((c & 0x0F) << 12) | ((buf[p + 1] & 0x3F) << 6) | (buf[p + 2] & 0x3F);
                } else {
                    cp = ((c & 0x07) << 18) | ((buf[p + 1] & 0x3F) << 12) | ((buf[p + 2] & 0x3F) << 6)
                            | (buf[p + 3] & 0x3F);
                }
                charCount += Character.toChars(cp, chars, charCount);
                p += k;
            } else {
                throw BAIL;
            }
            if (p - begin > MAX_STRING_BYTES) {
                throw BAIL;
            }
        }
    }

    private void ensureChars(int more) {
        if (charCount + more > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, charCount + more));
        }
    }

    /** Skips a string from after its opening quote, checking it; returns the position after its closing quote. */
    private int skipString(int p) throws NeedMore, Bail {
        int begin = p;
        final byte[] b = buf;
        final boolean[] plain = PLAIN;
        while (true) {
            p = plainRun(b, p, lim);
            while (p < lim && plain[b[p] & 0xFF]) {
                p++;
            }
            if (p >= lim) {
                throw NEED_MORE;
            }
            int c = b[p];
            if (c == '"') {
                return p + 1;
            }
            if (c == '\\') {
                if (p + 1 >= lim) {
                    throw NEED_MORE;
                }
                int e = b[p + 1];
                if (e == 'u') {
                    hex4(p + 2);
                    p += 6;
                } else if (e > 0 && UNESCAPED[e] != 0) {
                    p += 2;
                } else {
                    throw BAIL;
                }
            } else if (c >= 0x20) {
                p++;
            } else if (c < 0) {
                p += utf8(p);
            } else {
                throw BAIL;
            }
            if (p - begin > MAX_STRING_BYTES) {
                throw BAIL;
            }
        }
    }

    /** The value of the four hex digits at {@code p} (of a backslash-u escape). */
    private int hex4(int p) throws NeedMore, Bail {
        if (p + 4 > lim) {
            throw NEED_MORE;
        }
        int v = 0;
        for (int k = 0; k < 4; k++) {
            int c = buf[p + k];
            int d;
            if (c >= '0' && c <= '9') {
                d = c - '0';
            } else if (c >= 'a' && c <= 'f') {
                d = c - 'a' + 10;
            } else if (c >= 'A' && c <= 'F') {
                d = c - 'A' + 10;
            } else {
                throw BAIL;
            }
            v = (v << 4) | d;
        }
        return v;
    }

    /**
     * Checks the well-formed UTF-8 sequence (RFC 3629: no overlong forms, no surrogates, at most U+10FFFF) that starts
     * at {@code p} and returns its length in bytes.
     */
    private int utf8(int p) throws NeedMore, Bail {
        int c = buf[p] & 0xFF;
        int k;
        int lo = 0x80;
        int hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            k = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            k = 3;
            if (c == 0xE0) {
                lo = 0xA0;
            } else if (c == 0xED) {
                hi = 0x9F;
            }
        } else if (c >= 0xF0 && c <= 0xF4) {
            k = 4;
            if (c == 0xF0) {
                lo = 0x90;
            } else if (c == 0xF4) {
                hi = 0x8F;
            }
        } else {
            throw BAIL;
        }
        if (p + k > lim) {
            throw NEED_MORE;
        }
        int second = buf[p + 1] & 0xFF;
        if (second < lo || second > hi) {
            throw BAIL;
        }
        for (int i = 2; i < k; i++) {
            int next = buf[p + i] & 0xFF;
            if (next < 0x80 || next > 0xBF) {
                throw BAIL;
            }
        }
        return k;
    }

    // ---- other values ----------------------------------------------------------------------------------------------

    /** Skips (and checks) any JSON value; returns the position after it. */
    private int skipValue(int p, int depth) throws NeedMore, Bail {
        if (depth > MAX_DEPTH) {
            throw BAIL;
        }
        byte b = at(p);
        switch (b) {
            case '"':
                return skipString(p + 1);
            case '{':
                return skipObject(p + 1, depth);
            case '[':
                return skipArray(p + 1, depth);
            case 't':
                return literal(p, "true");
            case 'f':
                return literal(p, "false");
            case 'n':
                return literal(p, "null");
            default:
                if (b == '-' || (b >= '0' && b <= '9')) {
                    return number(p);
                }
                throw BAIL;
        }
    }

    private int skipObject(int p, int depth) throws NeedMore, Bail {
        for (p = first(p, '}'); p >= 0; p = next(p, '}')) {
            p = skipValue(member(p), depth + 1);
        }
        return ~p;
    }

    private int skipArray(int p, int depth) throws NeedMore, Bail {
        for (p = first(p, ']'); p >= 0; p = next(p, ']')) {
            p = skipValue(p, depth + 1);
        }
        return ~p;
    }

    // ---- members and elements of objects and lists --------------------------------------------------------------------
    // A loop over them: for (p = first(p, close); p >= 0; p = next(p, close)) { p = <read one>; } return ~p;

    /**
     * From after an opening '{' or '[': where the first member or element starts, or {@code ~end} (negative) when
     * the object or list is empty, {@code end} being the position after {@code close}.
     */
    private int first(int p, char close) throws NeedMore {
        p = ws(p);
        return at(p) == close ? ~(p + 1) : p;
    }

    /** After a member or element: where the next one starts (after a comma), or {@code ~end} after {@code close}. */
    private int next(int p, char close) throws NeedMore, Bail {
        p = ws(p);
        byte b = at(p);
        if (b == ',') {
            return ws(p + 1);
        }
        if (b == close) {
            return ~(p + 1);
        }
        throw BAIL;
    }

    /** A member's quoted name (kept for {@link #isName}) and its colon; returns where its value starts. */
    private int member(int p) throws NeedMore, Bail {
        if (at(p) != '"') {
            throw BAIL;
        }
        nameStart = p + 1;
        int end = name(nameStart);
        nameLength = end - 1 - nameStart;
        p = ws(end);
        if (at(p) != ':') {
            throw BAIL;
        }
        return ws(p + 1);
    }

    /** Whether the name of the member just read by {@link #member} is {@code expected}. */
    private boolean isName(byte[] expected) {
        return is(expected, nameStart, nameLength);
    }

    private int literal(int p, String word) throws NeedMore, Bail {
        if (p + word.length() > lim) {
            throw NEED_MORE;
        }
        for (int k = 0; k < word.length(); k++) {
            if (buf[p + k] != word.charAt(k)) {
                throw BAIL;
            }
        }
        return followedByDelimiter(p + word.length());
    }

    /** A number in strict JSON syntax. */
    private int number(int p) throws NeedMore, Bail {
        int begin = p;
        if (at(p) == '-') {
            p++;
        }
        byte b = at(p);
        if (b == '0') {
            p++;
        } else if (b >= '1' && b <= '9') {
            p = digits(p);
        } else {
            throw BAIL;
        }
        if (at(p) == '.') {
            if (!isDigit(at(p + 1))) {
                throw BAIL;
            }
            p = digits(p + 1);
        }
        b = at(p);
        if (b == 'e' || b == 'E') {
            p++;
            b = at(p);
            if (b == '+' || b == '-') {
                p++;
            }
            if (!isDigit(at(p))) {
                throw BAIL;
            }
            p = digits(p);
        }
        if (p - begin > MAX_NUMBER_BYTES) {
            throw BAIL;
        }
        return followedByDelimiter(p);
    }

    private int digits(int p) throws NeedMore {
        while (isDigit(at(p))) {
            p++;
        }
        return p;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    /** A number or literal must end at whitespace or punctuation, as Jackson requires. */
    private int followedByDelimiter(int p) throws NeedMore, Bail {
        byte b = at(p);
        if (b == ',' || b == '}' || b == ']' || b == ' ' || b == '\n' || b == '\r' || b == '\t') {
            return p;
        }
        throw BAIL;
    }

    private static JsonShape shapeOf(byte b) {
        switch (b) {
            case '"':
                return JsonShape.STRING;
            case '{':
                return JsonShape.OBJECT;
            case '[':
                return JsonShape.ARRAY;
            case 't':
            case 'f':
                return JsonShape.BOOLEAN;
            case 'n':
                return JsonShape.NULL;
            default:
                return JsonShape.NUMBER; // anything else that is not a number ends in a Bail
        }
    }

    // ---- bytes -----------------------------------------------------------------------------------------------------

    private byte at(int p) throws NeedMore {
        if (p >= lim) {
            throw NEED_MORE;
        }
        return buf[p];
    }

    /** Skips JSON whitespace, counting lines like Jackson (CR LF and a lone CR are one line break each). */
    private int ws(int p) throws NeedMore {
        final byte[] b = buf;
        while (true) {
            if (p >= lim) {
                if (eof) {
                    return p;
                }
                throw NEED_MORE;
            }
            byte c = b[p];
            if (c == ' ' || c == '\t') {
                p++;
            } else if (c == '\n') {
                p++;
                line++;
                lineStart = bufStart + p;
            } else if (c == '\r') {
                if (p + 1 >= lim && !eof) {
                    throw NEED_MORE;
                }
                p++;
                if (p < lim && b[p] == '\n') {
                    p++;
                }
                line++;
                lineStart = bufStart + p;
            } else {
                return p;
            }
        }
    }
}
