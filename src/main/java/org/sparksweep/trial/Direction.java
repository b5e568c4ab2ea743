package org.sparksweep.trial;

/** Whether a larger or a smaller metric is better. */
public enum Direction {
    MAXIMIZE, MINIMIZE;

    /** True when a is strictly better than b. */
    public boolean better(double a, double b) {
        return this == MAXIMIZE ? a > b : a < b;
    }

    /** The value as a loss to minimise: itself, or negated when larger is better. */
    public double loss(double value) {
        return this == MINIMIZE ? value : -value;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
