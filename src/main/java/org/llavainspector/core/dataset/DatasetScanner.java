package org.llavainspector.core.dataset;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.llavainspector.core.util.TaskMonitor;

/**
 * One streaming pass over a LLaVA dataset file (JSON array or JSON Lines) with Jackson's {@link JsonParser}:
 * never a tree of the whole file, one {@link RecordSummary} per record handed to a {@link RecordVisitor}.
 *
 * <p>Malformed input ends the pass with a {@link DatasetException} that names the file, line, column and record.
 */
public final class DatasetScanner {
    private static final int CHECK_EVERY = 1024;
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final Path file;
    private final TaskMonitor monitor;
    private final RecordSummary summary = new RecordSummary();
    /** Absolute offset where reading starts (0, or a record start for a slice of a parallel pass). */
    private final long start;
    /** Absolute offset of the first record not to read, or -1 to read to the end. */
    private final long stopAt;
    /** Whether the stream starts with a synthetic '[' (a slice of a JSON array). */
    private final boolean arraySlice;
    /** False when the visitors need no more of the turns than their number: their text is skipped, not read. */
    private final boolean turnDetails;
    private long stoppedAt = -1;
    private int recordIndex = -1;
    private boolean insideRecord;

    private DatasetScanner(Path file, TaskMonitor monitor, long start, long stopAt, boolean arraySlice,
            boolean turnDetails) {
        this.file = file;
        this.monitor = monitor;
        this.start = start;
        this.stopAt = stopAt;
        this.arraySlice = arraySlice;
        this.turnDetails = turnDetails;
    }

    /**
     * Reads the whole file, calling the visitor once per record.
     *
     * @return the detected format
     * @throws DatasetException when the file is missing, empty or malformed
     * @throws java.util.concurrent.CancellationException when the monitor was cancelled
     */
    public static DatasetFormat scan(Path file, RecordVisitor visitor, TaskMonitor monitor) throws DatasetException {
        return scan(file, visitor, monitor, true);
    }

    /**
     * {@link #scan}, optionally without turn details: with {@code turnDetails} false every turn is skipped unread, so
     * a summary has the turn count but no roles, values or {@code <image>} tokens (enough for an index, and faster).
     */
    static DatasetFormat scan(Path file, RecordVisitor visitor, TaskMonitor monitor, boolean turnDetails)
            throws DatasetException {
        // the byte-level fast path first; where it is not sure, this scanner reads the file again (the fast path
        // never reads a record differently, so the visitor is only handed the records it has not seen yet)
        HandOver once = new HandOver(visitor);
        MonotonicProgress progress = new MonotonicProgress(monitor);
        try {
            return RawScanner.scan(file, once, progress, turnDetails);
        } catch (RawScanner.Bail unsure) {
            return scanWithJackson(file, once, progress, turnDetails);
        }
    }

    /** The Jackson reading alone, without the fast path: the reference the fast path is tested against. */
    static DatasetFormat scanWithJackson(Path file, RecordVisitor visitor, TaskMonitor monitor, boolean turnDetails)
            throws DatasetException {
        return new DatasetScanner(file, monitor, 0, -1, false, turnDetails).run(visitor);
    }

    /** Hands each record to the visitor once, in order, even when a second reading starts again from the first. */
    private static final class HandOver implements RecordVisitor {
        private final RecordVisitor visitor;
        private int handed;

        HandOver(RecordVisitor visitor) {
            this.visitor = visitor;
        }

        @Override
        public void visit(RecordSummary record) {
            if (record.index() >= handed) {
                visitor.visit(record);
                handed = record.index() + 1;
            }
        }

        @Override
        public void finish(DatasetFormat format, int records) {
            visitor.finish(format, records);
        }
    }

    /** Progress that never goes back when a second reading starts from the beginning again. */
    private static final class MonotonicProgress implements TaskMonitor {
        private final TaskMonitor monitor;
        private long best;

        MonotonicProgress(TaskMonitor monitor) {
            this.monitor = monitor;
        }

        @Override
        public void progress(long done, long total) {
            if (done >= best) {
                best = done;
                monitor.progress(done, total);
            }
        }

        @Override
        public boolean isCancelled() {
            return monitor.isCancelled();
        }

        @Override
        public void checkCancelled() {
            monitor.checkCancelled();
        }
    }

    /**
     * Reads one slice of a file for a parallel pass: the records that start in {@code [start, stopAt)}, where
     * {@code start} must be the offset of a record's opening brace (or 0). Record numbers and lines inside a slice
     * are relative to it, and {@link RecordVisitor#finish} is not called. Returns the offset of the first record
     * at or after {@code stopAt} (which must equal the next slice's start), or -1 when the slice reached the end.
     */
    static long scanSlice(Path file, DatasetFormat format, long start, long stopAt, RecordVisitor visitor,
            TaskMonitor monitor, boolean turnDetails) throws DatasetException {
        HandOver once = new HandOver(visitor);
        MonotonicProgress progress = new MonotonicProgress(monitor);
        try {
            return RawScanner.scanSlice(file, format, start, stopAt, once, progress, turnDetails);
        } catch (RawScanner.Bail unsure) {
            return scanSliceWithJackson(file, format, start, stopAt, once, progress, turnDetails);
        }
    }

    /** {@link #scanSlice} read by Jackson alone (the reference of the tests). */
    static long scanSliceWithJackson(Path file, DatasetFormat format, long start, long stopAt, RecordVisitor visitor,
            TaskMonitor monitor, boolean turnDetails) throws DatasetException {
        DatasetScanner scanner = new DatasetScanner(file, monitor, start, stopAt,
                start > 0 && format == DatasetFormat.JSON_ARRAY, turnDetails);
        scanner.run(visitor);
        return scanner.stoppedAt;
    }

    /**
     * Reads one record from its source bytes (e.g. {@link DatasetIndex#readBytes}) and hands it to the visitor as
     * record {@code index}; used to validate a single sample without a pass over its file.
     */
    public static void scanRecord(Path file, int index, byte[] bytes, RecordVisitor visitor) throws DatasetException {
        DatasetScanner scanner = new DatasetScanner(file, TaskMonitor.NONE, 0, -1, false, true);
        scanner.recordIndex = index - 1;
        try (JsonParser p = FACTORY.createParser(bytes)) {
            scanner.readRecord(p, p.nextToken(), visitor, bytes.length);
        } catch (JsonProcessingException e) {
            throw scanner.at(e.getLocation(), e.getOriginalMessage());
        } catch (IOException e) {
            throw new DatasetException(file, "cannot read record " + index + ": " + e.getMessage());
        }
    }

    private InputStream open() throws IOException {
        if (start == 0) {
            return Files.newInputStream(file);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ).position(start);
        InputStream rest = Channels.newInputStream(channel);
        return arraySlice ? new SequenceInputStream(new ByteArrayInputStream(new byte[] {'['}), rest) : rest;
    }

    private long absolute(JsonLocation loc) {
        return start + loc.getByteOffset() - (arraySlice ? 1 : 0);
    }

    private DatasetFormat run(RecordVisitor visitor) throws DatasetException {
        long size = fileSize();
        try (InputStream in = open(); JsonParser p = FACTORY.createParser(in)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new DatasetException(file, 1, 1, -1, "the file is empty (no JSON array or JSON Lines records)");
            }
            DatasetFormat format;
            if (first == JsonToken.START_ARRAY) {
                format = DatasetFormat.JSON_ARRAY;
            } else if (first == JsonToken.START_OBJECT) {
                format = DatasetFormat.JSONL;
            } else {
                throw at(p.currentTokenLocation(), "expected a JSON array of records or JSON Lines, found " + describe(first));
            }
            int records = format == DatasetFormat.JSON_ARRAY ? readArray(p, visitor, size) : readLines(p, visitor, size);
            if (stopAt < 0) {
                monitor.progress(size, size);
                if (start == 0) {
                    visitor.finish(format, records);
                }
            }
            return format;
        } catch (JsonEOFException e) {
            throw at(e.getLocation(), "unexpected end of file" + (insideRecord ? " inside the record" : "")
                    + " (the file looks truncated)");
        } catch (JsonParseException e) {
            throw at(e.getLocation(), describeParseError(e));
        } catch (CharConversionException e) {
            throw new DatasetException(file, -1, -1, insideRecord ? recordIndex : -1, "invalid UTF-8: " + e.getMessage());
        } catch (JsonProcessingException e) {
            throw at(e.getLocation(), e.getOriginalMessage());
        } catch (NoSuchFileException e) {
            throw new DatasetException(file, "no such file");
        } catch (IOException e) {
            throw new DatasetException(file, "cannot read: " + e.getMessage());
        }
    }

    private long fileSize() throws DatasetException {
        try {
            if (Files.isDirectory(file)) {
                throw new DatasetException(file, "is a folder, not a dataset file");
            }
            return Files.size(file);
        } catch (NoSuchFileException e) {
            throw new DatasetException(file, "no such file");
        } catch (IOException e) {
            throw new DatasetException(file, "cannot read: " + e.getMessage());
        }
    }

    private int readArray(JsonParser p, RecordVisitor visitor, long size) throws IOException, DatasetException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (!readRecord(p, t, visitor, size)) {
                return recordIndex + 1;
            }
        }
        JsonToken after = p.nextToken();
        if (after != null) {
            throw at(p.currentTokenLocation(), "unexpected " + describe(after) + " after the closing ']' of the array");
        }
        return recordIndex + 1;
    }

    private int readLines(JsonParser p, RecordVisitor visitor, long size) throws IOException, DatasetException {
        JsonToken t = JsonToken.START_OBJECT;
        while (t != null) {
            if (!readRecord(p, t, visitor, size)) {
                return recordIndex + 1;
            }
            t = p.nextToken();
        }
        return recordIndex + 1;
    }

    /** Reads one record; false when the slice ends before it. */
    private boolean readRecord(JsonParser p, JsonToken token, RecordVisitor visitor, long size)
            throws IOException, DatasetException {
        JsonLocation loc = p.currentTokenLocation();
        long offset = absolute(loc);
        if (stopAt >= 0 && offset >= stopAt) {
            stoppedAt = offset;
            return false;
        }
        recordIndex++;
        insideRecord = true;
        if (token != JsonToken.START_OBJECT) {
            throw at(loc, "the record is " + describe(token) + ", expected an object {\"id\", \"image\", \"conversations\"}");
        }
        if (recordIndex % CHECK_EVERY == 0) {
            monitor.checkCancelled();
            monitor.progress(offset, size);
        }
        summary.reset(recordIndex, offset, loc.getLineNr(), loc.getColumnNr());
        readFields(p);
        long end = absolute(p.currentLocation());
        long length = end - summary.offset;
        if (length > Integer.MAX_VALUE) {
            throw at(loc, "the record is larger than 2 GB");
        }
        summary.length = (int) length;
        insideRecord = false;
        visitor.visit(summary);
        return true;
    }

    private void readFields(JsonParser p) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "id":
                    readId(p, value);
                    break;
                case "image":
                    readImage(p, value);
                    break;
                case "conversations":
                    readConversations(p, value);
                    break;
                default:
                    p.skipChildren();
            }
        }
    }

    private void readId(JsonParser p, JsonToken value) throws IOException {
        summary.idShape = JsonShape.of(value);
        if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
            summary.setId(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        }
        p.skipChildren();
    }

    private void readImage(JsonParser p, JsonToken value) throws IOException {
        summary.imageShape = JsonShape.of(value);
        if (value == JsonToken.VALUE_STRING) {
            summary.addImage(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        } else if (value == JsonToken.START_ARRAY) {
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == JsonToken.VALUE_STRING) {
                    summary.addImage(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                } else {
                    summary.imageListHasNonString = true;
                    p.skipChildren();
                }
            }
        } else {
            p.skipChildren();
        }
    }

    private void readConversations(JsonParser p, JsonToken value) throws IOException {
        summary.conversationsShape = JsonShape.of(value);
        if (value != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            int turn = summary.addTurn();
            if (!turnDetails) {
                p.skipChildren();
                continue;
            }
            if (t != JsonToken.START_OBJECT) {
                summary.turnShape[turn] = JsonShape.of(t);
                p.skipChildren();
                continue;
            }
            readTurn(p, turn);
        }
    }

    private void readTurn(JsonParser p, int turn) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if ("from".equals(name)) {
                summary.fromShape[turn] = JsonShape.of(value);
                summary.from[turn] = value == JsonToken.VALUE_STRING ? role(p) : null;
                p.skipChildren();
            } else if ("value".equals(name)) {
                summary.valueShape[turn] = JsonShape.of(value);
                if (value == JsonToken.VALUE_STRING) {
                    readValueText(p, turn);
                } else {
                    p.skipChildren();
                }
            } else {
                p.skipChildren();
            }
        }
    }

    /** The role text, without allocating for the usual "human" and "gpt". */
    private static String role(JsonParser p) throws IOException {
        return RecordSummary.role(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    }

    private void readValueText(JsonParser p, int turn) throws IOException {
        summary.setValueText(turn, p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    }

    private DatasetException at(JsonLocation loc, String problem) {
        long line = loc == null ? -1 : loc.getLineNr();
        long column = loc == null ? -1 : loc.getColumnNr();
        return new DatasetException(file, line, column, insideRecord ? recordIndex : -1, problem);
    }

    private String describeParseError(JsonParseException e) {
        String msg = e.getOriginalMessage();
        if (msg == null) {
            return "not valid JSON";
        }
        int nl = msg.indexOf('\n');
        String first = nl < 0 ? msg : msg.substring(0, nl);
        if (first.contains("end-of-input")) {
            return "unexpected end of file" + (insideRecord ? " inside the record" : "") + " (the file looks truncated)";
        }
        if (first.startsWith("Invalid UTF-8")) {
            return "invalid UTF-8: " + first;
        }
        return "not valid JSON: " + first;
    }

    private static String describe(JsonToken token) {
        switch (token) {
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            case START_ARRAY:
                return "a list";
            case START_OBJECT:
                return "an object";
            default:
                return token.asString() == null ? token.name() : "'" + token.asString() + "'";
        }
    }
}
