package org.llavainspector.core.curation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Tells whether the dataset files of a session are still the ones it was made of, so that a restored session is
 * never applied silently to a changed file: the user is told, and decides.
 */
public final class SourceCheck {
    private SourceCheck() {
    }

    /** How a source file differs from what the session remembers. */
    public enum Kind {
        /** The file is gone or unreadable. */
        MISSING,
        /** Its size or the bytes of its head or tail differ: the records may have moved. */
        CONTENT,
        /** Only its modification time differs (touched, copied, or changed in the middle). */
        MODIFIED
    }

    /** One changed source: its position in the session, what changed, and a one-line message for the user. */
    public record Change(int file, Path path, Kind kind, String message) {
    }

    /** The sources of the session that changed since it was made; empty when all are as remembered. */
    public static List<Change> check(Session session) {
        List<Change> changes = new ArrayList<>();
        List<SourceIdentity> sources = session.sources();
        for (int f = 0; f < sources.size(); f++) {
            compare(f, sources.get(f)).ifPresent(changes::add);
        }
        return changes;
    }

    static Optional<Change> compare(int f, SourceIdentity then) {
        Path path = then.path();
        if (!Files.isRegularFile(path)) {
            return Optional.of(new Change(f, path, Kind.MISSING, path + ": no longer there"));
        }
        SourceIdentity now;
        try {
            now = SourceIdentity.of(path);
        } catch (IOException e) {
            return Optional.of(new Change(f, path, Kind.MISSING, path + ": cannot be read: " + e.getMessage()));
        }
        if (now.size() != then.size()) {
            return Optional.of(new Change(f, path, Kind.CONTENT, String.format(
                    "%s: changed since the session was saved (%,d bytes then, %,d now)", path, then.size(), now.size())));
        }
        if (!Objects.equals(now.headTailHash(), then.headTailHash())) {
            return Optional.of(new Change(f, path, Kind.CONTENT,
                    path + ": changed since the session was saved (same size, different content)"));
        }
        if (now.modifiedMillis() != then.modifiedMillis()) {
            return Optional.of(new Change(f, path, Kind.MODIFIED, path + ": modified at "
                    + Instant.ofEpochMilli(now.modifiedMillis()) + ", after the session was saved ("
                    + Instant.ofEpochMilli(then.modifiedMillis()) + "); size, head and tail are unchanged"));
        }
        return Optional.empty();
    }

    /**
     * The samples of source {@code file} whose remembered id differs from the id the file now has at the same record
     * number (or whose record no longer exists): where the session's notes would land on the wrong record.
     *
     * @param idOf the current id of a record, e.g. {@code index::id}
     * @param size the number of records the file has now
     */
    public static List<SampleKey> mismatchedIds(Session session, int file, IntFunction<String> idOf, int size) {
        List<SampleKey> wrong = new ArrayList<>();
        session.states().forEach((key, state) -> {
            if (key.file() == file && state.id() != null
                    && (key.record() >= size || !state.id().equals(idOf.apply(key.record())))) {
                wrong.add(key);
            }
        });
        wrong.sort(null);
        return wrong;
    }
}
