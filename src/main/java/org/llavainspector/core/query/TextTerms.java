package org.llavainspector.core.query;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The terms of one query that need the record text, each in a numbered slot: folded needles (words and phrases),
 * regular expressions and {@code from} roles. One scan of a record answers all of them at once.
 */
final class TextTerms {
    enum Kind {
        NEEDLE,
        PATTERN,
        ROLE
    }

    private final List<Kind> kinds = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    /** The slot of a folded needle (a word or phrase that must occur in id, image or a turn's value). */
    int needle(String folded) {
        return slot(Kind.NEEDLE, folded);
    }

    /** The slot of a regular expression (found in id, image or a turn's value). */
    int pattern(Pattern pattern) {
        kinds.add(Kind.PATTERN);
        values.add(pattern);
        return kinds.size() - 1;
    }

    /** The slot of a role (some turn's {@code from} equals it). */
    int role(String role) {
        return slot(Kind.ROLE, role);
    }

    private int slot(Kind kind, String value) {
        for (int i = 0; i < kinds.size(); i++) {
            if (kinds.get(i) == kind && values.get(i).equals(value)) {
                return i;
            }
        }
        kinds.add(kind);
        values.add(value);
        return kinds.size() - 1;
    }

    int size() {
        return kinds.size();
    }

    Kind kind(int slot) {
        return kinds.get(slot);
    }

    String text(int slot) {
        return (String) values.get(slot);
    }

    Pattern pattern(int slot) {
        return (Pattern) values.get(slot);
    }
}
