package org.llavainspector.core.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryParserTest {
    private static String parsed(String query) throws QuerySyntaxException {
        return Query.parse(query).toString();
    }

    private static QuerySyntaxException error(String query) {
        return assertThrows(QuerySyntaxException.class, () -> Query.parse(query), query);
    }

    @Test
    void freeWordsAreAndedAndFolded() throws Exception {
        assertEquals("\"dog\"", parsed("dog"));
        assertEquals("AND(\"dog\", \"frisbee\")", parsed("  Dog   FRISBEE "));
        assertEquals("\"café\"", parsed("CAFÉ"));
        assertEquals("\"12:30\"", parsed("12:30"), "a word that does not start with a letter is no field");
        assertEquals("\"state-of-the-art\"", parsed("state-of-the-art"));
    }

    @Test
    void phrasesKeepSpacesAndEscapes() throws Exception {
        assertEquals("\"red frisbee\"", parsed("\"red   Frisbee\""), "runs of spaces count as one");
        assertEquals("\"say \\\"hi\\\"\"", parsed("\"say \\\"hi\\\"\""));
        assertEquals("\"c:\\\\path\"", parsed("\"C:\\\\path\""));
        assertEquals("\"http://x\"", parsed("\"http://x\""), "a phrase may hold a colon");
        assertEquals("\"-\"", parsed("\"-\""));
    }

    @Test
    void negationOfEveryKindOfTerm() throws Exception {
        assertEquals("NOT(\"dog\")", parsed("-dog"));
        assertEquals("NOT(\"the dog\")", parsed("-\"the dog\""));
        assertEquals("NOT(has:image)", parsed("-has:image"));
        assertEquals("NOT(from:\"system\")", parsed("-from:system"));
        assertEquals("NOT(re:/a b/)", parsed("-re:/a b/"));
        assertEquals("NOT(OR(\"cat\", \"dog\"))", parsed("-(cat OR dog)"));
        assertEquals("NOT(NOT(\"dog\"))", parsed("--dog"));
    }

    @Test
    void fields() throws Exception {
        assertEquals("id:\"0003\"", parsed("id:0003"));
        assertEquals("id:=\"000000319154\"", parsed("id:=000000319154"));
        assertEquals("id:=\"A b\"", parsed("id:=\"A b\""), "an exact id keeps its case");
        assertEquals("image:\"coco/train2017\"", parsed("image:COCO/train2017"));
        assertEquals("image:\"my folder/a.jpg\"", parsed("image:\"my folder/a.jpg\""));
        assertEquals("from:\"Human\"", parsed("from:Human"), "roles compare exactly");
        assertEquals("has:image", parsed("has:image"));
        assertEquals("has:no-image", parsed("has:no-image"));
        assertEquals("has:multi-image", parsed("HAS:Multi-Image"));
        assertEquals("problem:first-turn-not-human", parsed("problem:first-turn-not-human"));
        assertEquals("problem:missing-image", parsed("problem:missing-image"));
        assertEquals("problem:any", parsed("problem:any"));
    }

    @ParameterizedTest
    @CsvSource({"turns>8, turns>8", "turns>=2, turns>=2", "turns<4, turns<4", "turns<=4, turns<=4", "turns=6, turns=6",
        "turns:6, turns=6", "turns:>=3, turns>=3", "TURNS>1, turns>1"})
    void turnComparisons(String query, String canonical) throws Exception {
        assertEquals(canonical, parsed(query));
    }

    @Test
    void regexes() throws Exception {
        assertEquals("re:/\\bfrisbee\\b/", parsed("re:/\\bfrisbee\\b/"));
        assertEquals("AND(re:/red frisbee/, \"dog\")", parsed("re:/red frisbee/ dog"), "spaces inside the slashes");
        assertEquals("re:/a\\/b/", parsed("re:/a\\/b/"), "an escaped slash");
        assertEquals("re:/d.g/", parsed("re:d.g"), "without slashes up to the next space");
    }

    @Test
    void orBindsLooserThanAnd() throws Exception {
        assertEquals("OR(\"cat\", \"dog\")", parsed("cat OR dog"));
        assertEquals("OR(AND(has:image, \"cat\"), \"dog\")", parsed("has:image cat OR dog"));
        assertEquals("OR(\"a\", AND(\"b\", \"c\"), \"d\")", parsed("a OR b c OR d"));
        assertEquals("AND(\"cat\", \"or\", \"dog\")", parsed("cat or dog"), "lower-case or is a word");
        assertEquals("AND(\"orange\", \"dog\")", parsed("ORANGE dog"));
    }

    @Test
    void parenthesesGroup() throws Exception {
        assertEquals("AND(NOT(has:image), OR(\"cat\", \"dog\"))", parsed("(cat OR dog) -has:image"), "cheap term first");
        assertEquals("OR(\"cat\", \"dog\")", parsed("((cat OR dog))"));
        assertEquals("\"f(x)\"", parsed("f(x)"), "a parenthesis inside a word is part of it");
    }

    @Test
    void cheapTermsAreTestedFirst() throws Exception {
        assertEquals("AND(has:image, turns>2, \"dog\", NOT(\"the\"))", parsed("dog -the has:image turns>2"));
    }

    @Test
    void emptyQueryMatchesAll() throws Exception {
        assertTrue(Query.parse("").matchesAll());
        assertTrue(Query.parse("   ").matchesAll());
        assertFalse(Query.parse("dog").matchesAll());
    }

    @Test
    void whatAQueryNeeds() throws Exception {
        assertFalse(Query.parse("turns>2 has:image id:x image:y").readsText());
        assertTrue(Query.parse("turns>2 dog").readsText());
        assertTrue(Query.parse("from:gpt").readsText());
        assertTrue(Query.parse("-problem:any").usesProblems());
        assertFalse(Query.parse("dog").usesProblems());
    }

    @Test
    void unknownFieldNamesItsColumnAndTheKnownOnes() {
        QuerySyntaxException e = error("a b -colour:red");
        assertEquals(6, e.column());
        assertEquals("column 6: unknown field 'colour:' (known: id, image, from, turns, has, re, problem, placement)", e.getMessage());
        assertEquals("column 1: unknown field 'http:' (known: id, image, from, turns, has, re, problem, placement)",
                error("http://example.com").getMessage());
    }

    @Test
    void syntaxErrorsNameTheirColumn() {
        assertEquals("column 5: unclosed quote", error("dog \"red frisbee").getMessage());
        assertEquals("column 7: turns> needs a whole number, not 'x'", error("turns>x").getMessage());
        assertEquals("column 7: turns> needs a whole number, not ''", error("turns>").getMessage());
        assertEquals("column 5: has: takes image, no-image or multi-image, not 'colour'", error("has:colour").getMessage());
        assertEquals("column 4: unclosed regex: no closing '/'", error("re:/abc").getMessage());
        assertEquals("column 1: 'id:' needs a value", error("id: dog").getMessage());
        assertEquals("column 5: OR needs a term on both sides", error("dog OR").getMessage());
        assertEquals("column 1: OR needs a term on both sides", error("OR dog").getMessage());
        assertEquals("column 5: OR needs a term on both sides", error("dog OR OR cat").getMessage());
        assertEquals("column 5: '-' must be followed by a term (write \"-\" to search for a dash)",
                error("dog - cat").getMessage());
        assertEquals("column 1: '(' is never closed", error("(dog cat").getMessage());
        assertEquals("column 5: ')' without '('", error("dog ) cat").getMessage());
        assertEquals("column 1: empty parentheses", error("() dog").getMessage());
        assertEquals("column 1: empty phrase", error("\"\"").getMessage());
        assertEquals("column 6: put a space after the closing quote", error("\"dog\"cat").getMessage());
        assertTrue(error("problem:colour").getMessage().startsWith("column 9: unknown problem kind 'colour' (known: any, "
                + "wrong-type, missing-field,"));
    }

    @Test
    void badRegexGivesTheDescription() {
        QuerySyntaxException e = error("dog re:/[a/");
        assertTrue(e.getMessage().startsWith("column "), e.getMessage());
        assertTrue(e.reason().startsWith("bad regex: Unclosed character class near index 1"), e.reason());
        assertEquals("column 9: bad regex: Dangling meta character '*' near index 0", error("dog re:/*a/").getMessage());
    }

    @Test
    void addedFieldsResolveThroughCallbacks() throws Exception {
        QueryFields fields = QueryFields.standard().with("mark", value -> {
            if (!value.equals("keep")) {
                throw new IllegalArgumentException("unknown mark '" + value + "' (known: keep)");
            }
            return r -> r % 2 == 0;
        });
        assertEquals("AND(mark:\"keep\", \"dog\")", Query.parse("dog mark:keep", fields).toString());
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> Query.parse("mark:drop", fields));
        assertEquals("column 6: unknown mark 'drop' (known: keep)", e.getMessage());
        e = assertThrows(QuerySyntaxException.class, () -> Query.parse("tag:x", fields));
        assertEquals("column 1: unknown field 'tag:' (known: id, image, from, turns, has, re, problem, placement, mark)", e.getMessage());
        assertThrows(QuerySyntaxException.class, () -> Query.parse("mark:keep"), "not a field of the standard set");
        assertThrows(IllegalArgumentException.class, () -> fields.with("mark", v -> r -> true));
        assertThrows(IllegalArgumentException.class, () -> fields.with("id", v -> r -> true));
        assertThrows(IllegalArgumentException.class, () -> fields.with("Bad Name", v -> r -> true));
    }
}
