package org.sparksweep.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A data set split for training and scoring, with features standardised by statistics of the
 * training split only (so nothing about the validation or test rows leaks into training).
 * Classification splits are stratified: each class is spread over the splits in proportion to its
 * size, and keeps at least one training example.
 *
 * @param test rows held out from every trial's training and validation, or null when
 *             {@code data.testFraction} is 0
 */
public record TrainingData(Examples train, Examples validation, Examples test) {

    public TrainingData(Examples train, Examples validation) {
        this(train, validation, null);
    }

    /**
     * Splits by a seeded shuffle and standardises.
     *
     * @param validationFraction share of rows held out for validation, in (0, 1)
     */
    public static TrainingData split(Examples all, double validationFraction, long seed) {
        return split(all, validationFraction, 0, seed);
    }

    /** Splits into training, validation and (when {@code testFraction > 0}) test rows, and standardises. */
    public static TrainingData split(Examples all, double validationFraction, double testFraction, long seed) {
        int n = all.rows();
        int[] order = shuffled(n, seed);
        int testRows = testFraction > 0 ? (int) Math.round(n * testFraction) : 0;
        int validationRows = (int) Math.round(n * validationFraction);
        if (validationRows < 1 || validationRows + testRows >= n || (testFraction > 0 && testRows < 1)) {
            throw new IllegalArgumentException("validationFraction " + validationFraction + (testFraction > 0 ? " and testFraction " + testFraction : "")
                    + " of " + n + " rows leave an empty training, validation or test split");
        }
        int[][] parts; // test, validation, train
        if (all.classes() > 0) {
            parts = stratified(all, order, new double[] {testFraction, validationFraction});
        } else {
            parts = new int[][] {
                Arrays.copyOfRange(order, validationRows, validationRows + testRows),
                Arrays.copyOfRange(order, 0, validationRows),
                Arrays.copyOfRange(order, validationRows + testRows, n)};
        }
        if (parts[1].length == 0) {
            throw new IllegalArgumentException("validationFraction " + validationFraction + " leaves no validation rows once every class keeps a training example");
        }
        Examples train = all.select(parts[2]);
        requireEveryClass(all, train, "the training split");
        Standardizer s = Standardizer.fit(train);
        return new TrainingData(s.apply(train), s.apply(all.select(parts[1])), testRows > 0 ? s.apply(all.select(parts[0])) : null);
    }

    /**
     * k-fold cross-validation: rows held out as test (when {@code testFraction > 0}) are set aside,
     * the others dealt into k folds (class by class for classification, so each fold has every
     * class's share); fold i validates on fold i and trains on the other k - 1, standardised with
     * their statistics only.
     */
    public static List<TrainingData> folds(Examples all, int k, double testFraction, long seed) {
        int n = all.rows();
        int[] order = shuffled(n, seed);
        int[] test = new int[0];
        int[] rest = order;
        if (testFraction > 0) {
            int[][] parts = all.classes() > 0 ? stratified(all, order, new double[] {testFraction})
                    : new int[][] {Arrays.copyOfRange(order, 0, (int) Math.round(n * testFraction)),
                            Arrays.copyOfRange(order, (int) Math.round(n * testFraction), n)};
            test = parts[0];
            rest = parts[1];
            if (test.length < 1) throw new IllegalArgumentException("testFraction " + testFraction + " of " + n + " rows leaves an empty test split");
        }
        if (k < 2 || k > rest.length) {
            throw new IllegalArgumentException("folds: " + k + " needs between 2 and " + rest.length + " rows to cross-validate, the data set has " + rest.length);
        }
        int[] dealt = all.classes() > 0 ? byClass(all, rest) : rest;
        List<List<Integer>> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) folds.add(new ArrayList<>());
        for (int i = 0; i < dealt.length; i++) folds.get(i % k).add(dealt[i]);
        List<TrainingData> out = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            List<Integer> trainRows = new ArrayList<>();
            for (int g = 0; g < k; g++) if (g != f) trainRows.addAll(folds.get(g));
            Examples train = all.select(trainRows.stream().mapToInt(Integer::intValue).toArray());
            requireEveryClass(all, train, "the training part of fold " + (f + 1) + " of " + k);
            Standardizer s = Standardizer.fit(train);
            Examples validation = all.select(folds.get(f).stream().mapToInt(Integer::intValue).toArray());
            out.add(new TrainingData(s.apply(train), s.apply(validation), test.length > 0 ? s.apply(all.select(test)) : null));
        }
        return out;
    }

    private static int[] shuffled(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** The rows in shuffled order, grouped by class (class 0 first), so dealing them round-robin stratifies. */
    private static int[] byClass(Examples all, int[] rows) {
        int[] out = new int[rows.length];
        int k = 0;
        for (int c = 0; c < all.classes(); c++) for (int r : rows) if ((int) all.targets()[r] == c) out[k++] = r;
        return out;
    }

    /**
     * Stratified holdout: for each class (in shuffled order), the held-out parts take their share by
     * cumulative rounding, so the totals match the fractions; each class keeps at least one row for
     * training. Returns the held-out parts in the order of {@code fractions}, then the training rows.
     */
    private static int[][] stratified(Examples all, int[] order, double[] fractions) {
        int parts = fractions.length;
        List<List<Integer>> out = new ArrayList<>();
        for (int p = 0; p <= parts; p++) out.add(new ArrayList<>());
        int[] grouped = byClass(all, order);
        int seen = 0;
        int at = 0;
        for (int c = 0; c < all.classes(); c++) {
            int size = 0;
            while (at + size < grouped.length && (int) all.targets()[grouped[at + size]] == c) size++;
            int[] take = new int[parts];
            int taken = 0;
            for (int p = 0; p < parts; p++) {
                take[p] = (int) (Math.round((seen + size) * fractions[p]) - Math.round(seen * fractions[p]));
                taken += take[p];
            }
            for (int p = parts - 1; p >= 0 && taken > size - 1; p--) { // keep one training example
                int back = Math.min(take[p], taken - (size - 1));
                take[p] -= back;
                taken -= back;
            }
            int i = at;
            for (int p = 0; p < parts; p++) for (int t = 0; t < take[p]; t++) out.get(p).add(grouped[i++]);
            while (i < at + size) out.get(parts).add(grouped[i++]);
            seen += size;
            at += size;
        }
        int[][] result = new int[parts + 1][];
        for (int p = 0; p <= parts; p++) result[p] = out.get(p).stream().mapToInt(Integer::intValue).toArray();
        return result;
    }

    /** A classifier cannot learn a class it never sees in training: refuse before training. */
    private static void requireEveryClass(Examples all, Examples train, String where) {
        if (all.classes() == 0) return;
        int[] counts = new int[all.classes()];
        for (double t : train.targets()) counts[(int) t]++;
        int[] total = new int[all.classes()];
        for (double t : all.targets()) total[(int) t]++;
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] == 0) {
                throw new DataException("data set '" + all.name() + "': class '" + all.classNames()[c] + "' has no examples in " + where
                        + " (it has " + total[c] + " in all); use fewer folds, a smaller test fraction, or more examples of it");
            }
        }
    }

    /** Per-column mean and standard deviation of a training split. */
    record Standardizer(double[] mean, double[] std) {
        static Standardizer fit(Examples d) {
            int c = d.columns();
            double[] mean = new double[c], std = new double[c];
            for (double[] row : d.features()) for (int j = 0; j < c; j++) mean[j] += row[j];
            for (int j = 0; j < c; j++) mean[j] /= d.rows();
            for (double[] row : d.features()) for (int j = 0; j < c; j++) std[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
            for (int j = 0; j < c; j++) {
                std[j] = Math.sqrt(std[j] / d.rows());
                if (std[j] == 0) std[j] = 1; // a constant column stays constant (0) instead of NaN
            }
            return new Standardizer(mean, std);
        }

        Examples apply(Examples d) {
            double[][] x = new double[d.rows()][];
            for (int i = 0; i < d.rows(); i++) {
                double[] row = d.features()[i];
                double[] out = new double[row.length];
                for (int j = 0; j < row.length; j++) out[j] = (row[j] - mean[j]) / std[j];
                x[i] = out;
            }
            return d.withRows(x, d.targets());
        }
    }
}
