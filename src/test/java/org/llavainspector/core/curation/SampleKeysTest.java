package org.llavainspector.core.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Sample keys packed into longs: the same list as of key objects, repeats dropped where they first came. */
class SampleKeysTest {
    @Test
    void packedKeysAreTheKeysTheyWereMadeOf() {
        List<SampleKey> keys = List.of(new SampleKey(0, 0), new SampleKey(3, Integer.MAX_VALUE),
                new SampleKey(Integer.MAX_VALUE, 7));
        SampleKeys packed = SampleKeys.of(keys);
        assertEquals(keys, packed);
        assertEquals(keys.hashCode(), packed.hashCode());
        assertEquals(3, packed.file(1));
        assertEquals(Integer.MAX_VALUE, packed.record(1));
        assertEquals(Integer.MAX_VALUE, packed.file(2));
        assertSame(packed, SampleKeys.of(packed));
        assertThrows(IndexOutOfBoundsException.class, () -> packed.get(3));
    }

    @Test
    void theBuilderMakesTheSameListAndRefusesBadKeys() {
        SampleKeys.Builder b = new SampleKeys.Builder(1);
        b.add(1, 2).add(0, 9).add(1, 2);
        SampleKeys built = b.build();
        assertEquals(List.of(new SampleKey(1, 2), new SampleKey(0, 9), new SampleKey(1, 2)), built);
        b.add(5, 5);
        assertEquals(3, built.size(), "a key added later is not in a list built before");
        assertEquals(List.of(), new SampleKeys.Builder(10).build());
        assertThrows(IllegalArgumentException.class, () -> b.add(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> b.add(0, -1));
    }

    @Test
    void distinctDropsRepeatsWhereTheyFirstCame() {
        List<SampleKey> keys = List.of(new SampleKey(1, 5), new SampleKey(0, 5), new SampleKey(1, 5),
                new SampleKey(0, 100_000), new SampleKey(0, 5), new SampleKey(2, 0));
        assertEquals(List.of(new SampleKey(1, 5), new SampleKey(0, 5), new SampleKey(0, 100_000),
                new SampleKey(2, 0)), SampleKeys.distinct(keys));
        assertEquals(List.of(new SampleKey(0, 1), new SampleKey(0, 2)), SampleKeys.distinct(List.of(
                new SampleKey(0, 1), new SampleKey(0, 1), new SampleKey(0, 2))), "in order, but for a repeat");
        SampleKeys noRepeats = SampleKeys.of(List.of(new SampleKey(0, 1), new SampleKey(1, 1)));
        assertSame(noRepeats, SampleKeys.distinct(noRepeats));
    }
}
