package org.llavainspector.core.prompts;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The LLaVA GPT-4 prompt folders: {@code <root>/<task>/system_message.txt} and pairs {@code NNN_caps.txt} /
 * {@code NNN_conv.txt}. Load failures are IOExceptions / IllegalArgumentExceptions with a one-line message that
 * names the file and, where it applies, the line.
 */
public record PromptSet(Path root, List<PromptTask> tasks) {
    private static final Pattern EXAMPLE_FILE = Pattern.compile("^(\\d+)_(caps|conv)\\.txt$");
    public static final String SYSTEM_MESSAGE = "system_message.txt";

    public PromptSet {
        tasks = List.copyOf(tasks);
    }

    public PromptTask task(String name) {
        return tasks.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no prompt task '" + name + "'"));
    }

    /**
     * Loads every sub-folder that holds a {@code system_message.txt} or example files, in name order.
     *
     * @throws IOException              unreadable folder/file, missing system message or missing pair file
     * @throws IllegalArgumentException malformed conv file (message names file and line)
     */
    public static PromptSet load(Path promptsFolder) throws IOException {
        if (!Files.isDirectory(promptsFolder)) {
            throw new NoSuchFileException(promptsFolder.toString(), null, "prompts folder not found");
        }
        List<Path> dirs;
        try (Stream<Path> s = Files.list(promptsFolder)) {
            dirs = s.filter(Files::isDirectory).sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        }
        List<PromptTask> tasks = new ArrayList<>();
        for (Path dir : dirs) {
            PromptTask task = loadTask(dir);
            if (task != null) {
                tasks.add(task);
            }
        }
        if (tasks.isEmpty()) {
            throw new IOException(promptsFolder + ": no prompt folders (expected <task>/system_message.txt)");
        }
        return new PromptSet(promptsFolder, tasks);
    }

    /** Loads one task folder, or null when it holds no prompt files at all. */
    public static PromptTask loadTask(Path dir) throws IOException {
        TreeMap<String, Path[]> pairs = new TreeMap<>(
                Comparator.comparing((String k) -> k.replaceFirst("^0+(?=.)", "").length())
                        .thenComparing(k -> k.replaceFirst("^0+(?=.)", ""))
                        .thenComparing(Comparator.naturalOrder()));
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : (Iterable<Path>) s::iterator) {
                Matcher m = EXAMPLE_FILE.matcher(f.getFileName().toString());
                if (m.matches() && Files.isRegularFile(f)) {
                    pairs.computeIfAbsent(m.group(1), k -> new Path[2])[m.group(2).equals("caps") ? 0 : 1] = f;
                }
            }
        }
        Path system = dir.resolve(SYSTEM_MESSAGE);
        if (!Files.isRegularFile(system)) {
            if (pairs.isEmpty()) {
                return null;
            }
            throw new IOException(dir.getFileName() + "/" + SYSTEM_MESSAGE + ": missing");
        }
        String systemMessage = read(system).strip();
        if (systemMessage.isEmpty()) {
            throw new IOException(PromptFiles.name(system) + ": empty system message");
        }
        List<PromptExample> examples = new ArrayList<>();
        for (var e : pairs.entrySet()) {
            String n = e.getKey();
            Path caps = e.getValue()[0];
            Path conv = e.getValue()[1];
            if (caps == null) {
                throw new IOException(dir.getFileName() + "/" + n + "_caps.txt: missing (its " + n
                        + "_conv.txt exists)");
            }
            if (conv == null) {
                throw new IOException(dir.getFileName() + "/" + n + "_conv.txt: missing (its " + n
                        + "_caps.txt exists)");
            }
            String capsText = read(caps);
            String convText = read(conv);
            PromptFiles.Caps parsed = PromptFiles.parseCaps(capsText);
            List<PromptTurn> turns = PromptFiles.parseConversation(convText, conv);
            if (turns.isEmpty()) {
                throw new IllegalArgumentException(PromptFiles.name(conv) + " line 1: empty conversation");
            }
            examples.add(new PromptExample(n, capsText, parsed.captions(), parsed.boxes(), parsed.otherLines(),
                    convText, turns));
        }
        return new PromptTask(dir.getFileName().toString(), systemMessage, examples);
    }

    private static String read(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new IOException(PromptFiles.name(file) + ": not valid UTF-8 text");
        } catch (IOException e) {
            throw new IOException(PromptFiles.name(file) + ": cannot read ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()) + ")");
        }
    }

    /** A one-line message for showing a load failure to the user. */
    public static String describe(Exception e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            m = e.getClass().getSimpleName();
        }
        if (e instanceof NoSuchFileException nsf && nsf.getReason() != null) {
            m = nsf.getFile() + ": " + nsf.getReason();
        }
        int nl = m.indexOf('\n');
        return nl >= 0 ? m.substring(0, nl) : m;
    }
}
