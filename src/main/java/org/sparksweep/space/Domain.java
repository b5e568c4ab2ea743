package org.sparksweep.space;

import java.io.Serializable;
import java.util.List;

/**
 * The set of values one hyperparameter may take. A domain knows how to enumerate itself as grid
 * points (when it is discrete or given a point count) and how to turn a uniform number in [0, 1)
 * into a sample, so grid and random search need no per-domain code of their own.
 */
public sealed interface Domain extends Serializable
        permits Domain.Fixed, Domain.Choice, Domain.IntRange, Domain.Uniform, Domain.LogUniform {

    ValueType type();

    /** Whether this domain can be enumerated as grid points. */
    boolean griddable();

    /** Number of grid points; only defined when {@link #griddable()}. */
    long gridSize();

    /** The k-th grid point, 0 &lt;= k &lt; gridSize(). */
    Object gridValue(long k);

    /** A sample for a uniform random number u in [0, 1). */
    Object sample(double u);

    /** Whether the domain is a finite set of values that a condition can name. */
    default boolean discrete() {
        return !(this instanceof Uniform) && !(this instanceof LogUniform);
    }

    /** Position of a value among the grid points, or -1; only for discrete domains. */
    long indexOf(Object value);

    /** Whether values are ordered numbers that {@link #unit} places in [0, 1] (ranges and reals, not choices). */
    default boolean ordered() {
        return this instanceof IntRange || this instanceof Uniform || this instanceof LogUniform;
    }

    /**
     * Where a value sits in the unit interval that {@link #sample} maps from: the inverse of
     * sample, so model-based search can work in [0, 1] whatever the scale (log, integer, quantised).
     * Only for {@link #ordered()} domains.
     */
    default double unit(Object value) {
        throw new UnsupportedOperationException(describe() + " is not an ordered numeric domain");
    }

    /** A short human description, e.g. {@code logUniform(1.0E-4, 0.1) x 4 points}. */
    String describe();

    /**
     * Whether a value (already of this domain's {@link #type()}) lies in the domain: one of the
     * values of a fixed value or choice, on the steps of an integer range, inside the bounds of a real
     * range (any real, not only the grid points or quantisation steps a search would draw).
     */
    default boolean contains(Object value) {
        if (this instanceof IntRange r) {
            long v = ((Number) value).longValue();
            return v >= r.lower() && v <= r.upper() && (v - r.lower()) % r.step() == 0;
        }
        if (this instanceof Uniform u) return within(value, u.lower(), u.upper());
        if (this instanceof LogUniform u) return within(value, u.lower(), u.upper());
        return indexOf(value) >= 0;
    }

    private static boolean within(Object value, double lower, double upper) {
        double v = ((Number) value).doubleValue();
        return v >= lower && v <= upper;
    }

    /** A single value. */
    record Fixed(Object value) implements Domain {
        public ValueType type() { return ValueType.of(value); }
        public boolean griddable() { return true; }
        public long gridSize() { return 1; }
        public Object gridValue(long k) { return value; }
        public Object sample(double u) { return value; }
        public long indexOf(Object v) { return value.equals(v) ? 0 : -1; }
        public String describe() { return "fixed " + value; }
    }

    /** A finite list of scalars, already coerced to their common type. */
    record Choice(List<Object> values) implements Domain {
        public Choice { values = List.copyOf(values); }
        public ValueType type() { return ValueType.common(values); }
        public boolean griddable() { return true; }
        public long gridSize() { return values.size(); }
        public Object gridValue(long k) { return values.get((int) k); }
        public Object sample(double u) { return values.get(Math.min(values.size() - 1, (int) (u * values.size()))); }
        public long indexOf(Object v) { return values.indexOf(v); }
        public String describe() { return "choice " + values; }
    }

    /** Integers lower, lower + step, ... up to and including upper when it is on the step. */
    record IntRange(long lower, long upper, long step) implements Domain {
        public ValueType type() { return ValueType.LONG; }
        public boolean griddable() { return true; }
        public long gridSize() { return (upper - lower) / step + 1; }
        public Object gridValue(long k) { return lower + k * step; }
        public Object sample(double u) { return lower + step * Math.min(gridSize() - 1, (long) (u * gridSize())); }
        public long indexOf(Object v) {
            if (!(v instanceof Long l) || l < lower || l > upper || (l - lower) % step != 0) return -1;
            return (l - lower) / step;
        }
        public double unit(Object v) { return (((Number) v).longValue() - lower) / (double) step / gridSize() + 0.5 / gridSize(); }
        public String describe() {
            return "range [" + lower + ", " + upper + "]" + (step == 1 ? "" : " step " + step);
        }
    }

    /**
     * Reals uniform in [lower, upper], optionally rounded to multiples of q. On a grid it is either
     * {@code points} evenly spaced values or, with q and no point count, every multiple of q in range.
     */
    record Uniform(double lower, double upper, Double q, Integer points) implements Domain {
        public ValueType type() { return ValueType.DOUBLE; }
        public boolean griddable() { return points != null || q != null; }
        public long gridSize() {
            if (points == null) return Quantizer.multiplesIn(lower, upper, q);
            return q == null ? points : gridPoints().size();
        }
        public Object gridValue(long k) {
            if (points == null) return Quantizer.multiple(Quantizer.firstMultiple(lower, q) + k, q);
            return q == null ? point((int) k) : gridPoints().get((int) k);
        }
        private double point(int k) {
            return points == 1 ? lower + (upper - lower) * 0.5 : k == points - 1 ? upper : lower + (upper - lower) * k / (points - 1);
        }
        public Object sample(double u) {
            double x = lower + u * (upper - lower);
            return q == null ? x : Quantizer.quantize(x, q, lower, upper);
        }
        public double unit(Object v) { return upper == lower ? 0.5 : clamp((((Number) v).doubleValue() - lower) / (upper - lower)); }
        public long indexOf(Object v) { return -1; }
        /** Quantised points, duplicates dropped; only needed with q (points stay few, so computing them is cheap). */
        private List<Double> gridPoints() {
            return Quantizer.grid(this, () -> Quantizer.distinct(points, this::point, q, lower, upper));
        }
        public String describe() {
            return "uniform(" + lower + ", " + upper + ")" + (q == null ? "" : " q " + q)
                    + (points == null ? "" : " x " + points + " points");
        }
    }

    /** Reals whose logarithm is uniform in [log lower, log upper]; grid points are geometrically spaced. */
    record LogUniform(double lower, double upper, Double q, Integer points) implements Domain {
        public ValueType type() { return ValueType.DOUBLE; }
        public boolean griddable() { return points != null; }
        public long gridSize() { return q == null ? points : gridPoints().size(); }
        public Object gridValue(long k) { return q == null ? point((int) k) : gridPoints().get((int) k); }
        public Object sample(double u) {
            double x = Math.exp(Math.log(lower) + u * (Math.log(upper) - Math.log(lower)));
            x = Math.min(upper, Math.max(lower, x));
            return q == null ? x : Quantizer.quantize(x, q, lower, upper);
        }
        public double unit(Object v) {
            return upper == lower ? 0.5 : clamp(Math.log(((Number) v).doubleValue() / lower) / Math.log(upper / lower));
        }
        public long indexOf(Object v) { return -1; }
        private double point(int k) {
            double a = Math.log(lower), b = Math.log(upper);
            return points == 1 ? Math.exp((a + b) / 2) : k == points - 1 ? upper : k == 0 ? lower : Math.exp(a + (b - a) * k / (points - 1));
        }
        private List<Double> gridPoints() {
            return Quantizer.grid(this, () -> Quantizer.distinct(points, this::point, q, lower, upper));
        }
        public String describe() {
            return "logUniform(" + lower + ", " + upper + ")" + (q == null ? "" : " q " + q)
                    + (points == null ? "" : " x " + points + " points");
        }
    }

    private static double clamp(double u) {
        return Math.max(0, Math.min(1, u));
    }
}
