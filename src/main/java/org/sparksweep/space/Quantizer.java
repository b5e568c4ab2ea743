package org.sparksweep.space;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;

/** Rounding of real values to multiples of q, printed without binary noise (0.3, not 0.30000000000000004). */
final class Quantizer {
    private Quantizer() {}

    static double multiple(long k, double q) {
        return BigDecimal.valueOf(q).multiply(BigDecimal.valueOf(k)).doubleValue();
    }

    static long firstMultiple(double lower, double q) {
        return (long) Math.ceil(lower / q - 1e-9);
    }

    static long lastMultiple(double upper, double q) {
        return (long) Math.floor(upper / q + 1e-9);
    }

    static long multiplesIn(double lower, double upper, double q) {
        return Math.max(0, lastMultiple(upper, q) - firstMultiple(lower, q) + 1);
    }

    /** The multiple of q nearest to x that lies in [lower, upper]; the spec check guarantees one exists. */
    static double quantize(double x, double q, double lower, double upper) {
        long k = Math.round(x / q);
        k = Math.max(firstMultiple(lower, q), Math.min(lastMultiple(upper, q), k));
        return multiple(k, q);
    }

    private static final java.util.Map<Domain, List<Double>> GRID = new java.util.concurrent.ConcurrentHashMap<>();

    /** A domain's quantised grid points, computed once per JVM (decoding a trial must not rebuild them). */
    static List<Double> grid(Domain domain, java.util.function.Supplier<List<Double>> compute) {
        return GRID.computeIfAbsent(domain, d -> compute.get());
    }

    /** {@code count} points from a generator, quantized when q is set, with duplicates dropped in order. */
    static List<Double> distinct(int count, IntToDoubleFunction point, Double q, double lower, double upper) {
        List<Double> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            double x = point.applyAsDouble(k);
            if (q != null) x = quantize(x, q, lower, upper);
            if (out.isEmpty() || !out.get(out.size() - 1).equals(x)) out.add(x);
        }
        return List.copyOf(out);
    }
}
