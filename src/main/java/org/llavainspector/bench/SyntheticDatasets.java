package org.llavainspector.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;
import org.llavainspector.core.util.AtomicFile;

/**
 * Writes seedable synthetic LLaVA datasets record by record (never holding the dataset in memory): the same
 * {@link DatasetSpec} always gives the same bytes.
 */
public final class SyntheticDatasets {
    private static final int BUFFER_BYTES = 1 << 16;
    /* Like Python's json.dump(ensure_ascii=False): an emoji is written as its four UTF-8 bytes, not as two escaped
       surrogates, and an escaped control character uses lowercase hex digits. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .build();

    /** A file the generator wrote. */
    public record GeneratedFile(Path path, long records, long bytes) {
    }

    private SyntheticDatasets() {
    }

    /** Writes the dataset to {@code out}, which is flushed but not closed. */
    public static void write(DatasetSpec spec, OutputStream out) throws IOException {
        BufferedOutputStream buffered = new BufferedOutputStream(out, BUFFER_BYTES);
        RecordSource source = spec.kind().newSource(new SceneText(new Random(spec.seed())));
        try (JsonGenerator g = JSON.createGenerator(buffered, JsonEncoding.UTF8)) {
            if (spec.format() == OutputFormat.JSON) {
                g.setPrettyPrinter(PythonJsonLayout.prettyPrinter());
                g.writeStartArray();
                for (long i = 0; i < spec.records(); i++) {
                    writeRecord(g, source.next());
                }
                g.writeEndArray();
            } else {
                g.setRootValueSeparator(null);
                for (long i = 0; i < spec.records(); i++) {
                    writeRecord(g, source.next());
                    g.writeRaw('\n');
                }
            }
        }
        buffered.flush();
    }

    /**
     * Writes the dataset to a temporary file in the target's folder, then moves it into place atomically, so that
     * {@code target} never exists half-written.
     *
     * @throws FileAlreadyExistsException if {@code target} exists and {@code overwrite} is false
     * @throws NoSuchFileException if the target's folder does not exist
     */
    public static GeneratedFile writeFile(DatasetSpec spec, Path target, boolean overwrite) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(folder.toString(), null, "folder does not exist");
        }
        refuseExisting(absolute, overwrite);
        Path temp = AtomicFile.writeTemp(absolute, out -> write(spec, out));
        try {
            refuseExisting(absolute, overwrite);
            AtomicFile.commit(temp, absolute);
        } finally {
            AtomicFile.deleteQuietly(temp);
        }
        return new GeneratedFile(absolute, spec.records(), Files.size(absolute));
    }

    private static void refuseExisting(Path target, boolean overwrite) throws FileAlreadyExistsException {
        if (!overwrite && Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "file exists");
        }
    }

    private static void writeRecord(JsonGenerator g, SyntheticRecord r) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", r.id());
        if (r.image() != null) {
            g.writeStringField("image", r.image());
        }
        if (r.model() != null) {
            g.writeStringField("model", r.model());
        }
        g.writeArrayFieldStart("conversations");
        for (SyntheticRecord.Turn turn : r.turns()) {
            g.writeStartObject();
            g.writeStringField("from", turn.from());
            g.writeStringField("value", turn.value());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
