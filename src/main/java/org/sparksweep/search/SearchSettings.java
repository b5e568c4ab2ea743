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
 * @param options the strategy's own settings and the warm start: every other key of the block, as plain values
 *                (numbers, text, booleans, lists and maps) as the spec gives them; a strategy's are read against
 *                its {@linkplain StrategyFactory#options() knobs} into {@link StrategyOptions}
 */
public record SearchSettings(String strategy, Long trials, long seed, Map<String, Object> options) implements Serializable {
    public static final long DEFAULT_SEED = 0L;
    /** The spec's list of configs to run first (see {@link WarmStart}). */
    public static final String START_WITH = "startWith";
    /** The spec's {@code {sweep: NAME, top: K}}: the K best configs of an earlier sweep under the same root run first. */
    public static final String WARM_START_FROM = "warmStartFrom";
    /** How many of an earlier sweep's best configs {@code warmStartFrom} runs first without a {@code top}. */
    public static final int DEFAULT_WARM_START_TOP = 5;

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
