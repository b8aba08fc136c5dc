package org.llavainspector.core.query;

/**
 * A parsed query (see {@link QueryParser} for the language): immutable and safe to evaluate from several threads.
 * {@link QueryEngine} runs it over a dataset; {@link #toString()} gives its canonical form.
 */
public final class Query {
    private static final Query ALL = new Query("", new Term.MatchAll(), new TextTerms());

    private final String text;
    private final Term root;
    private final TextTerms textTerms;

    Query(String text, Term root, TextTerms textTerms) {
        this.text = text;
        this.root = root;
        this.textTerms = textTerms;
    }

    /** Parses a query that uses only the built-in fields. */
    public static Query parse(String text) throws QuerySyntaxException {
        return QueryParser.parse(text, QueryFields.standard());
    }

    /** Parses a query that may also use the fields added to {@code fields}. */
    public static Query parse(String text, QueryFields fields) throws QuerySyntaxException {
        return QueryParser.parse(text, fields);
    }

    /** The query that matches every record (what an empty filter bar means). */
    public static Query all() {
        return ALL;
    }

    /** The text the query was parsed from. */
    public String text() {
        return text;
    }

    /** True for the empty query, which matches every record without any work. */
    public boolean matchesAll() {
        return root instanceof Term.MatchAll;
    }

    /** True when some term needs the records' text (words, phrases, {@code re:}, {@code from:}), i.e. file reads. */
    public boolean readsText() {
        return root.readsText();
    }

    /** True when the query uses {@code problem:}, so needs a {@link org.llavainspector.core.validate.ProblemIndex}. */
    public boolean usesProblems() {
        return root.usesProblems();
    }

    Term root() {
        return root;
    }

    TextTerms textTerms() {
        return textTerms;
    }

    /** The canonical form, e.g. {@code AND(has:image, NOT("the"))}. */
    @Override
    public String toString() {
        return root.toString();
    }
}
