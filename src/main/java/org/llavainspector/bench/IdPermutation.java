package org.llavainspector.bench;

import java.util.Random;

/**
 * A bijection of {@code 0..size-1}, {@code i -> (a * i + b) mod size} with {@code a} coprime to {@code size}: turns a
 * running index into ids that look shuffled yet never repeat (until the index passes {@code size}).
 */
final class IdPermutation {
    private final long size;
    private final long multiplier;
    private final long offset;

    IdPermutation(long size, Random rng) {
        if (size < 2 || size > 1L << 31) {
            throw new IllegalArgumentException("size out of range: " + size);
        }
        this.size = size;
        long m = size / 3 + (long) (rng.nextDouble() * (size / 3.0));
        while (gcd(m, size) != 1) {
            m++;
        }
        this.multiplier = m;
        this.offset = (long) (rng.nextDouble() * size);
    }

    long apply(long index) {
        return (multiplier * (index % size) + offset) % size;
    }

    /** {@code value} in decimal, left-padded with zeros to {@code width} digits. */
    static String zeroPadded(long value, int width) {
        String digits = Long.toString(value);
        if (digits.length() >= width) {
            return digits;
        }
        return "0".repeat(width - digits.length()) + digits;
    }

    private static long gcd(long x, long y) {
        while (y != 0) {
            long t = x % y;
            x = y;
            y = t;
        }
        return x;
    }
}
