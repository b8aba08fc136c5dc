package org.llavainspector.core.query;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Writes random LLaVA-like records meant to trip a byte-level matcher: every string escaped at random (\\n or
 * \\u000a, raw UTF-8 or \\uXXXX, surrogate pairs, \\/), search words in keys and in fields that must not be searched
 * (including a nested object with its own "from" and "value"), non-string values, missing fields, odd turns.
 */
final class RandomDataset {
    enum Layout {
        PRETTY,
        COMPACT,
        JSONL
    }

    static final String[] WORDS = {"dog", "Dog", "DOG", "dogs", "frisbee", "Frisbee", "frisbees", "red", "the", "The",
        "a", "cat", "window.", "café", "CAFÉ", "naïve", "Straße", "İstanbul", "ſtar", "\u212Aelvin", "kelvin", "σοφία",
        "ΣΟΦΊΑ", "😀", "smile😀", "𝔘nicode", "<image>", "quote\"d", "back\\slash", "sl/ash", "12:30", "state-of-the-art",
        "x", "value", "from", "human", "gpt", "conversations", "id", "image", "tab\there", "new\nline", "ı", "ab", "abab", "\ud801\udc00x", "\ud801\udc28X"};
    static final String[] SEPARATORS = {" ", " ", " ", "  ", "\n", "\n\n", "\t", ", ", ". ", " \n "};
    static final String[] ROLES = {"human", "gpt", "system", "Human", "user"};

    private final Random random;
    private final StringBuilder out = new StringBuilder();
    private final boolean pretty;

    private RandomDataset(long seed, boolean pretty) {
        this.random = new Random(seed);
        this.pretty = pretty;
    }

    static void write(Path file, int records, long seed, Layout layout) throws IOException {
        RandomDataset g = new RandomDataset(seed, layout == Layout.PRETTY);
        if (layout != Layout.JSONL) {
            g.out.append('[');
        }
        for (int i = 0; i < records; i++) {
            if (layout == Layout.JSONL) {
                g.value(g.record(i), 0);
                g.out.append('\n');
            } else {
                g.out.append(i == 0 ? "" : ",");
                g.newline(1);
                g.value(g.record(i), 1);
            }
        }
        if (layout != Layout.JSONL) {
            g.newline(0);
            g.out.append("]\n");
        }
        Files.writeString(file, g.out, StandardCharsets.UTF_8);
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private String pick(String[] from) {
        return from[random.nextInt(from.length)];
    }

    String text() {
        StringBuilder sb = new StringBuilder();
        if (chance(0.1)) {
            sb.append(pick(SEPARATORS));
        }
        int n = random.nextInt(11);
        for (int k = 0; k < n; k++) {
            sb.append(k == 0 ? "" : pick(SEPARATORS)).append(pick(WORDS));
        }
        if (chance(0.1)) {
            sb.append(pick(SEPARATORS));
        }
        return sb.toString();
    }

    private Map<String, Object> record(int i) {
        Map<String, Object> r = new LinkedHashMap<>();
        double id = random.nextDouble();
        if (id < 0.4) {
            r.put("id", String.format("%012d", i * 7));
        } else if (id < 0.6) {
            r.put("id", "GCC_train_" + i);
        } else if (id < 0.75) {
            r.put("id", pick(WORDS) + i);
        } else if (id < 0.9) {
            r.put("id", (long) i * 1000 + 7);
        }
        if (chance(0.3)) {
            r.put("model", text());
        }
        double image = random.nextDouble();
        if (image < 0.45) {
            r.put("image", imagePath(i));
        } else if (image < 0.65) {
            List<Object> paths = new ArrayList<>();
            for (int k = 0, n = 1 + random.nextInt(3); k < n; k++) {
                paths.add(imagePath(i + k));
            }
            r.put("image", paths);
        } else if (image < 0.7) {
            r.put("image", List.of());
        }
        if (chance(0.1)) {
            r.put(pick(WORDS), text());
        }
        if (chance(0.05)) {
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("from", "system");
            meta.put("value", text());
            meta.put("conversations", List.of(Map.of("from", "system", "value", text())));
            r.put("meta", meta);
        }
        double conversations = random.nextDouble();
        if (conversations < 0.9) {
            List<Object> turns = new ArrayList<>();
            for (int k = 0, n = random.nextInt(8); k < n; k++) {
                turns.add(turn());
            }
            r.put("conversations", turns);
        } else if (conversations < 0.95) {
            r.put("conversations", text());
        }
        return r;
    }

    private String imagePath(int i) {
        return (chance(0.5) ? "coco/train2017/" : pick(WORDS) + "/") + String.format("%012d", i) + (chance(0.8) ? ".jpg" : ".PNG");
    }

    private Object turn() {
        if (chance(0.05)) {
            return chance(0.5) ? text() : 42;
        }
        Map<String, Object> t = new LinkedHashMap<>();
        boolean valueFirst = chance(0.2);
        if (valueFirst) {
            putValue(t);
        }
        double from = random.nextDouble();
        if (from < 0.9) {
            t.put("from", pick(ROLES));
        } else if (from < 0.95) {
            t.put("from", 7);
        }
        if (chance(0.1)) {
            t.put(chance(0.5) ? "weight" : "value2", text());
        }
        if (!valueFirst) {
            putValue(t);
        }
        return t;
    }

    private void putValue(Map<String, Object> t) {
        double value = random.nextDouble();
        if (value < 0.9) {
            t.put("value", text());
        } else if (value < 0.95) {
            t.put("value", 3.5);
        } else if (value < 0.98) {
            t.put("value", null);
        }
    }

    private void newline(int depth) {
        if (pretty) {
            out.append('\n').append("  ".repeat(depth));
        }
    }

    private void value(Object v, int depth) {
        if (v instanceof String) {
            string((String) v, false);
        } else if (v instanceof Map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                out.append(first ? "" : ",");
                first = false;
                newline(depth + 1);
                string((String) e.getKey(), true);
                out.append(pretty ? ": " : ":");
                value(e.getValue(), depth + 1);
            }
            if (!first) {
                newline(depth);
            }
            out.append('}');
        } else if (v instanceof List) {
            out.append('[');
            boolean first = true;
            for (Object item : (List<?>) v) {
                out.append(first ? "" : ",");
                first = false;
                newline(depth + 1);
                value(item, depth + 1);
            }
            if (!first) {
                newline(depth);
            }
            out.append(']');
        } else {
            out.append(v);
        }
    }

    /** A JSON string with every character escaped or not at random (keys rarely). */
    private void string(String s, boolean key) {
        double escapeRate = key ? 0.02 : 0.05;
        out.append('"');
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '"' || cp == '\\') {
                out.append('\\').append((char) cp);
            } else if (cp < 0x20) {
                String shortForm = cp == '\n' ? "\\n" : cp == '\t' ? "\\t" : cp == '\r' ? "\\r" : null;
                out.append(shortForm != null && chance(0.8) ? shortForm : unicode(cp));
            } else if (cp == '/') {
                out.append(chance(0.5) ? "\\/" : "/");
            } else if (cp < 128) {
                out.append(chance(escapeRate) ? unicode(cp) : String.valueOf((char) cp));
            } else if (chance(0.5)) {
                out.appendCodePoint(cp);
            } else {
                for (char c : Character.toChars(cp)) {
                    out.append(unicode(c));
                }
            }
        }
        out.append('"');
    }

    private String unicode(int c) {
        String hex = String.format("\\u%04x", c);
        return chance(0.5) ? hex : hex.toUpperCase().replace("\\U", "\\u");
    }
}
