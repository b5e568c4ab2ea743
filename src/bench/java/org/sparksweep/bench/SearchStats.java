package org.sparksweep.bench;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The statistics of the search benchmark: a median with a percentile-bootstrap interval over seeds,
 * the mean of log10(regret), and paired comparisons of two strategies on the same seeds (win rate with
 * ties counted half, exact two-sided sign test). Deterministic: the bootstrap draws from a fixed seed,
 * so the same values always give the same interval.
 */
public final class SearchStats {
    /** Resamples of the bootstrap. */
    public static final int RESAMPLES = 2000;
    /** The bootstrap's fixed seed: the printed intervals are reproducible. */
    public static final long BOOTSTRAP_SEED = 20_240_614L;
    /** Regrets at or below this count as this much in log10 (a regret of exactly 0 has no logarithm). */
    public static final double REGRET_FLOOR = 1e-12;
    /** Two best values this close (relative to their size) are a tie. */
    public static final double TIE_TOLERANCE = 1e-12;

    private SearchStats() {}

    public static double median(double[] values) {
        if (values.length == 0) throw new IllegalArgumentException("no values");
        double[] v = values.clone();
        Arrays.sort(v);
        return sortedMedian(v);
    }

    private static double sortedMedian(double[] v) {
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** A two-sided interval [lower, upper]. */
    public record Interval(double lower, double upper) {
        public boolean contains(double x) {
            return x >= lower && x <= upper;
        }

        public double width() {
            return upper - lower;
        }
    }

    /**
     * Percentile bootstrap interval of the median at the given confidence (e.g. 0.95): {@link #RESAMPLES}
     * resamples of the values with replacement, the median of each, and the (1 - c)/2 and (1 + c)/2
     * quantiles of those medians (nearest rank). Reproducible: the resampling RNG has a fixed seed.
     */
    public static Interval bootstrapMedian(double[] values, double confidence) {
        return bootstrapMedian(values, confidence, RESAMPLES, BOOTSTRAP_SEED);
    }

    public static Interval bootstrapMedian(double[] values, double confidence, int resamples, long seed) {
        int n = values.length;
        if (n == 0) throw new IllegalArgumentException("no values");
        if (!(confidence > 0 && confidence < 1)) throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        SplittableRandom random = new SplittableRandom(seed);
        double[] medians = new double[resamples];
        double[] sample = new double[n];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < n; i++) sample[i] = values[random.nextInt(n)];
            Arrays.sort(sample);
            medians[r] = sortedMedian(sample);
        }
        Arrays.sort(medians);
        double alpha = (1 - confidence) / 2;
        return new Interval(quantile(medians, alpha), quantile(medians, 1 - alpha));
    }

    public static double mean(double[] values) {
        if (values.length == 0) throw new IllegalArgumentException("no values");
        double s = 0;
        for (double v : values) s += v;
        return s / values.length;
    }

    /** Percentile bootstrap interval of the mean, as {@link #bootstrapMedian} (fixed seed, {@link #RESAMPLES} resamples). */
    public static Interval bootstrapMean(double[] values, double confidence) {
        int n = values.length;
        if (n == 0) throw new IllegalArgumentException("no values");
        if (!(confidence > 0 && confidence < 1)) throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        SplittableRandom random = new SplittableRandom(BOOTSTRAP_SEED);
        double[] means = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            double s = 0;
            for (int i = 0; i < n; i++) s += values[random.nextInt(n)];
            means[r] = s / n;
        }
        Arrays.sort(means);
        double alpha = (1 - confidence) / 2;
        return new Interval(quantile(means, alpha), quantile(means, 1 - alpha));
    }

    /** Nearest-rank quantile of sorted values: the ceil(q n)-th smallest (1-based), at least the first. */
    static double quantile(double[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length - 1e-9);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** Mean of log10(regret), each regret below {@link #REGRET_FLOOR} (zero, or a rounding error below it) counted as the floor. */
    public static double meanLog10(double[] regrets) {
        if (regrets.length == 0) throw new IllegalArgumentException("no values");
        double s = 0;
        for (double r : regrets) s += Math.log10(Math.max(REGRET_FLOOR, r));
        return s / regrets.length;
    }

    /** How paired runs came out for strategy A against strategy B, smaller being better. */
    public record Paired(int wins, int losses, int ties) {
        public int pairs() {
            return wins + losses + ties;
        }

        /** A's share of the pairs it won, a tie counting half. */
        public double winRate() {
            return (wins + 0.5 * ties) / pairs();
        }

        /** Two-sided exact sign test of "A and B are equally likely to win", ties left out. */
        public double signTestP() {
            return SearchStats.signTestP(wins, losses);
        }
    }

    /** Compares a[i] with b[i] for every seed i (both minimised): a win when a's value is smaller. */
    public static Paired paired(double[] a, double[] b) {
        int n = Math.min(a.length, b.length);
        if (n == 0) throw new IllegalArgumentException("no pairs");
        int wins = 0, losses = 0, ties = 0;
        for (int i = 0; i < n; i++) {
            double scale = Math.max(1, Math.max(Math.abs(a[i]), Math.abs(b[i])));
            if (Math.abs(a[i] - b[i]) <= TIE_TOLERANCE * scale) ties++;
            else if (a[i] < b[i]) wins++;
            else losses++;
        }
        return new Paired(wins, losses, ties);
    }

    /**
     * Two-sided p value of the exact sign test: with n = wins + losses non-tied pairs, twice the
     * probability of at most min(wins, losses) successes in n fair coin flips, capped at 1; 1 when n = 0.
     */
    public static double signTestP(int wins, int losses) {
        if (wins < 0 || losses < 0) throw new IllegalArgumentException("negative counts");
        int n = wins + losses;
        if (n == 0) return 1;
        int k = Math.min(wins, losses);
        double tail = 0;
        double log2n = n * Math.log(2);
        for (int i = 0; i <= k; i++) tail += Math.exp(logChoose(n, i) - log2n);
        return Math.min(1, 2 * tail);
    }

    static double logChoose(int n, int k) {
        return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
    }

    private static double logFactorial(int n) {
        double s = 0;
        for (int i = 2; i <= n; i++) s += Math.log(i);
        return s;
    }
}
