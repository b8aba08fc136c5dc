package org.llavainspector.core.dataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What a streaming pass learned about one record without building a tree: where its bytes are, its id, images
 * and the shape of each turn.
 *
 * <p>The scanner reuses one instance for every record, so a {@link RecordVisitor} must copy what it keeps.
 */
public final class RecordSummary {
    int index;
    long offset;
    int length;
    long line;
    long column;

    /** Characters of the id and image paths of this record, so that no String is made unless asked for. */
    private char[] text = new char[256];
    private int textLength;
    private int idStart = -1;
    private int idLength;
    private String id;
    JsonShape idShape;
    private int[] imageStart = new int[4];
    private int[] imageLength = new int[4];
    private int imageCount;
    private List<String> images;
    JsonShape imageShape;
    boolean imageListHasNonString;
    JsonShape conversationsShape;

    int turnCount;
    JsonShape[] turnShape = new JsonShape[16];
    String[] from = new String[16];
    JsonShape[] fromShape = new JsonShape[16];
    JsonShape[] valueShape = new JsonShape[16];
    boolean[] valueBlank = new boolean[16];
    int[] valueLength = new int[16];
    int[] imageTokens = new int[16];
    ImageToken.Placement[] placement = new ImageToken.Placement[16];

    void reset(int index, long offset, long line, long column) {
        this.index = index;
        this.offset = offset;
        this.length = 0;
        this.line = line;
        this.column = column;
        textLength = 0;
        idStart = -1;
        id = null;
        idShape = JsonShape.MISSING;
        imageCount = 0;
        images = null;
        imageShape = JsonShape.MISSING;
        imageListHasNonString = false;
        conversationsShape = JsonShape.MISSING;
        turnCount = 0;
    }

    private int appendText(char[] chars, int offset, int length) {
        if (textLength + length > text.length) {
            text = Arrays.copyOf(text, Math.max(text.length * 2, textLength + length));
        }
        System.arraycopy(chars, offset, text, textLength, length);
        int start = textLength;
        textLength += length;
        return start;
    }

    void setId(char[] chars, int offset, int length) {
        idStart = appendText(chars, offset, length);
        idLength = length;
    }

    void addImage(char[] chars, int offset, int length) {
        if (imageCount == imageStart.length) {
            imageStart = Arrays.copyOf(imageStart, imageCount * 2);
            imageLength = Arrays.copyOf(imageLength, imageCount * 2);
        }
        imageStart[imageCount] = appendText(chars, offset, length);
        imageLength[imageCount] = length;
        imageCount++;
    }

    /** Starts a new turn and returns its number; the turn is an object unless told otherwise. */
    int addTurn() {
        if (turnCount == from.length) {
            int n = from.length * 2;
            turnShape = Arrays.copyOf(turnShape, n);
            from = Arrays.copyOf(from, n);
            fromShape = Arrays.copyOf(fromShape, n);
            valueShape = Arrays.copyOf(valueShape, n);
            valueBlank = Arrays.copyOf(valueBlank, n);
            valueLength = Arrays.copyOf(valueLength, n);
            imageTokens = Arrays.copyOf(imageTokens, n);
            placement = Arrays.copyOf(placement, n);
        }
        int t = turnCount++;
        turnShape[t] = JsonShape.OBJECT;
        from[t] = null;
        fromShape[t] = JsonShape.MISSING;
        valueShape[t] = JsonShape.MISSING;
        valueBlank[t] = true;
        valueLength[t] = 0;
        imageTokens[t] = 0;
        placement[t] = ImageToken.Placement.NONE;
        return t;
    }

    /** The role text of {@code chars[offset, offset+length)}, the usual "human" and "gpt" without allocating. */
    static String role(char[] chars, int offset, int length) {
        if (equals(chars, offset, length, "human")) {
            return "human";
        }
        if (equals(chars, offset, length, "gpt")) {
            return "gpt";
        }
        return new String(chars, offset, length);
    }

    private static boolean equals(char[] chars, int offset, int length, String s) {
        if (length != s.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (chars[offset + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** What a turn's text tells: its length, whether it is blank, its {@code <image>} tokens and where they stand. */
    void setValueText(int turn, char[] chars, int offset, int length) {
        valueLength[turn] = length;
        boolean blank = true;
        for (int i = offset, end = offset + length; i < end && blank; i++) {
            blank = Character.isWhitespace(chars[i]);
        }
        valueBlank[turn] = blank;
        int tokens = ImageToken.count(chars, offset, length);
        imageTokens[turn] = tokens;
        placement[turn] = tokens == 0 ? ImageToken.Placement.NONE : ImageToken.placement(chars, offset, length);
    }

    /** 0-based number of the record in its file. */
    public int index() {
        return index;
    }

    /** Byte offset of the record's opening brace. */
    public long offset() {
        return offset;
    }

    /** Length in bytes of the record's source text, from its opening to its closing brace. */
    public int length() {
        return length;
    }

    /** 1-based line of the record's opening brace. */
    public long line() {
        return line;
    }

    /** 1-based column of the record's opening brace. */
    public long column() {
        return column;
    }

    /** The id as text (numbers are given as their JSON text), or null when missing or not a scalar. */
    public String id() {
        if (id == null && idStart >= 0) {
            id = new String(text, idStart, idLength);
        }
        return id;
    }

    public JsonShape idShape() {
        return idShape;
    }

    /** The image paths: empty for a text-only record, one for the usual string, several for a list. */
    public List<String> images() {
        if (images == null) {
            List<String> list = new ArrayList<>(imageCount);
            for (int k = 0; k < imageCount; k++) {
                list.add(new String(text, imageStart[k], imageLength[k]));
            }
            images = Collections.unmodifiableList(list);
        }
        return images;
    }

    /** Number of image paths (0 for a text-only record). */
    public int imageCount() {
        return imageCount;
    }

    /**
     * The characters of image path k are {@code textBuffer()[imageStart(k) .. imageStart(k) + imageLength(k))}:
     * for visitors that must not allocate per record (statistics over 600K records). Valid during the visit only.
     */
    public char[] textBuffer() {
        return text;
    }

    public int imageStart(int k) {
        return imageStart[k];
    }

    public int imageLength(int k) {
        return imageLength[k];
    }

    /** Shape of the {@code image} field: MISSING, STRING, ARRAY or a wrong type. */
    public JsonShape imageShape() {
        return imageShape;
    }

    /** True when {@code image} is a list holding something other than strings. */
    public boolean imageListHasNonString() {
        return imageListHasNonString;
    }

    /** Shape of the {@code conversations} field: ARRAY when well-formed. */
    public JsonShape conversationsShape() {
        return conversationsShape;
    }

    public int turnCount() {
        return turnCount;
    }

    /** Shape of turn t itself: OBJECT when well-formed. */
    public JsonShape turnShape(int t) {
        return turnShape[t];
    }

    /** The {@code from} of turn t, or null when missing or not a string (see {@link #fromShape}). */
    public String from(int t) {
        return from[t];
    }

    /** Shape of turn t's {@code from}. */
    public JsonShape fromShape(int t) {
        return fromShape[t];
    }

    /** Shape of turn t's {@code value}. */
    public JsonShape valueShape(int t) {
        return valueShape[t];
    }

    /** True when turn t's value is missing, empty or only whitespace. */
    public boolean valueBlank(int t) {
        return valueBlank[t];
    }

    /** Length in characters of turn t's value (0 when not a string). */
    public int valueLength(int t) {
        return valueLength[t];
    }

    /** Number of {@code <image>} tokens in turn t's value. */
    public int imageTokens(int t) {
        return imageTokens[t];
    }

    /** Where the token stands in turn t's value. */
    public ImageToken.Placement placement(int t) {
        return placement[t];
    }

    /** Total {@code <image>} tokens over all turns. */
    public int totalImageTokens() {
        int n = 0;
        for (int t = 0; t < turnCount; t++) {
            n += imageTokens[t];
        }
        return n;
    }

    /** Where the image token stands in the record: its first human turn's placement, or MULTIPLE / NONE. */
    public ImageToken.Placement imageTokenPlacement() {
        int total = totalImageTokens();
        if (total == 0) {
            return ImageToken.Placement.NONE;
        }
        if (total > 1) {
            return ImageToken.Placement.MULTIPLE;
        }
        for (int t = 0; t < turnCount; t++) {
            if (imageTokens[t] > 0) {
                return placement[t];
            }
        }
        return ImageToken.Placement.NONE;
    }
}
