package org.sparksweep.search;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The spec's {@code search:} block.
 *
 * @param trials  how many trials to run; null when the strategy decides (grid runs every point)
 * @param seed    seeds sampling and training, so a sweep reruns identically
 * @param options the strategy's own settings: every other key of the block, as plain values (numbers,
 *                text, booleans, lists and maps), checked by the strategy's {@link StrategyFactory#check}
 */
public record SearchSettings(String strategy, Long trials, long seed, Map<String, Object> options) implements Serializable {
    public static final long DEFAULT_SEED = 0L;

    public SearchSettings {
        options = options == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** Settings with no strategy-specific options. */
    public SearchSettings(String strategy, Long trials, long seed) {
        this(strategy, trials, seed, Map.of());
    }

    /** An option's value, or null when the spec does not set it. */
    public Object option(String name) {
        return options.get(name);
    }

    /** The same settings with one option set (for programs that build settings without a spec). */
    public SearchSettings withOption(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(options);
        more.put(name, value);
        return new SearchSettings(strategy, trials, seed, more);
    }
}
