package org.llavainspector.core.compare;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.llavainspector.core.dataset.DatasetIndex;
import org.llavainspector.core.util.TaskMonitor;

/**
 * What two datasets have in common, matched by record key (id and first image): records that are the same, that
 * changed, that are in one file only, and unmatched records whose conversation is identical under another key.
 *
 * <p>Keys that repeat (LLaVA-Instruct repeats an id and image for each conversation type) are a multiset: identical
 * occurrences are paired first, the rest in file order. Each record costs two 64-bit hashes, not a parsed tree.
 */
public final class DatasetComparison {
    /** Up to this many occurrences of one key in B are searched one by one. */
    private static final int SMALL_GROUP = 16;

    private final List<RecordPair> same;
    private final List<RecordPair> changed;
    private final int[] onlyInA;
    private final int[] onlyInB;
    private final List<RecordPair> sameConversationDifferentKey;

    private DatasetComparison(List<RecordPair> same, List<RecordPair> changed, int[] onlyInA, int[] onlyInB,
            List<RecordPair> sameConversationDifferentKey) {
        this.same = same;
        this.changed = changed;
        this.onlyInA = onlyInA;
        this.onlyInB = onlyInB;
        this.sameConversationDifferentKey = sameConversationDifferentKey;
    }

    /** Compares two complete indexes; progress counts records of both files. */
    public static DatasetComparison compare(DatasetIndex a, DatasetIndex b, TaskMonitor monitor) throws IOException {
        long total = (long) a.size() + b.size();
        RecordHashes ha = RecordHashes.of(a, monitor, 0, total);
        RecordHashes hb = RecordHashes.of(b, monitor, a.size(), total);
        Map<String, IntList> keysA = byKey(a);
        Map<String, IntList> keysB = byKey(b);

        List<RecordPair> same = new ArrayList<>();
        List<RecordPair> changed = new ArrayList<>();
        IntList onlyA = new IntList();
        IntList onlyB = new IntList();
        for (Map.Entry<String, IntList> e : keysA.entrySet()) {
            IntList inB = keysB.remove(e.getKey());
            pair(e.getValue(), inB == null ? new IntList() : inB, ha, hb, same, changed, onlyA, onlyB);
        }
        for (IntList rest : keysB.values()) {
            for (int i = 0; i < rest.size(); i++) {
                onlyB.add(rest.get(i));
            }
        }
        monitor.progress(total, total);
        int[] onlyInA = sorted(onlyA);
        int[] onlyInB = sorted(onlyB);
        Comparator<RecordPair> byA = Comparator.comparingInt(RecordPair::a);
        same.sort(byA);
        changed.sort(byA);
        return new DatasetComparison(Collections.unmodifiableList(same), Collections.unmodifiableList(changed),
                onlyInA, onlyInB, sameConversation(onlyInA, onlyInB, ha, hb));
    }

    /** Pairs the occurrences of one key: identical ones first (in order), then the rest in order as changed. */
    private static void pair(IntList inA, IntList inB, RecordHashes ha, RecordHashes hb, List<RecordPair> same,
            List<RecordPair> changed, IntList onlyA, IntList onlyB) {
        boolean[] usedA = new boolean[inA.size()];
        boolean[] usedB = new boolean[inB.size()];
        if (inB.size() <= SMALL_GROUP) {
            for (int i = 0; i < inA.size(); i++) {
                int ra = inA.get(i);
                for (int j = 0; j < inB.size(); j++) {
                    if (!usedB[j] && identical(ha, ra, hb, inB.get(j))) {
                        usedA[i] = true;
                        usedB[j] = true;
                        same.add(new RecordPair(ra, inB.get(j)));
                        break;
                    }
                }
            }
        } else {
            // Many records under one key (say, text-only records without ids): look identical ones up by hash.
            HashQueues positions = new HashQueues();
            for (int j = 0; j < inB.size(); j++) {
                positions.add(combined(hb, inB.get(j)), j);
            }
            for (int i = 0; i < inA.size(); i++) {
                int j = positions.poll(combined(ha, inA.get(i)));
                if (j >= 0) {
                    usedA[i] = true;
                    usedB[j] = true;
                    same.add(new RecordPair(inA.get(i), inB.get(j)));
                }
            }
        }
        int j = 0;
        for (int i = 0; i < inA.size(); i++) {
            if (usedA[i]) {
                continue;
            }
            while (j < inB.size() && usedB[j]) {
                j++;
            }
            if (j < inB.size()) {
                usedB[j] = true;
                changed.add(new RecordPair(inA.get(i), inB.get(j)));
            } else {
                onlyA.add(inA.get(i));
            }
        }
        for (int k = 0; k < inB.size(); k++) {
            if (!usedB[k]) {
                onlyB.add(inB.get(k));
            }
        }
    }

    private static boolean identical(RecordHashes ha, int ra, RecordHashes hb, int rb) {
        return ha.conversation[ra] == hb.conversation[rb] && ha.record[ra] == hb.record[rb];
    }

    private static long combined(RecordHashes h, int r) {
        return h.conversation[r] * 0x9e3779b97f4a7c15L + h.record[r];
    }

    /** Unmatched records of A and B with the same conversation, paired in order (their keys differ by construction). */
    private static List<RecordPair> sameConversation(int[] onlyInA, int[] onlyInB, RecordHashes ha, RecordHashes hb) {
        HashQueues inB = new HashQueues();
        for (int rb : onlyInB) {
            inB.add(hb.conversation[rb], rb);
        }
        List<RecordPair> pairs = new ArrayList<>();
        for (int ra : onlyInA) {
            int rb = inB.poll(ha.conversation[ra]);
            if (rb >= 0) {
                pairs.add(new RecordPair(ra, rb));
            }
        }
        return Collections.unmodifiableList(pairs);
    }

    private static Map<String, IntList> byKey(DatasetIndex index) {
        Map<String, IntList> keys = new LinkedHashMap<>();
        for (int i = 0; i < index.size(); i++) {
            keys.computeIfAbsent(key(index, i), k -> new IntList()).add(i);
        }
        return keys;
    }

    /** Id and first image, with a marker for "missing" so that a missing id differs from an empty one. */
    static String key(DatasetIndex index, int i) {
        String id = index.id(i);
        String image = index.firstImage(i);
        return (id == null ? "\u0001" : "=" + id) + "\u0000" + (image == null ? "\u0001" : "=" + image);
    }

    private static int[] sorted(IntList list) {
        int[] values = list.toArray();
        Arrays.sort(values);
        return values;
    }

    /** Pairs with the same key and the same conversation and fields (whitespace and top-level order aside). */
    public List<RecordPair> same() {
        return same;
    }

    /** Pairs with the same key whose conversation or other fields differ. */
    public List<RecordPair> changed() {
        return changed;
    }

    /** Record numbers of the first file without a partner in the second, ascending. */
    public int[] onlyInA() {
        return onlyInA.clone();
    }

    /** Record numbers of the second file without a partner in the first, ascending. */
    public int[] onlyInB() {
        return onlyInB.clone();
    }

    /** Among the unmatched records, pairs with an identical conversation under a different key (also counted as only-in). */
    public List<RecordPair> sameConversationDifferentKey() {
        return sameConversationDifferentKey;
    }
}
