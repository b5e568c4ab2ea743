package org.sparksweep.data;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The spec's {@code data:} block, resolved: which source, its options, and how to split.
 * Equal specs share one cached data set per JVM.
 *
 * @param testFraction share of rows held out as a test split, never trained or validated on (0 = none)
 * @param folds        k of k-fold cross-validation, or 0 for one training/validation split
 */
public record DataSpec(String source, Map<String, Object> options, double validationFraction, long splitSeed,
        double testFraction, int folds) implements Serializable {
    public static final double DEFAULT_VALIDATION_FRACTION = 0.3;
    public static final long DEFAULT_SPLIT_SEED = 42L;

    public DataSpec {
        options = java.util.Collections.unmodifiableMap(new TreeMap<>(options));
    }

    public DataSpec(String source, Map<String, Object> options, double validationFraction, long splitSeed) {
        this(source, options, validationFraction, splitSeed, 0, 0);
    }

    /** Whether each trial is trained once per fold. */
    public boolean crossValidated() {
        return folds > 1;
    }

    /** How rows are split, for people: "validation fraction 0.3, split seed 42" or "5-fold cross-validation, test fraction 0.1, split seed 42". */
    public String describeSplit() {
        return (crossValidated() ? folds + "-fold cross-validation" : "validation fraction " + validationFraction)
                + (testFraction > 0 ? ", test fraction " + testFraction : "") + ", split seed " + splitSeed;
    }

    /** The splits a trial trains on: one training/validation split, or one per fold. */
    List<TrainingData> split(Examples all) {
        return crossValidated() ? TrainingData.folds(all, folds, testFraction, splitSeed)
                : List.of(TrainingData.split(all, validationFraction, testFraction, splitSeed));
    }
}
