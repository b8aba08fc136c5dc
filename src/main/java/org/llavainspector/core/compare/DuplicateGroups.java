package org.llavainspector.core.compare;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.llavainspector.core.dataset.DatasetIndex;
import org.llavainspector.core.util.TaskMonitor;

/** Finds records of one dataset that share an id, a first image, or an identical conversation. */
public final class DuplicateGroups {
    private DuplicateGroups() {
    }

    /** What the records of a group have in common. */
    public enum Kind {
        ID("same id"), IMAGE("same first image"), CONVERSATION("identical conversation"),
        /** First images that look alike (see {@link NearDuplicates}); {@link #find} does not make these. */
        NEAR_IMAGE("near-duplicate image");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** A short human-readable name. */
        public String label() {
            return label;
        }

        /** The name used in JSON output: {@code id}, {@code image}, {@code conversation}, {@code near-image}. */
        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        /** The kinds {@link #find} computes from the index alone. */
        public static List<Kind> exact() {
            return List.of(ID, IMAGE, CONVERSATION);
        }
    }

    /**
     * Records (at least two, ascending) sharing one value.
     *
     * @param key the shared id or image; for a conversation, the id of the group's first record
     */
    public record Group(Kind kind, String key, int[] records) {
        public int size() {
            return records.length;
        }
    }

    /**
     * Every group of every kind, largest first (then by first record number). Records without an id, without an
     * image or without turns form no group of that kind.
     */
    public static List<Group> find(DatasetIndex index, TaskMonitor monitor) throws IOException {
        int size = index.size();
        Map<String, IntList> ids = new LinkedHashMap<>();
        Map<String, IntList> images = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            if (index.id(i) != null) {
                ids.computeIfAbsent(index.id(i), k -> new IntList()).add(i);
            }
            if (index.firstImage(i) != null) {
                images.computeIfAbsent(index.firstImage(i), k -> new IntList()).add(i);
            }
        }
        long[] conversation = RecordHashes.conversations(index, monitor);
        Map<Long, IntList> conversations = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            if (index.turnCount(i) > 0) {
                conversations.computeIfAbsent(conversation[i], k -> new IntList()).add(i);
            }
        }
        monitor.progress(size, size);

        List<Group> groups = new ArrayList<>();
        ids.forEach((id, records) -> add(groups, Kind.ID, id, records));
        images.forEach((image, records) -> add(groups, Kind.IMAGE, image, records));
        conversations.values().forEach(records -> add(groups, Kind.CONVERSATION, index.id(records.get(0)), records));
        groups.sort(Comparator.comparingInt(Group::size).reversed()
                .thenComparingInt(g -> g.records()[0])
                .thenComparing(Group::kind));
        return Collections.unmodifiableList(groups);
    }

    private static void add(List<Group> groups, Kind kind, String key, IntList records) {
        if (records.size() >= 2) {
            groups.add(new Group(kind, key, records.toArray()));
        }
    }

    /** The groups of one kind, in the order given. */
    public static List<Group> ofKind(List<Group> groups, Kind kind) {
        return groups.stream().filter(g -> g.kind() == kind).toList();
    }
}
