package org.llavainspector.core.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.llavainspector.core.dataset.ImageToken;
import org.llavainspector.core.validate.ProblemIndex;
import org.llavainspector.core.validate.ProblemKind;

/**
 * Parses the query language shared by the inspector's filter bar and {@code search} on the command line
 * (user documentation: {@link QueryHelp}, the resource {@code query-help.md}).
 *
 * <pre>
 * query    := or?                        (empty: every record)
 * or       := and ("OR" and)*            OR is an upper-case word; AND binds tighter
 * and      := unary+                     terms side by side must all hold
 * unary    := "-" unary | primary        negation of any term
 * primary  := "(" or ")" | PHRASE | FIELD | WORD
 * PHRASE   := '"' text '"'               \" and \\ inside; exact substring with its spaces
 * WORD     := text up to a space         (or up to ')' inside parentheses)
 * FIELD    := id:TEXT | id:=TEXT | image:TEXT | from:ROLE | turns(&gt;|&gt;=|&lt;|&lt;=|=|:)N
 *           | has:(image|no-image|multi-image) | re:/REGEX/ | re:REGEX | problem:(KIND|any)
 *           | placement:(start|end|middle|multiple|none)
 *           | NAME:VALUE                 for fields added through {@link QueryFields}
 * </pre>
 *
 * Words and phrases must occur, case-insensitively, in the id, an image path or a turn's value (never in JSON keys
 * or other fields); spaces, tabs and line breaks compare as one space ({@link TextFold}). {@code re:} finds a Java
 * regular expression (case-insensitive) in the same strings; {@code from:} compares a turn's role exactly;
 * {@code id:}, {@code image:} are case-insensitive substrings of the index's id and paths, {@code id:=} is an exact
 * id. {@code problem:any} means a problem of error severity (duplicate ids, a notice, do not count). A name followed
 * by ':' that is no field is an error, so a word with a colon is written as a phrase. Every error is a
 * {@link QuerySyntaxException} naming the 1-based column.
 */
public final class QueryParser {
    private static final String HAS_VALUES = "image, no-image or multi-image";

    private final String s;
    private final QueryFields fields;
    private final TextTerms text = new TextTerms();
    private int pos;
    private int depth;

    private QueryParser(String s, QueryFields fields) {
        this.s = s;
        this.fields = fields;
    }

    /** Parses {@code query} with the built-in fields and those of {@code fields}. */
    public static Query parse(String query, QueryFields fields) throws QuerySyntaxException {
        QueryParser p = new QueryParser(query, fields);
        p.skipSpaces();
        if (p.atEnd()) {
            return Query.all();
        }
        Term root = p.or();
        if (!p.atEnd()) {
            throw p.error(p.pos, "')' without '('");
        }
        return new Query(query, root, p.text);
    }

    private Term or() throws QuerySyntaxException {
        List<Term> alternatives = new ArrayList<>();
        alternatives.add(and());
        while (atOr()) {
            int at = pos;
            pos += 2;
            skipSpaces();
            if (atEnd() || atOr() || peek() == ')') {
                throw error(at, "OR needs a term on both sides");
            }
            alternatives.add(and());
        }
        return alternatives.size() == 1 ? alternatives.get(0) : new Term.Combined(false, alternatives.toArray(new Term[0]));
    }

    private Term and() throws QuerySyntaxException {
        List<Term> terms = new ArrayList<>();
        skipSpaces();
        if (atOr()) {
            throw error(pos, "OR needs a term on both sides");
        }
        while (!atEnd() && peek() != ')' && !atOr()) {
            terms.add(unary());
            skipSpaces();
        }
        if (terms.isEmpty()) {
            throw error(pos, atEnd() ? "a term is missing at the end" : "')' without '('");
        }
        return terms.size() == 1 ? terms.get(0) : new Term.Combined(true, terms.toArray(new Term[0]));
    }

    private Term unary() throws QuerySyntaxException {
        if (peek() == '-') {
            int at = pos;
            pos++;
            if (atEnd() || Character.isWhitespace(peek()) || peek() == ')') {
                throw error(at, "'-' must be followed by a term (write \"-\" to search for a dash)");
            }
            return new Term.Not(unary());
        }
        return primary();
    }

    private Term primary() throws QuerySyntaxException {
        int start = pos;
        char c = peek();
        if (c == '(') {
            pos++;
            depth++;
            skipSpaces();
            if (!atEnd() && peek() == ')') {
                throw error(start, "empty parentheses");
            }
            if (atEnd()) {
                throw error(start, "'(' is never closed");
            }
            Term inner = or();
            if (atEnd()) {
                throw error(start, "'(' is never closed");
            }
            pos++;
            depth--;
            requireTermEnd("')'");
            return inner;
        }
        if (c == '"') {
            String phrase = quoted();
            return needle(start, phrase);
        }
        int nameEnd = pos;
        if (Character.isLetter(c)) {
            while (nameEnd < s.length() && isNameChar(s.charAt(nameEnd))) {
                nameEnd++;
            }
        }
        if (nameEnd > pos && nameEnd < s.length()) {
            String name = s.substring(pos, nameEnd).toLowerCase(Locale.ROOT);
            char next = s.charAt(nameEnd);
            if (next == ':') {
                pos = nameEnd + 1;
                return field(start, name);
            }
            if ((next == '<' || next == '>' || next == '=') && name.equals("turns")) {
                pos = nameEnd;
                return turns();
            }
        }
        return needle(start, bare());
    }

    private static boolean isNameChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }

    private Term field(int start, String name) throws QuerySyntaxException {
        if (name.equals("turns")) {
            return turns();
        }
        if (name.equals("re")) {
            return regex();
        }
        QueryFields.FieldResolver resolver = fields.resolver(name).orElse(null);
        if (!QueryFields.BUILT_IN.contains(name) && resolver == null) {
            throw error(start, "unknown field '" + s.substring(start, pos) + "' (known: "
                    + String.join(", ", fields.names()) + ")");
        }
        boolean exact = name.equals("id") && !atEnd() && peek() == '=';
        if (exact) {
            pos++;
        }
        int valueStart = pos;
        if (atTermEnd()) {
            throw error(start, "'" + s.substring(start, pos) + "' needs a value");
        }
        String value = peek() == '"' ? quoted() : bare();
        if (value.isEmpty()) {
            throw error(valueStart, "empty value");
        }
        switch (name) {
            case "id":
                return exact ? exactId(value) : id(value);
            case "image":
                return image(value);
            case "from":
                return new Term.Scanned(text.role(value), "from:" + quote(value));
            case "has":
                return has(valueStart, value);
            case "problem":
                return problem(valueStart, value);
            case "placement":
                return placement(valueStart, value);
            default:
                try {
                    RecordPredicate predicate = resolver.resolve(value);
                    return new Term.Indexed(name + ":" + quote(value), false, (r, index, problems) -> predicate.test(r));
                } catch (IllegalArgumentException e) {
                    throw error(valueStart, e.getMessage());
                }
        }
    }

    private static Term id(String value) {
        String folded = TextFold.fold(value);
        return new Term.Indexed("id:" + quote(folded), false, (r, index, problems) -> TextFold.contains(index.id(r), folded));
    }

    private static Term exactId(String value) {
        return new Term.Indexed("id:=" + quote(value), false, (r, index, problems) -> value.equals(index.id(r)));
    }

    private static Term image(String value) {
        String folded = TextFold.fold(value);
        return new Term.Indexed("image:" + quote(folded), false, (r, index, problems) -> {
            if (index.imageCount(r) == 0) {
                return false;
            }
            for (String path : index.images(r)) {
                if (TextFold.contains(path, folded)) {
                    return true;
                }
            }
            return false;
        });
    }

    private Term has(int valueStart, String value) throws QuerySyntaxException {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "image":
                return new Term.Indexed("has:image", false, (r, index, problems) -> index.imageCount(r) > 0);
            case "no-image":
                return new Term.Indexed("has:no-image", false, (r, index, problems) -> index.imageCount(r) == 0);
            case "multi-image":
                return new Term.Indexed("has:multi-image", false, (r, index, problems) -> index.imageCount(r) > 1);
            default:
                throw error(valueStart, "has: takes " + HAS_VALUES + ", not '" + value + "'");
        }
    }

    /** {@code placement:start|end|middle|multiple|none}: where the record's {@code <image>} token stands. */
    private Term placement(int valueStart, String value) throws QuerySyntaxException {
        for (ImageToken.Placement p : ImageToken.Placement.values()) {
            if (p.label().equalsIgnoreCase(value)) {
                return new Term.Indexed("placement:" + p.label(), false, (r, index, problems) -> index.placement(r) == p);
            }
        }
        throw error(valueStart, "placement: takes start, end, middle, multiple or none, not '" + value + "'");
    }

    private Term problem(int valueStart, String value) throws QuerySyntaxException {
        String name = value.toLowerCase(Locale.ROOT);
        if (name.equals("any")) {
            return new Term.Indexed("problem:any", true, (r, index, problems) -> problems.hasError(r));
        }
        ProblemKind kind = ProblemKind.byName(name).orElseThrow(() -> error(valueStart, "unknown problem kind '" + value
                + "' (known: any, " + Arrays.stream(ProblemKind.values()).map(ProblemKind::kind)
                .collect(Collectors.joining(", ")) + ")"));
        int bit = ProblemIndex.bit(kind);
        return new Term.Indexed("problem:" + kind.kind(), true, (r, index, problems) -> (problems.mask(r) & bit) != 0);
    }

    /** {@code turns} comparisons; pos is at the operator (or after "turns:"). */
    private Term turns() throws QuerySyntaxException {
        String op = "=";
        for (String candidate : new String[] {">=", "<=", ">", "<", "="}) {
            if (s.startsWith(candidate, pos)) {
                op = candidate;
                pos += candidate.length();
                break;
            }
        }
        int valueStart = pos;
        String value = atTermEnd() ? "" : bare();
        int n;
        try {
            if (!value.matches("[0-9]{1,9}")) {
                throw new NumberFormatException();
            }
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw error(valueStart, "turns" + op + " needs a whole number, not '" + value + "'");
        }
        String description = "turns" + op + n;
        switch (op) {
            case ">=":
                return new Term.Indexed(description, false, (r, index, problems) -> index.turnCount(r) >= n);
            case "<=":
                return new Term.Indexed(description, false, (r, index, problems) -> index.turnCount(r) <= n);
            case ">":
                return new Term.Indexed(description, false, (r, index, problems) -> index.turnCount(r) > n);
            case "<":
                return new Term.Indexed(description, false, (r, index, problems) -> index.turnCount(r) < n);
            default:
                return new Term.Indexed(description, false, (r, index, problems) -> index.turnCount(r) == n);
        }
    }

    /** {@code re:/regex/} (may hold spaces; {@code \/} is a slash) or {@code re:regex} up to the next space. */
    private Term regex() throws QuerySyntaxException {
        int start;
        String source;
        if (!atEnd() && peek() == '/') {
            int open = pos;
            int i = pos + 1;
            while (i < s.length() && s.charAt(i) != '/') {
                i += s.charAt(i) == '\\' ? 2 : 1;
            }
            if (i >= s.length()) {
                throw error(open, "unclosed regex: no closing '/'");
            }
            start = open + 1;
            source = s.substring(start, i);
            pos = i + 1;
            requireTermEnd("the closing '/'");
        } else {
            start = pos;
            source = atTermEnd() ? "" : bare();
        }
        if (source.isEmpty()) {
            throw error(start, "re: needs a regular expression, e.g. re:/\\bdogs?\\b/");
        }
        try {
            Pattern pattern = Pattern.compile(source, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            return new Term.Scanned(text.pattern(pattern), "re:/" + source + "/");
        } catch (PatternSyntaxException e) {
            int at = start + Math.max(0, Math.min(e.getIndex(), source.length() - 1));
            throw error(at, "bad regex: " + e.getDescription() + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
        }
    }

    private Term needle(int start, String raw) throws QuerySyntaxException {
        String folded = TextFold.fold(raw);
        if (folded.isEmpty()) {
            throw error(start, "empty phrase");
        }
        return new Term.Scanned(text.needle(folded), quote(folded));
    }

    /** A quoted phrase; pos is at the opening quote. {@code \"} is a quote and {@code \\} a backslash inside. */
    private String quoted() throws QuerySyntaxException {
        int open = pos;
        StringBuilder sb = new StringBuilder();
        int i = pos + 1;
        while (true) {
            if (i >= s.length()) {
                throw error(open, "unclosed quote");
            }
            char c = s.charAt(i);
            if (c == '"') {
                break;
            }
            if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == '"' || s.charAt(i + 1) == '\\')) {
                c = s.charAt(++i);
            }
            sb.append(c);
            i++;
        }
        pos = i + 1;
        requireTermEnd("the closing quote");
        return sb.toString();
    }

    /** Text up to the next space (or ')' inside parentheses). */
    private String bare() {
        int start = pos;
        while (!atTermEnd()) {
            pos++;
        }
        return s.substring(start, pos);
    }

    private boolean atTermEnd() {
        return atEnd() || Character.isWhitespace(peek()) || depth > 0 && peek() == ')';
    }

    private void requireTermEnd(String after) throws QuerySyntaxException {
        if (!atTermEnd()) {
            throw error(pos, "put a space after " + after);
        }
    }

    private boolean atOr() {
        if (!s.startsWith("OR", pos)) {
            return false;
        }
        int after = pos + 2;
        return after == s.length() || Character.isWhitespace(s.charAt(after)) || s.charAt(after) == '('
                || depth > 0 && s.charAt(after) == ')';
    }

    private static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private void skipSpaces() {
        while (!atEnd() && Character.isWhitespace(peek())) {
            pos++;
        }
    }

    private boolean atEnd() {
        return pos >= s.length();
    }

    private char peek() {
        return s.charAt(pos);
    }

    private QuerySyntaxException error(int at, String reason) {
        return new QuerySyntaxException(at + 1, reason);
    }
}
