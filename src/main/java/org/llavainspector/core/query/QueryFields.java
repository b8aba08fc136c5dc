package org.llavainspector.core.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The fields a query may use beyond the built-in ones: later features register e.g. {@code mark:keep},
 * {@code tag:foo} or {@code file:NAME}, each resolved to a {@link RecordPredicate}. Immutable; {@link #with} returns a
 * new registry.
 */
public final class QueryFields {
    /** The built-in field names, in the order error messages list them. */
    public static final List<String> BUILT_IN = List.of("id", "image", "from", "turns", "has", "re", "problem",
            "placement");

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*");
    private static final QueryFields STANDARD = new QueryFields(Map.of());

    private final Map<String, FieldResolver> extra;

    private QueryFields(Map<String, FieldResolver> extra) {
        this.extra = extra;
    }

    /** Turns the text after {@code name:} into a test on records, or rejects it. */
    @FunctionalInterface
    public interface FieldResolver {
        /**
         * @param value the value as typed (unquoted), never empty
         * @return a test that may be called from several threads at once
         * @throws IllegalArgumentException with a short reason (e.g. {@code unknown mark 'x' (known: keep, drop)})
         */
        RecordPredicate resolve(String value);
    }

    /** Only the built-in fields. */
    public static QueryFields standard() {
        return STANDARD;
    }

    /** These fields plus {@code name}; the name is lower-case letters, digits, '-' or '_' and not taken yet. */
    public QueryFields with(String name, FieldResolver resolver) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad query field name '" + name + "'");
        }
        if (BUILT_IN.contains(name) || extra.containsKey(name)) {
            throw new IllegalArgumentException("query field '" + name + "' already exists");
        }
        Map<String, FieldResolver> more = new LinkedHashMap<>(extra);
        more.put(name, resolver);
        return new QueryFields(Collections.unmodifiableMap(more));
    }

    /** All field names: the built-in ones, then the added ones in the order they were added. */
    public List<String> names() {
        List<String> names = new ArrayList<>(BUILT_IN);
        names.addAll(extra.keySet());
        return names;
    }

    Optional<FieldResolver> resolver(String name) {
        return Optional.ofNullable(extra.get(name));
    }
}
