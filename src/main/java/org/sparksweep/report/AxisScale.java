package org.sparksweep.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Maps data values onto pixels for the report's charts: linear, or logarithmic when every value is
 * positive, they span two decades or more and most of them sit at the low end (learning rates,
 * objective values with a few huge ones), with readable ticks.
 */
record AxisScale(double lo, double hi, double from, double to, boolean log) {

    static AxisScale fit(Collection<Double> values, double from, double to, boolean allowLog) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Double v : values) {
            if (v == null || !Double.isFinite(v)) continue;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (lo > hi) return new AxisScale(0, 1, from, to, false);
        // log only for values bunched at the low end (log-uniform rates, objective values with outliers), not for a uniform range that nears 0
        boolean log = allowLog && lo > 0 && hi / lo >= 100 && (median(values) - lo) / (hi - lo) < 0.2;
        if (lo == hi) {
            double pad = lo == 0 ? 0.5 : Math.abs(lo) * 0.1;
            lo -= pad;
            hi += pad;
            log = false;
        }
        return new AxisScale(lo, hi, from, to, log);
    }

    private static double median(Collection<Double> values) {
        List<Double> sorted = new ArrayList<>();
        for (Double v : values) if (v != null && Double.isFinite(v)) sorted.add(v);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    double at(double v) {
        double t = log ? (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) : (v - lo) / (hi - lo);
        return from + t * (to - from);
    }

    List<Double> ticks() {
        List<Double> out = new ArrayList<>();
        if (log) {
            for (double p = Math.pow(10, Math.ceil(Math.log10(lo))); p <= hi * (1 + 1e-9); p *= 10) out.add(p);
            if (out.size() >= 2) return out;
            out.clear();
            out.add(lo);
            out.add(hi);
            return out;
        }
        double raw = (hi - lo) / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag >= 5 ? 5 * mag : raw / mag >= 2 ? 2 * mag : mag;
        for (double t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) out.add(Math.abs(t) < step * 1e-9 ? 0 : t);
        return out;
    }

    /** A tick label: short, in the scale's own precision. */
    static String label(double v) {
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e6)) return String.format(java.util.Locale.ROOT, "%.0e", v);
        String s = String.format(java.util.Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.equals("-0") ? "0" : s;
    }
}
