package org.llavainspector.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.function.Function;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;

/** The image input stream the decoder makes for each image it decodes. */
class ByteArrayImageInputStreamTest {

    @Test
    void readsTheBytesItWasGiven() throws Exception {
        byte[] bytes = {1, 2, 3, (byte) 0xFF, 5};
        try (ByteArrayImageInputStream in = new ByteArrayImageInputStream(bytes)) {
            assertEquals(5, in.length());
            assertEquals(1, in.read());
            byte[] rest = new byte[10];
            assertEquals(4, in.read(rest, 0, 10));
            assertArrayEquals(new byte[] {2, 3, (byte) 0xFF, 5}, java.util.Arrays.copyOf(rest, 4));
            assertEquals(-1, in.read());
            in.seek(3);
            assertEquals(0xFF, in.read());
        }
    }

    /**
     * A stream that is dropped does not keep its image's bytes alive past the collection that finds it unreachable.
     * A finalizable one (every {@code ImageInputStreamImpl} is, unless it says otherwise) would: it waits for the
     * finalizer thread, and its bytes with it, until a later collection copies them.
     */
    @Test
    void aDroppedStreamFreesItsBytesInTheFirstCollection() throws Exception {
        assertFreedInOneCollection(ByteArrayImageInputStream::new);
    }

    private static void assertFreedInOneCollection(Function<byte[], ImageInputStream> streamOver) throws Exception {
        ReferenceQueue<byte[]> freed = new ReferenceQueue<>();
        PhantomReference<byte[]> bytes = dropStream(streamOver, freed);
        System.gc();
        assertNotNull(freed.remove(2_000), "the bytes of a dropped stream outlived a collection: the stream is finalizable");
        Reference.reachabilityFence(bytes);
    }

    private static PhantomReference<byte[]> dropStream(Function<byte[], ImageInputStream> streamOver,
            ReferenceQueue<byte[]> queue) throws Exception {
        byte[] bytes = new byte[64 << 10];
        ImageInputStream in = streamOver.apply(bytes);
        in.read(); // used, and not closed, as a stream left behind by a failed read would be
        return new PhantomReference<>(bytes, queue);
    }
}
