package org.sparksweep.space;

import java.nio.charset.StandardCharsets;

/**
 * Counter-based uniform numbers: the value for (seed, index, stream) is a pure function of the
 * three, so any executor can draw trial i's config without drawing trials 0..i-1 first, and adding
 * a parameter to a space does not change the values drawn for the others.
 */
public final class CounterRandom {
    private CounterRandom() {}

    public static double uniform(long seed, long index, String stream) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        h = mix(h + index * 0xBF58476D1CE4E5B9L);
        h = mix(h ^ streamHash(stream));
        return (h >>> 11) * 0x1.0p-53;
    }

    private static long streamHash(String s) {
        long h = 0xCBF29CE484222325L; // 64-bit FNV-1a over the UTF-8 bytes
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001B3L;
        }
        return h;
    }

    /** SplitMix64's finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
