package org.llavainspector.core.curation;

import java.util.function.IntPredicate;
import org.llavainspector.core.query.QueryFields;
import org.llavainspector.core.query.RecordPredicate;

/**
 * The query fields that curation adds to the shared query language, for the records of one source file:
 * {@code mark:keep|reject|flag|none|any}, {@code tag:NAME} ({@code tag:*} any tag), {@code is:edited},
 * {@code is:noted}.
 */
public final class CurationQueryFields {
    private CurationQueryFields() {
    }

    /** The standard fields plus the curation ones over source {@code file} of the session. */
    public static QueryFields forFile(Session session, int file) {
        return QueryFields.standard()
                .with("mark", value -> predicate(session.markFilter(file, value)))
                .with("tag", value -> predicate(session.tagFilter(file, value)))
                .with("is", value -> {
                    switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
                        case "edited":
                            return predicate(session.editedFilter(file));
                        case "noted":
                            return predicate(session.noteFilter(file));
                        default:
                            throw new IllegalArgumentException("unknown 'is:" + value + "' (known: edited, noted)");
                    }
                });
    }

    private static RecordPredicate predicate(IntPredicate p) {
        return p::test;
    }
}
