package org.llavainspector.core.curation;

import java.util.Locale;

/** The one spelling of a free tag: trimmed, lower-case, without spaces or commas (so {@code tag:foo} can find it). */
public final class Tags {
    private Tags() {
    }

    /**
     * The tag as stored.
     *
     * @throws IllegalArgumentException for a blank tag or one that holds whitespace or a comma
     */
    public static String normalise(String tag) {
        String t = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty tag");
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isWhitespace(c) || c == ',') {
                throw new IllegalArgumentException("a tag cannot hold spaces or commas: '" + tag.strip() + "'");
            }
        }
        return t;
    }
}
