package org.llavainspector.core.prompts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsers for the caps and conv files of the LLaVA GPT-4 prompts. Errors name the file and line. */
public final class PromptFiles {
    private static final String NUM = "([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)";
    private static final String SEP = "\\s*,\\s*";
    static final Pattern BOX = Pattern.compile(
            "^\\s*(.+?)\\s*:\\s*\\[\\s*" + NUM + SEP + NUM + SEP + NUM + SEP + NUM + "\\s*,?\\s*]\\s*$");
    private static final Pattern QUESTION = Pattern.compile("^\\s*Question\\s*:\\s*(.*)$");
    private static final Pattern ANSWER = Pattern.compile("^\\s*Answer\\s*:\\s*(.*)$");
    private static final Pattern SEPARATOR = Pattern.compile("^\\s*===+\\s*$");

    private PromptFiles() {
    }

    /** A parsed caps file. */
    public record Caps(List<String> captions, List<PromptBox> boxes, List<String> otherLines) {
    }

    /** Parses one box line, or returns null when it does not look like {@code label: [a, b, c, d]}. */
    public static PromptBox parseBox(String line) {
        Matcher m = BOX.matcher(line);
        if (!m.matches()) {
            return null;
        }
        try {
            double x1 = Double.parseDouble(m.group(2));
            double y1 = Double.parseDouble(m.group(3));
            double x2 = Double.parseDouble(m.group(4));
            double y2 = Double.parseDouble(m.group(5));
            if (!Double.isFinite(x1) || !Double.isFinite(y1) || !Double.isFinite(x2) || !Double.isFinite(y2)) {
                return null;
            }
            return new PromptBox(m.group(1), x1, y1, x2, y2);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Caption lines come first; box lines anywhere are boxes; any other non-empty line after the first box
     * (or after the blank line that ends the captions) is kept as text. Never fails on content.
     */
    public static Caps parseCaps(String text) {
        List<String> captions = new ArrayList<>();
        List<PromptBox> boxes = new ArrayList<>();
        List<String> other = new ArrayList<>();
        boolean inCaptions = true;
        for (String raw : lines(text)) {
            String line = raw.strip();
            if (line.isEmpty()) {
                if (!captions.isEmpty()) {
                    inCaptions = false;
                }
                continue;
            }
            PromptBox box = parseBox(line);
            if (box != null) {
                boxes.add(box);
                inCaptions = false;
            } else if (inCaptions) {
                captions.add(line);
            } else {
                other.add(line);
            }
        }
        return new Caps(captions, boxes, other);
    }

    /**
     * Parses a conv file: {@code Question:} / {@code Answer:} blocks separated by {@code ===} lines, or, when the
     * file has no markers, a single text turn.
     *
     * @throws IllegalArgumentException naming file and line when a block has no Question:/Answer: header
     */
    public static List<PromptTurn> parseConversation(String text, Path file) {
        List<String> lines = lines(text);
        boolean marked = lines.stream().anyMatch(l -> QUESTION.matcher(l).matches() || ANSWER.matcher(l).matches());
        boolean separated = lines.stream().anyMatch(l -> SEPARATOR.matcher(l).matches());
        List<PromptTurn> turns = new ArrayList<>();
        if (!marked) {
            if (separated) {
                int at = firstMatching(lines, SEPARATOR);
                throw new IllegalArgumentException(name(file) + " line " + at
                        + ": '===' separator but no Question:/Answer: blocks");
            }
            String body = text.strip();
            if (!body.isEmpty()) {
                turns.add(new PromptTurn(PromptTurn.Role.TEXT, body));
            }
            return turns;
        }
        PromptTurn.Role role = null;
        StringBuilder body = new StringBuilder();
        boolean expectHeader = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (SEPARATOR.matcher(line).matches()) {
                if (role != null) {
                    add(turns, role, body, file, i + 1);
                }
                role = null;
                expectHeader = true;
                continue;
            }
            if (expectHeader) {
                if (line.isBlank()) {
                    continue;
                }
                Matcher q = QUESTION.matcher(line);
                Matcher a = ANSWER.matcher(line);
                if (q.matches()) {
                    role = PromptTurn.Role.QUESTION;
                    body.setLength(0);
                    body.append(q.group(1));
                } else if (a.matches()) {
                    role = PromptTurn.Role.ANSWER;
                    body.setLength(0);
                    body.append(a.group(1));
                } else {
                    throw new IllegalArgumentException(name(file) + " line " + (i + 1)
                            + ": expected 'Question:' or 'Answer:' but found '" + abbreviate(line.strip()) + "'");
                }
                expectHeader = false;
                continue;
            }
            if (body.length() > 0) {
                body.append('\n');
            }
            body.append(line);
        }
        if (role != null) {
            add(turns, role, body, file, lines.size());
        }
        return turns;
    }

    private static void add(List<PromptTurn> turns, PromptTurn.Role role, StringBuilder body, Path file, int line) {
        String text = body.toString().strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException(name(file) + " line " + line + ": empty "
                    + (role == PromptTurn.Role.QUESTION ? "Question" : "Answer") + " block");
        }
        turns.add(new PromptTurn(role, text));
        body.setLength(0);
    }

    private static int firstMatching(List<String> lines, Pattern p) {
        for (int i = 0; i < lines.size(); i++) {
            if (p.matcher(lines.get(i)).matches()) {
                return i + 1;
            }
        }
        return 1;
    }

    static List<String> lines(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return List.of(t.split("\\r\\n|\\r|\\n", -1));
    }

    static String name(Path file) {
        if (file == null) {
            return "<text>";
        }
        Path parent = file.getParent();
        return parent == null || parent.getFileName() == null ? file.toString()
                : parent.getFileName() + "/" + file.getFileName();
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

}
