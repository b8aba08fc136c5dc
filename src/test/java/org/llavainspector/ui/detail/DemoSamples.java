package org.llavainspector.ui.detail;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.llavainspector.core.dataset.Dataset;
import org.llavainspector.core.dataset.DatasetIndex;
import org.llavainspector.core.dataset.Json;
import org.llavainspector.core.dataset.SampleRecord;
import org.llavainspector.core.image.ImageDecoder;
import org.llavainspector.core.image.ImageLimits;
import org.llavainspector.core.image.ImageLoader;
import org.llavainspector.core.image.ImageSources;
import org.llavainspector.core.util.TaskMonitor;
import org.llavainspector.core.validate.Problem;
import org.llavainspector.core.validate.ProblemKind;
import org.llavainspector.core.validate.RecordValidator;

/**
 * The bundled demo dataset read the way the main window will: each record as a {@link SampleDetail} with its joined
 * metadata, structural problems and image problems, and the real images of {@code samples/images.zip}.
 */
final class DemoSamples implements AutoCloseable {
    static final Path DEMO = Path.of("samples", "demo.json");
    static final Path IMAGES = Path.of("samples", "images.zip");
    private static final Set<String> KNOWN_FIELDS = Set.of("id", "image", "conversations");

    private final Dataset dataset;
    private final List<Problem> structural = new ArrayList<>();
    private final ImageLoader loader;
    private final byte[] file;

    DemoSamples() throws Exception {
        dataset = Dataset.open(DEMO, TaskMonitor.NONE);
        try (DatasetIndex validated = DatasetIndex.build(DEMO, TaskMonitor.NONE, new RecordValidator(structural::add))) {
            if (validated.size() != dataset.index().size()) {
                throw new IllegalStateException("two passes over the demo disagree");
            }
        }
        loader = new ImageLoader(ImageSources.open(List.of(IMAGES), List.of()), new ImageDecoder(ImageLimits.DEFAULTS));
        file = Files.readAllBytes(DEMO);
    }

    int size() {
        return dataset.index().size();
    }

    ImageLoader loader() {
        return loader;
    }

    /** Record {@code i} as the main window hands it over (reads the disk: call it off the FX thread). */
    SampleDetail detail(int i) {
        try {
            SampleRecord record = dataset.record(i);
            List<Problem> problems = new ArrayList<>();
            for (Problem p : structural) {
                if (p.record() == i) {
                    problems.add(p);
                }
            }
            for (String path : record.images()) {
                ImageLoader.Check check = loader.checkExists(path);
                if (check.status().isProblem()) {
                    problems.add(new Problem(i, record.id(), -1, ProblemKind.byName(check.status().kind()).orElseThrow(),
                            path + ": " + check.message()));
                }
            }
            Map<String, String> other = new LinkedHashMap<>();
            for (String name : record.fieldNames()) {
                if (!KNOWN_FIELDS.contains(name)) {
                    other.put(name, json(record, name));
                }
            }
            return new SampleDetail(i, DEMO, i, record.id(), record.images(), record.turns(), dataset.metadataOf(i),
                    other, problems, record.sourceText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String json(SampleRecord record, String field) {
        try {
            return Json.MAPPER.writeValueAsString(record.field(field));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of record {@code i} cut straight out of the file, independently of SampleRecord. */
    String sourceText(int i) {
        int offset = Math.toIntExact(dataset.index().offset(i));
        return new String(file, offset, dataset.index().length(i), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        dataset.close();
        loader.sources().close();
    }
}
