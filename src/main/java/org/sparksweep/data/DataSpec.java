package org.sparksweep.data;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * The spec's {@code data:} block, resolved: which source, its options, and how to split.
 * Equal specs share one cached data set per JVM.
 */
public record DataSpec(String source, Map<String, Object> options, double validationFraction, long splitSeed)
        implements Serializable {
    public static final double DEFAULT_VALIDATION_FRACTION = 0.3;
    public static final long DEFAULT_SPLIT_SEED = 42L;

    public DataSpec {
        options = java.util.Collections.unmodifiableMap(new TreeMap<>(options));
    }
}
