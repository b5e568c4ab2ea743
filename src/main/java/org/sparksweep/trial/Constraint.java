package org.sparksweep.trial;

import java.io.Serializable;
import java.util.Locale;
import java.util.Map;

/**
 * A bound on a quantity a trial reports (a metric such as {@code param_count}, or
 * {@code train_seconds}), written in a spec as {@code "param_count <= 1_000_000"}. A trial that
 * breaks a constraint is infeasible: it never reaches the Pareto front, and when the quantity can be
 * predicted from the config alone it is not trained at all.
 *
 * @param quantity a metric name as the trainer reports it, or {@link #TRAIN_SECONDS}
 */
public record Constraint(String quantity, Comparison comparison, double bound) implements Serializable {
    /** The engine's own measure of a trial's training time, usable in constraints besides the trainer's metrics. */
    public static final String TRAIN_SECONDS = "train_seconds";

    /** How a quantity is compared with its bound. */
    public enum Comparison {
        AT_MOST("<="), BELOW("<"), AT_LEAST(">="), ABOVE(">");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public static Comparison of(String symbol) {
            for (Comparison c : values()) if (c.symbol.equals(symbol)) return c;
            throw new IllegalArgumentException("unknown comparison '" + symbol + "': use <=, <, >= or >");
        }
    }

    /** Whether the value keeps the bound; a missing or NaN value does not. */
    public boolean holds(Double value) {
        if (value == null || value.isNaN()) return false;
        return switch (comparison) {
            case AT_MOST -> value <= bound;
            case BELOW -> value < bound;
            case AT_LEAST -> value >= bound;
            case ABOVE -> value > bound;
        };
    }

    /** How far the value is past the bound (0 when it holds, infinite when there is no value). */
    public double violation(Double value) {
        if (value == null || value.isNaN()) return Double.POSITIVE_INFINITY;
        if (holds(value)) return 0;
        double gap = Math.abs(value - bound);
        return gap > 0 ? gap : Math.ulp(bound); // a strict bound broken by equality still counts
    }

    /** This constraint's quantity among a trial's metrics and its training time. */
    public Double valueIn(Map<String, Double> metrics, double trainSeconds) {
        return quantity.equals(TRAIN_SECONDS) ? Double.valueOf(trainSeconds) : metrics.get(quantity);
    }

    /** As a spec writes it, e.g. {@code param_count <= 1000000}. */
    public String describe() {
        String b = bound == Math.rint(bound) && Math.abs(bound) < 1e15 ? Long.toString((long) bound) : Double.toString(bound);
        return String.format(Locale.ROOT, "%s %s %s", quantity, comparison.symbol(), b);
    }
}
