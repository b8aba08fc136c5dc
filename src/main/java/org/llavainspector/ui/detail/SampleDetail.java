package org.llavainspector.ui.detail;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.llavainspector.core.dataset.Turn;
import org.llavainspector.core.validate.Problem;

/**
 * Everything the detail pane shows about one sample, read off the FX thread and handed over whole.
 *
 * @param sample global number of the sample in the open collection
 * @param sourceFile the dataset file it came from
 * @param record its record number in that file
 * @param id its id, or null
 * @param images its image paths as written in the dataset (empty for a text-only sample)
 * @param turns its conversation, in order
 * @param metadata joined per-sample metadata (CC-3M caption, blip_caption, url), in file order
 * @param otherFields fields other than id, image and conversations (e.g. {@code "model": ""}), as JSON text
 * @param problems validation problems of this sample
 * @param rawJson the record's exact source text
 */
public record SampleDetail(int sample, Path sourceFile, int record, String id, List<String> images, List<Turn> turns,
        Map<String, String> metadata, Map<String, String> otherFields, List<Problem> problems, String rawJson) {
    // written out: a record's generated equals and hashCode are linked on first call (tens of ms in a cold JVM, on
    // the FX thread, where a property holding a detail compares the old and new value)
    @Override
    public boolean equals(Object o) {
        return o instanceof SampleDetail d && d.sample == sample && d.record == record && Objects.equals(d.id, id)
                && Objects.equals(d.sourceFile, sourceFile) && Objects.equals(d.images, images)
                && Objects.equals(d.turns, turns) && Objects.equals(d.metadata, metadata)
                && Objects.equals(d.otherFields, otherFields) && Objects.equals(d.problems, problems)
                && Objects.equals(d.rawJson, rawJson);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sample, sourceFile, record, id, images, turns, metadata, otherFields, problems, rawJson);
    }
}
