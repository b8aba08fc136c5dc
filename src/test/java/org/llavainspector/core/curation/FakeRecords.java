package org.llavainspector.core.curation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Source records held in memory: id "r{record}" and the images given per key. */
final class FakeRecords implements Session.SourceRecords {
    private final Map<SampleKey, List<String>> images = new HashMap<>();

    FakeRecords with(int file, int record, String... paths) {
        images.put(new SampleKey(file, record), List.of(paths));
        return this;
    }

    @Override
    public String id(SampleKey key) {
        return "r" + key.record();
    }

    @Override
    public List<String> images(SampleKey key) {
        return images.getOrDefault(key, List.of());
    }
}
