package org.sparksweep.search;

import java.io.Serializable;

/**
 * The spec's {@code search:} block.
 *
 * @param trials how many trials to run; null when the strategy decides (grid runs every point)
 * @param seed   seeds sampling and training, so a sweep reruns identically
 */
public record SearchSettings(String strategy, Long trials, long seed) implements Serializable {
    public static final long DEFAULT_SEED = 0L;
}
