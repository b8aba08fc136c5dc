package org.llavainspector.core.validate;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Consumer;
import org.llavainspector.core.dataset.DatasetFormat;
import org.llavainspector.core.dataset.RecordSummary;
import org.llavainspector.core.dataset.RecordVisitor;

/**
 * Which {@link ProblemKind}s each record has, as one int bit mask per record: filled by the indexing pass (pass it
 * to {@code DatasetIndex.start/build} as a visitor; it runs a {@link RecordValidator}) and by later checks through
 * {@link #add} (image health). Chunks are allocated only where a problem was found.
 *
 * <p>One thread visits; any thread may {@link #add}, {@link #remove} and read at the same time.
 */
public final class ProblemIndex implements RecordVisitor {
    private static final int CHUNK_BITS = 12;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final int ERROR_MASK;

    static {
        if (ProblemKind.values().length > Integer.SIZE) {
            throw new ExceptionInInitializerError("ProblemIndex keeps at most 32 problem kinds in an int");
        }
        int errors = 0;
        for (ProblemKind k : ProblemKind.values()) {
            if (k.severity() == ProblemKind.Severity.ERROR) {
                errors |= bit(k);
            }
        }
        ERROR_MASK = errors;
    }

    private final RecordValidator validator;
    private final Consumer<Problem> alsoTo;
    private final Object growLock = new Object();
    private volatile AtomicIntegerArray[] chunks = new AtomicIntegerArray[0];
    private volatile int size;

    /** An index that keeps only the kinds. */
    public ProblemIndex() {
        this(p -> { });
    }

    /** An index that also hands every problem of the indexing pass to {@code alsoTo} (e.g. a list to print). */
    public ProblemIndex(Consumer<Problem> alsoTo) {
        this.alsoTo = alsoTo;
        this.validator = new RecordValidator(this::found);
    }

    private void found(Problem p) {
        add(p.record(), p.kind());
        alsoTo.accept(p);
    }

    @Override
    public void visit(RecordSummary record) {
        validator.visit(record);
        size = record.index() + 1;
    }

    @Override
    public void finish(DatasetFormat format, int records) {
        validator.finish(format, records);
    }

    /** The bit of a kind in {@link #mask}. */
    public static int bit(ProblemKind kind) {
        return 1 << kind.ordinal();
    }

    /** Number of records the validator has checked (grows during indexing). */
    public int size() {
        return size;
    }

    /** Records that record has the kind (e.g. {@link ProblemKind#MISSING_IMAGE} found by an image check). */
    public void add(int record, ProblemKind kind) {
        int bit = bit(kind);
        chunk(record, true).getAndUpdate(record & (CHUNK - 1), m -> m | bit);
    }

    /** Forgets that record has the kind (e.g. the image was found after all). */
    public void remove(int record, ProblemKind kind) {
        AtomicIntegerArray chunk = chunk(record, false);
        if (chunk != null) {
            int bit = bit(kind);
            chunk.getAndUpdate(record & (CHUNK - 1), m -> m & ~bit);
        }
    }

    /** The kinds of record as bits ({@link #bit}); 0 for a record without problems or not checked yet. */
    public int mask(int record) {
        AtomicIntegerArray chunk = chunk(record, false);
        return chunk == null ? 0 : chunk.get(record & (CHUNK - 1));
    }

    public boolean has(int record, ProblemKind kind) {
        return (mask(record) & bit(kind)) != 0;
    }

    /** True when record has a problem of {@link ProblemKind.Severity#ERROR} severity (notices such as duplicate ids do not count). */
    public boolean hasError(int record) {
        return (mask(record) & ERROR_MASK) != 0;
    }

    /** The kinds of record. */
    public Set<ProblemKind> kinds(int record) {
        int mask = mask(record);
        Set<ProblemKind> kinds = EnumSet.noneOf(ProblemKind.class);
        for (ProblemKind k : ProblemKind.values()) {
            if ((mask & bit(k)) != 0) {
                kinds.add(k);
            }
        }
        return kinds;
    }

    private AtomicIntegerArray chunk(int record, boolean create) {
        if (record < 0) {
            throw new IndexOutOfBoundsException("record " + record);
        }
        int c = record >>> CHUNK_BITS;
        AtomicIntegerArray[] current = chunks;
        if (c < current.length && current[c] != null) {
            return current[c];
        }
        if (!create) {
            return null;
        }
        synchronized (growLock) {
            current = chunks;
            if (c >= current.length) {
                current = Arrays.copyOf(current, Math.max(c + 1, current.length * 2));
            } else if (current[c] != null) {
                return current[c];
            } else {
                current = current.clone();
            }
            current[c] = new AtomicIntegerArray(CHUNK);
            chunks = current;
            return current[c];
        }
    }
}
