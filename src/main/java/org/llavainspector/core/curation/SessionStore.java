package org.llavainspector.core.curation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.llavainspector.core.util.AtomicFile;

/**
 * The session's sidecar file: where it lives, and how it is written (atomically) and read back.
 *
 * <p>By default the sidecar lies beside the (first) dataset file as {@code NAME.llava-session.json}; when that folder
 * is not writable (a read-only dataset mount) it goes to a per-user folder, named by a hash of the dataset paths.
 * The format is JSON, one sample per line, with a {@code version} so that later releases can read old files.
 */
public final class SessionStore {
    /** The end of every sidecar's file name. */
    public static final String SUFFIX = ".llava-session.json";
    static final String FORMAT = "llava-inspector-session";
    static final int VERSION = 1;

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private final Path fallbackDir;
    private final Predicate<Path> writable;

    /** A store whose fallback folder is {@code $XDG_DATA_HOME/llava-inspector/sessions} (or ~/.local/share/...). */
    public SessionStore() {
        this(defaultFallbackDir());
    }

    /** A store with its own fallback folder (tests, portable installs). */
    public SessionStore(Path fallbackDir) {
        this(fallbackDir, Files::isWritable);
    }

    /**
     * A store that keeps every session in its own folder, never beside the datasets (for datasets in a folder that
     * belongs to the app, such as the bundled demo, or for tests).
     */
    public static SessionStore inFolder(Path dir) {
        return new SessionStore(dir, folder -> false);
    }

    /** With a test of folder writability of its own (root may write anywhere, so tests pretend). */
    SessionStore(Path fallbackDir, Predicate<Path> writable) {
        this.fallbackDir = fallbackDir;
        this.writable = writable;
    }

    static Path defaultFallbackDir() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("llava-inspector").resolve("sessions");
    }

    /** The folder used when the dataset's own folder is not writable. */
    public Path fallbackDir() {
        return fallbackDir;
    }

    /**
     * Where the session of these dataset files is (or would be) kept: an existing sidecar beside the first file or in
     * the fallback folder, else beside the first file if its folder is writable, else in the fallback folder.
     */
    public Path locate(List<Path> datasetFiles) {
        if (datasetFiles.isEmpty()) {
            throw new IllegalArgumentException("a session needs at least one dataset file");
        }
        Path first = datasetFiles.get(0).toAbsolutePath().normalize();
        String key = hash(datasetFiles);
        String name = first.getFileName().toString();
        Path beside = first.resolveSibling(datasetFiles.size() == 1 ? name + SUFFIX
                : name + "." + key.substring(0, 8) + SUFFIX);
        Path fallback = fallbackDir.resolve(name + "-" + key.substring(0, 16) + SUFFIX);
        if (Files.exists(beside)) {
            return beside;
        }
        if (Files.exists(fallback)) {
            return fallback;
        }
        return writable.test(first.getParent()) ? beside : fallback;
    }

    private static String hash(List<Path> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path f : files) {
                sha.update(f.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Saves the session now (atomically; the folder is created when missing). */
    public static long save(Session session, Path sidecar) throws IOException {
        return save(session.snapshot(), sidecar);
    }

    /** Saves a snapshot (atomically; the folder is created when missing); returns the bytes written. */
    public static long save(Session.Snapshot snapshot, Path sidecar) throws IOException {
        Path dir = sidecar.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Iterable<Map.Entry<SampleKey, SampleState>> samples = Session.inOrder(snapshot.states());
        return AtomicFile.write(sidecar, out -> {
            try (JsonGenerator g = JSON.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
                g.writeStartObject();
                g.writeStringField("format", FORMAT);
                g.writeNumberField("version", VERSION);
                g.writeArrayFieldStart("sources");
                for (SourceIdentity s : snapshot.sources()) {
                    g.writeRaw("\n  ");
                    g.writeStartObject();
                    g.writeStringField("path", s.path().toString());
                    g.writeNumberField("size", s.size());
                    g.writeNumberField("modified", s.modifiedMillis());
                    g.writeStringField("hash", s.headTailHash());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeRaw('\n');
                writeStrings(g, "imageSources", snapshot.imageSources());
                writeStrings(g, "imageRules", snapshot.imageRules());
                g.writeStringField("filter", snapshot.filter());
                g.writeRaw('\n');
                g.writeArrayFieldStart("samples");
                for (Map.Entry<SampleKey, SampleState> sample : samples) {
                    g.writeRaw("\n  ");
                    writeSample(g, sample.getKey(), sample.getValue());
                }
                g.writeRaw('\n');
                g.writeEndArray();
                g.writeEndObject();
                g.writeRaw('\n');
            }
        });
    }

    private static void writeStrings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void writeSample(JsonGenerator g, SampleKey k, SampleState s) throws IOException {
        g.writeStartObject();
        g.writeNumberField("file", k.file());
        g.writeNumberField("record", k.record());
        if (s.id() != null) {
            g.writeStringField("id", s.id());
        }
        if (s.image() != null) {
            writeStrings(g, "image", s.image());
        }
        if (s.mark() != null) {
            g.writeStringField("mark", s.mark().label());
        }
        if (!s.tags().isEmpty()) {
            writeStrings(g, "tags", s.tags());
        }
        if (s.note() != null) {
            g.writeStringField("note", s.note());
        }
        g.writeEndObject();
    }

    /** Loads the sidecar if it exists. */
    public static Optional<Session> loadIfPresent(Path sidecar) throws IOException {
        return Files.isRegularFile(sidecar) ? Optional.of(load(sidecar)) : Optional.empty();
    }

    /**
     * Reads a sidecar back into a session (not yet checked against its sources: see {@link SourceCheck}).
     *
     * @throws IOException with a one-line message naming the file when it is missing, not a sidecar, or damaged
     */
    public static Session load(Path sidecar) throws IOException {
        try (InputStream in = Files.newInputStream(sidecar); JsonParser p = JSON.createParser(in)) {
            return Session.restore(new Reader(p, sidecar).read());
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(sidecar.toString(), null, "no such session file");
        } catch (JsonProcessingException e) {
            throw new IOException(sidecar + ": not a readable session file (" + e.getOriginalMessage() + ")", e);
        }
    }

    /** A streaming reader of the format written above; unknown fields are skipped, for files of later versions. */
    private static final class Reader {
        private final JsonParser p;
        private final Path file;
        private final List<SourceIdentity> sources = new ArrayList<>();
        private final Map<SampleKey, SampleState> states = new HashMap<>();
        private List<String> imageSources = List.of();
        private List<String> imageRules = List.of();
        private String filter = "";
        private String format;

        Reader(JsonParser p, Path file) {
            this.p = p;
            this.file = file;
        }

        Session.Snapshot read() throws IOException {
            expect(p.nextToken(), JsonToken.START_OBJECT, "an object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "format":
                        format = p.getValueAsString();
                        break;
                    case "version":
                        if (p.getValueAsInt() > VERSION) {
                            throw bad("written by a newer version of LLaVA Inspector (format version "
                                    + p.getText() + ")");
                        }
                        break;
                    case "sources":
                        expect(value, JsonToken.START_ARRAY, "a list of sources");
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            sources.add(readSource());
                        }
                        break;
                    case "imageSources":
                        imageSources = readStrings(value);
                        break;
                    case "imageRules":
                        imageRules = readStrings(value);
                        break;
                    case "filter":
                        filter = p.getValueAsString("");
                        break;
                    case "samples":
                        expect(value, JsonToken.START_ARRAY, "a list of samples");
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            readSample();
                        }
                        break;
                    default:
                        p.skipChildren();
                }
            }
            if (!FORMAT.equals(format)) {
                throw bad("not a session file (no \"format\": \"" + FORMAT + "\")");
            }
            return new Session.Snapshot(0, sources, imageSources, imageRules, filter, states);
        }

        private SourceIdentity readSource() throws IOException {
            String path = null;
            long size = -1;
            long modified = -1;
            String hash = "";
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "path":
                        path = p.getValueAsString();
                        break;
                    case "size":
                        size = p.getValueAsLong(-1);
                        break;
                    case "modified":
                        modified = p.getValueAsLong(-1);
                        break;
                    case "hash":
                        hash = p.getValueAsString("");
                        break;
                    default:
                        p.skipChildren();
                }
            }
            if (path == null) {
                throw bad("a source without a path");
            }
            return new SourceIdentity(Path.of(path), size, modified, hash);
        }

        private void readSample() throws IOException {
            int f = -1;
            int r = -1;
            SampleState s = SampleState.EMPTY;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "file":
                        f = p.getValueAsInt(-1);
                        break;
                    case "record":
                        r = p.getValueAsInt(-1);
                        break;
                    case "id":
                        s = s.withId(p.getValueAsString());
                        break;
                    case "image":
                        s = s.withImage(readStrings(value));
                        break;
                    case "mark":
                        String label = p.getValueAsString("");
                        s = s.withMark(Mark.byLabel(label).orElseThrow(() -> bad("unknown mark '" + label + "'")));
                        break;
                    case "tags":
                        s = s.withTags(readStrings(value));
                        break;
                    case "note":
                        s = s.withNote(p.getValueAsString());
                        break;
                    default:
                        p.skipChildren();
                }
            }
            if (f < 0 || r < 0 || f >= sources.size()) {
                throw bad("a sample without a valid file and record (line " + p.currentLocation().getLineNr() + ")");
            }
            states.put(new SampleKey(f, r), s);
        }

        private List<String> readStrings(JsonToken value) throws IOException {
            expect(value, JsonToken.START_ARRAY, "a list of strings");
            List<String> out = new ArrayList<>();
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                expect(t, JsonToken.VALUE_STRING, "a string");
                out.add(p.getText());
            }
            return out;
        }

        private void expect(JsonToken actual, JsonToken wanted, String what) throws IOException {
            if (actual != wanted) {
                throw bad("expected " + what + " at line " + p.currentLocation().getLineNr());
            }
        }

        private IOException bad(String why) {
            return new IOException(file + ": " + why);
        }
    }
}
