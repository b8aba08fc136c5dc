package org.llavainspector.core.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The user documentation of the query language (Markdown), for the filter bar's help popover and the README. */
public final class QueryHelp {
    /** Class-path resource holding the text. */
    public static final String RESOURCE = "/org/llavainspector/core/query/query-help.md";

    private QueryHelp() {
    }

    /** The help text as Markdown. */
    public static String markdown() {
        try (InputStream in = QueryHelp.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
