package org.sparksweep.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.sparksweep.space.SearchSpace;

/**
 * Sobol' low-discrepancy points, optionally scrambled by a seeded linear matrix scramble plus a
 * digital shift (which keeps the net structure, so the first 2^m points still stratify every
 * dimension). Counter-based: point i is computed from i alone (XOR of the direction numbers of i's
 * set bits), so executors decode any trial without generating the ones before it.
 */
public final class SobolSequence implements SearchSpace.UnitCoordinates {
    private static final long serialVersionUID = 1L;
    /** Bits of precision: points are multiples of 2^-32, and at most 2^32 points exist. */
    static final int BITS = 32;
    static final long MAX_POINTS = 1L << BITS;
    private static final String DIRECTIONS = "/org/sparksweep/search/sobol-directions.txt";
    private static volatile List<int[]> table; // per dimension >= 2: {s, a, m_1 .. m_s}

    private final long[][] direction; // [dimension][bit], bit 0 = most significant
    private final long[] shift;

    /**
     * @param scrambleSeed null for the plain (unscrambled) sequence
     */
    public SobolSequence(int dimensions, Long scrambleSeed) {
        if (dimensions < 1 || dimensions > maxDimensions()) {
            throw new IllegalArgumentException("Sobol' points have 1 to " + maxDimensions() + " dimensions, asked for " + dimensions);
        }
        direction = new long[dimensions][];
        shift = new long[dimensions];
        for (int d = 0; d < dimensions; d++) {
            long[] v = directionNumbers(d);
            if (scrambleSeed != null) {
                SplittableRandom random = new SplittableRandom(scrambleSeed * 0x9E3779B97F4A7C15L + d);
                v = scramble(v, random);
                shift[d] = random.nextLong() & (MAX_POINTS - 1);
            }
            direction[d] = v;
        }
    }

    public static int maxDimensions() {
        return directionTable().size() + 1;
    }

    public int dimensions() {
        return direction.length;
    }

    /** Coordinate {@code dimension} of point {@code index}, in [0, 1). */
    public double coordinate(long index, int dimension) {
        if (index < 0 || index >= MAX_POINTS) throw new IndexOutOfBoundsException("Sobol' point " + index + " outside [0, 2^32)");
        long[] v = direction[dimension];
        long x = shift[dimension];
        for (int k = 0; index != 0; k++, index >>>= 1) {
            if ((index & 1) != 0) x ^= v[k];
        }
        return x * 0x1.0p-32;
    }

    @Override
    public double coordinate(long index, int dimension, String parameter) {
        return coordinate(index, dimension);
    }

    /** V_k = m_k * 2^(BITS-k) for k = 1..BITS, from the primitive polynomial's recurrence. */
    private static long[] directionNumbers(int d) {
        long[] m = new long[BITS + 1];
        if (d == 0) {
            for (int k = 1; k <= BITS; k++) m[k] = 1;
        } else {
            int[] row = directionTable().get(d - 1);
            int s = row[0], a = row[1];
            for (int k = 1; k <= s; k++) m[k] = row[1 + k];
            for (int k = s + 1; k <= BITS; k++) {
                long mk = m[k - s] ^ (m[k - s] << s);
                for (int j = 1; j < s; j++) {
                    if (((a >>> (s - 1 - j)) & 1) != 0) mk ^= m[k - j] << j;
                }
                m[k] = mk;
            }
        }
        long[] v = new long[BITS];
        for (int k = 1; k <= BITS; k++) v[k - 1] = m[k] << (BITS - k);
        return v;
    }

    /**
     * Multiplies every direction number, as a bit vector (most significant bit first), by a random
     * lower-triangular matrix with a unit diagonal: output bit r is bit r of the input XOR a random
     * subset of the bits above it.
     */
    private static long[] scramble(long[] v, SplittableRandom random) {
        long[] rowMask = new long[BITS];
        for (int r = 0; r < BITS; r++) {
            long self = 1L << (BITS - 1 - r);
            long above = (MAX_POINTS - 1) & ~((self << 1) - 1);
            rowMask[r] = self | (random.nextLong() & above);
        }
        long[] out = new long[BITS];
        for (int k = 0; k < BITS; k++) {
            long x = 0;
            for (int r = 0; r < BITS; r++) {
                if ((Long.bitCount(rowMask[r] & v[k]) & 1) != 0) x |= 1L << (BITS - 1 - r);
            }
            out[k] = x;
        }
        return out;
    }

    private static List<int[]> directionTable() {
        List<int[]> t = table;
        if (t == null) {
            synchronized (SobolSequence.class) {
                if (table == null) table = readTable();
                t = table;
            }
        }
        return t;
    }

    private static List<int[]> readTable() {
        InputStream in = SobolSequence.class.getResourceAsStream(DIRECTIONS);
        if (in == null) throw new IllegalStateException(DIRECTIONS + " is missing from the classpath");
        List<int[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                String[] f = line.split("\\s+");
                int s = Integer.parseInt(f[1]);
                int[] row = new int[2 + s];
                row[0] = s;
                row[1] = Integer.parseInt(f[2]);
                for (int k = 0; k < s; k++) row[2 + k] = Integer.parseInt(f[3 + k]);
                rows.add(row);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DIRECTIONS + ": " + e.getMessage(), e);
        }
        return List.copyOf(rows);
    }
}
