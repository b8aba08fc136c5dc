package org.llavainspector.core.compare;

import java.util.HashMap;
import java.util.Map;

/** Record numbers queued by a 64-bit hash, handed out in the order they were added (multiset matching). */
final class HashQueues {
    private final Map<Long, IntList> queues = new HashMap<>();
    private final Map<Long, Integer> taken = new HashMap<>();

    void add(long hash, int value) {
        queues.computeIfAbsent(hash, k -> new IntList()).add(value);
    }

    /** The next value not handed out yet under {@code hash}, or -1. */
    int poll(long hash) {
        IntList queue = queues.get(hash);
        if (queue == null) {
            return -1;
        }
        int next = taken.getOrDefault(hash, 0);
        if (next >= queue.size()) {
            return -1;
        }
        taken.put(hash, next + 1);
        return queue.get(next);
    }
}
