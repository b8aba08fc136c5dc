package org.llavainspector.ui.main;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.llavainspector.core.dataset.Dataset;
import org.llavainspector.core.dataset.DatasetException;
import org.llavainspector.core.dataset.DatasetScanner;
import org.llavainspector.core.dataset.SampleRecord;
import org.llavainspector.core.image.ImageLoader;
import org.llavainspector.core.image.ImageStatus;
import org.llavainspector.core.validate.Problem;
import org.llavainspector.core.validate.ProblemKind;
import org.llavainspector.core.validate.RecordValidator;
import org.llavainspector.ui.ImageService;
import org.llavainspector.ui.detail.SampleDetail;

/** Reads everything the detail pane shows about one sample; runs off the FX thread. */
final class SampleReader {
    private SampleReader() {
    }

    /** @param editedImages the sample's image paths as edited in the session, or null when not edited */
    static SampleDetail read(Dataset dataset, int sample, int record, ImageService images, List<String> editedImages)
            throws IOException, DatasetException {
        byte[] bytes = dataset.index().readBytes(record);
        SampleRecord r = SampleRecord.parse(record, bytes);
        Map<String, String> other = new LinkedHashMap<>();
        for (String field : r.fieldNames()) {
            if (!field.equals("id") && !field.equals("image") && !field.equals("conversations")) {
                JsonNode value = r.field(field);
                other.put(field, value.toString());
            }
        }
        List<String> shownImages = editedImages == null ? r.images() : editedImages;
        List<Problem> problems = problems(dataset, record, bytes);
        for (String path : shownImages) {
            ImageLoader.Check check = images.check(path);
            if (check.status() != ImageStatus.OK) {
                problems.add(new Problem(record, r.id(), -1, ProblemKind.byName(check.status().kind()).orElseThrow(),
                        path + ": " + check.message()));
            }
        }
        return new SampleDetail(sample, dataset.file(), record, r.id(), shownImages, r.turns(), dataset.metadataOf(record),
                other, problems, r.sourceText());
    }

    /** The record's own problems, plus a notice when its id is shared with other records of the file. */
    static List<Problem> problems(Dataset dataset, int record, byte[] bytes) throws DatasetException {
        List<Problem> problems = new ArrayList<>();
        DatasetScanner.scanRecord(dataset.file(), record, bytes, new RecordValidator(problems::add));
        String id = dataset.index().id(record);
        if (id != null && dataset.index().isComplete()) {
            int[] same = dataset.index().recordsWithId(id);
            if (same.length > 1) {
                problems.add(new Problem(record, id, -1, ProblemKind.DUPLICATE_ID,
                        "id " + id + " is shared by " + same.length + " records of this file"));
            }
        }
        return problems;
    }
}
