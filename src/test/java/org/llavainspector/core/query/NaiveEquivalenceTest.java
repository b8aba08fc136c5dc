package org.llavainspector.core.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.llavainspector.core.dataset.Json;

/**
 * The engine against a naive implementation of the documented semantics (every record parsed with Jackson, checked
 * in plain Java) on random records and random queries.
 */
class NaiveEquivalenceTest {
    private static final String[] REGEXES = {"\\bdog\\b", "caf[eé]", "^the", "frisbees?$", "d.g", "\\d+:\\d+", "σοφ",
        "star", "kelvin", "istanbul", "new\\sline", "(?-i)Dog", "s+tar", "ı", "red,? (?:dog|cat)", "frisbee\\.",
        "x{2,}", "\\p{Lu}{3}", "[^a-z ]{4}", "window\\.\\s+\\w+", "sl\\/ash", "\\\\slash", "quote\"d", "abab", "dogg?", "catt*", "redd{0,2}", "\ud801\udc28x"};
    private static final String[] ID_PARTS = {"GCC", "train_1", "00000", "dog", "7", "café", "İ"};
    private static final String[] IMAGE_PARTS = {"coco/", ".jpg", ".png", "dog/", "0001", "/", "train2017/0"};

    @TempDir
    Path dir;

    /** What a record holds for the query language, read with Jackson. */
    private record Naive(List<String> strings, List<String> folded, String id, List<String> images, List<String> roles,
            int turns) {
        static Naive of(JsonNode r) {
            List<String> strings = new ArrayList<>();
            JsonNode idNode = r.get("id");
            String id = idNode == null || idNode.isContainerNode() || idNode.isNull() ? null : idNode.asText();
            if (id != null) {
                strings.add(id);
            }
            List<String> images = new ArrayList<>();
            JsonNode image = r.get("image");
            if (image != null && image.isTextual()) {
                images.add(image.textValue());
            } else if (image != null && image.isArray()) {
                image.forEach(n -> images.add(n.textValue()));
            }
            strings.addAll(images);
            List<String> roles = new ArrayList<>();
            JsonNode conversations = r.get("conversations");
            int turns = 0;
            if (conversations != null && conversations.isArray()) {
                turns = conversations.size();
                for (JsonNode t : conversations) {
                    if (t.isObject() && t.has("value") && t.get("value").isTextual()) {
                        strings.add(t.get("value").textValue());
                    }
                    if (t.isObject() && t.has("from") && t.get("from").isTextual()) {
                        roles.add(t.get("from").textValue());
                    }
                }
            }
            return new Naive(strings, strings.stream().map(NaiveEquivalenceTest::fold).toList(), id, images, roles, turns);
        }
    }

    /** The documented comparison: lower case by code point, runs of ASCII spaces, tabs and line breaks as one space. */
    private static String fold(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().map(Character::toLowerCase).forEach(sb::appendCodePoint);
        return sb.toString().replaceAll("[ \\t\\n\\r]+", " ");
    }

    private record Term(String text, Predicate<Naive> test) {
    }

    private static String phrase(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String word(String w) {
        return w.matches("[\\p{L}\\p{N}.<>_]+") && !w.equals("OR") ? w : phrase(w);
    }

    private static Term randomTerm(Random random) {
        switch (random.nextInt(9)) {
            case 0:
            case 1: {
                String w = RandomDataset.WORDS[random.nextInt(RandomDataset.WORDS.length)];
                if (random.nextBoolean() && w.length() > 3) {
                    int from = random.nextInt(w.length() - 2);
                    w = w.substring(from, from + 2 + random.nextInt(w.length() - from - 1));
                }
                String needle = fold(w);
                return new Term(word(w), r -> r.folded.stream().anyMatch(s -> s.contains(needle)));
            }
            case 2: {
                String p = RandomDataset.WORDS[random.nextInt(RandomDataset.WORDS.length)]
                        + RandomDataset.SEPARATORS[random.nextInt(RandomDataset.SEPARATORS.length)]
                        + RandomDataset.WORDS[random.nextInt(RandomDataset.WORDS.length)];
                String needle = fold(p);
                return new Term(phrase(p), r -> r.folded.stream().anyMatch(s -> s.contains(needle)));
            }
            case 3: {
                String part = ID_PARTS[random.nextInt(ID_PARTS.length)];
                return new Term("id:" + word(part), r -> r.id != null && fold(r.id).contains(fold(part)));
            }
            case 4: {
                String part = IMAGE_PARTS[random.nextInt(IMAGE_PARTS.length)];
                return new Term("image:" + part, r -> r.images.stream().anyMatch(s -> fold(s).contains(fold(part))));
            }
            case 5: {
                String role = RandomDataset.ROLES[random.nextInt(RandomDataset.ROLES.length)];
                return new Term("from:" + role, r -> r.roles.contains(role));
            }
            case 6: {
                int n = random.nextInt(6);
                String[] ops = {">", ">=", "<", "<=", "="};
                String op = ops[random.nextInt(ops.length)];
                Predicate<Naive> test = op.equals(">") ? r -> r.turns > n : op.equals(">=") ? r -> r.turns >= n
                        : op.equals("<") ? r -> r.turns < n : op.equals("<=") ? r -> r.turns <= n : r -> r.turns == n;
                return new Term("turns" + op + n, test);
            }
            case 7: {
                String[] has = {"image", "no-image", "multi-image"};
                String h = has[random.nextInt(has.length)];
                Predicate<Naive> test = h.equals("image") ? r -> !r.images.isEmpty()
                        : h.equals("no-image") ? r -> r.images.isEmpty() : r -> r.images.size() > 1;
                return new Term("has:" + h, test);
            }
            default: {
                String regex = REGEXES[random.nextInt(REGEXES.length)];
                Pattern p = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                return new Term("re:/" + regex + "/", r -> r.strings.stream().anyMatch(s -> p.matcher(s).find()));
            }
        }
    }

    private static Term randomQuery(Random random) {
        List<Term> groups = new ArrayList<>();
        for (int g = 0, n = random.nextInt(4) == 0 ? 2 : 1; g < n; g++) {
            List<Term> terms = new ArrayList<>();
            for (int k = 0, m = 1 + random.nextInt(3); k < m; k++) {
                Term t = randomTerm(random);
                terms.add(random.nextInt(4) == 0 ? new Term("-" + t.text, t.test.negate()) : t);
            }
            groups.add(new Term(terms.stream().map(Term::text).collect(Collectors.joining(" ")),
                    r -> terms.stream().allMatch(t -> t.test.test(r))));
        }
        return new Term(groups.stream().map(Term::text).collect(Collectors.joining(" OR ")),
                r -> groups.stream().anyMatch(t -> t.test.test(r)));
    }

    @ParameterizedTest
    @EnumSource(RandomDataset.Layout.class)
    void randomQueriesOnRandomRecordsAgreeWithTheNaiveReading(RandomDataset.Layout layout) throws Exception {
        Path file = dir.resolve("random.json");
        RandomDataset.write(file, 2500, 42 + layout.ordinal(), layout);
        try (OpenDataset data = new OpenDataset(file)) {
            List<Naive> records = new ArrayList<>();
            for (int i = 0; i < data.index.size(); i++) {
                records.add(Naive.of(Json.MAPPER.readTree(data.index.readBytes(i))));
            }
            assertEquals(2500, records.size());
            Random random = new Random(layout.ordinal());
            int nonTrivial = 0;
            for (int q = 0; q < 250; q++) {
                Term query = randomQuery(random);
                List<Integer> expected = new ArrayList<>();
                for (int i = 0; i < records.size(); i++) {
                    if (query.test.test(records.get(i))) {
                        expected.add(i);
                    }
                }
                List<Integer> actual = data.search(query.text);
                assertEquals(expected, actual, () -> "query " + query.text + " (" + firstDifference(expected, actual, data) + ")");
                if (!expected.isEmpty() && expected.size() < records.size()) {
                    nonTrivial++;
                }
            }
            assertTrue(nonTrivial > 150, "most random queries match some records but not all: " + nonTrivial);
        }
    }

    private static String firstDifference(List<Integer> expected, List<Integer> actual, OpenDataset data) {
        for (int i = 0; i < data.index.size(); i++) {
            if (expected.contains(i) != actual.contains(i)) {
                try {
                    return "record " + i + " expected " + expected.contains(i) + ": " + data.index.record(i).sourceText();
                } catch (Exception e) {
                    return "record " + i;
                }
            }
        }
        return "?";
    }
}
