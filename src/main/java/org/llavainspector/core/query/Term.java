package org.llavainspector.core.query;

import java.util.Arrays;
import java.util.Comparator;
import org.llavainspector.core.dataset.DatasetIndex;
import org.llavainspector.core.validate.ProblemIndex;

/** A node of a parsed query; {@link #toString()} is its canonical form (used by tests and for debugging). */
abstract class Term {
    /** Whether the record matches; {@code ev} gives the index and, lazily, what the text scan found. */
    abstract boolean test(int record, Evaluation ev);

    /** True when the term reads the record's text (so costs I/O); cheap terms are tried first. */
    abstract boolean readsText();

    /** True when the term needs the {@link ProblemIndex}. */
    boolean usesProblems() {
        return false;
    }

    /** What a worker needs to evaluate terms on one record: the indexes, and the text scan done at most once. */
    interface Evaluation {
        DatasetIndex index();

        ProblemIndex problems();

        /** The flags of {@link TextTerms} slots for the record, from one scan of its bytes. */
        boolean[] scanned(int record);
    }

    /** A test on what the indexes hold, without I/O. */
    @FunctionalInterface
    interface IndexTest {
        boolean test(int record, DatasetIndex index, ProblemIndex problems);
    }

    static final class MatchAll extends Term {
        @Override
        boolean test(int record, Evaluation ev) {
            return true;
        }

        @Override
        boolean readsText() {
            return false;
        }

        @Override
        public String toString() {
            return "ALL";
        }
    }

    /** A term answered from the in-memory index (id, image, turns, has, problem, added fields). */
    static final class Indexed extends Term {
        private final String description;
        private final IndexTest test;
        private final boolean usesProblems;

        Indexed(String description, boolean usesProblems, IndexTest test) {
            this.description = description;
            this.test = test;
            this.usesProblems = usesProblems;
        }

        @Override
        boolean test(int record, Evaluation ev) {
            return test.test(record, ev.index(), ev.problems());
        }

        @Override
        boolean readsText() {
            return false;
        }

        @Override
        boolean usesProblems() {
            return usesProblems;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /** A term answered by the text scan: slot {@code slot} of {@link Evaluation#scanned}. */
    static final class Scanned extends Term {
        private final int slot;
        private final String description;

        Scanned(int slot, String description) {
            this.slot = slot;
            this.description = description;
        }

        @Override
        boolean test(int record, Evaluation ev) {
            return ev.scanned(record)[slot];
        }

        @Override
        boolean readsText() {
            return true;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    static final class Not extends Term {
        private final Term term;

        Not(Term term) {
            this.term = term;
        }

        @Override
        boolean test(int record, Evaluation ev) {
            return !term.test(record, ev);
        }

        @Override
        boolean readsText() {
            return term.readsText();
        }

        @Override
        boolean usesProblems() {
            return term.usesProblems();
        }

        @Override
        public String toString() {
            return "NOT(" + term + ")";
        }
    }

    /** AND or OR of several terms, cheap ones first so that a text scan is often not needed. */
    static final class Combined extends Term {
        private final boolean and;
        private final Term[] terms;

        Combined(boolean and, Term[] terms) {
            this.and = and;
            this.terms = terms.clone();
            Arrays.sort(this.terms, Comparator.comparing(Term::readsText));
        }

        @Override
        boolean test(int record, Evaluation ev) {
            for (Term t : terms) {
                if (t.test(record, ev) != and) {
                    return !and;
                }
            }
            return and;
        }

        @Override
        boolean readsText() {
            return Arrays.stream(terms).anyMatch(Term::readsText);
        }

        @Override
        boolean usesProblems() {
            return Arrays.stream(terms).anyMatch(Term::usesProblems);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder(and ? "AND(" : "OR(");
            for (int i = 0; i < terms.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(terms[i]);
            }
            return sb.append(')').toString();
        }
    }
}
