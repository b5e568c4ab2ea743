package org.sparksweep.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sparksweep.plugin.KnobValues;
import org.sparksweep.search.StrategyFactory.SearchProblem;

/**
 * A strategy's options read once against its {@linkplain StrategyFactory#options() knobs}: each value typed
 * (whole numbers as Long), a default for each option with one; what the factory's check, create and plan take.
 *
 * @param values   by option name, the default where one is not given or does not fit; absent without a default
 * @param rejected options given with a value that does not fit (reported in {@code problems})
 * @param problems the options' type, range and unknown-key problems, at their spec paths ({@code search.eta})
 */
public record StrategyOptions(Map<String, Object> values, Set<String> rejected, List<SearchProblem> problems) {

    /** Reads the strategy's own options from the {@code search:} block's settings (the warm-start keys are not its own). */
    public static StrategyOptions read(StrategyFactory factory, SearchSettings settings) {
        Map<String, Object> own = new LinkedHashMap<>(settings.options());
        own.remove(SearchSettings.START_WITH);
        own.remove(SearchSettings.WARM_START_FROM);
        KnobValues.Read read = KnobValues.read(factory.options(), own, "search", " for strategy " + factory.name());
        return new StrategyOptions(read.values(), read.rejected(),
                read.problems().stream().map(p -> new SearchProblem(p.path(), p.message())).toList());
    }

    /** These options when they have no problem; otherwise an error naming the strategy and the problems. */
    StrategyOptions orThrow(String strategy) {
        if (!problems.isEmpty()) throw new IllegalArgumentException(strategy + ": " + problems);
        return this;
    }

    /** A whole-number option (its default when not given). */
    int intValue(String name) {
        return Math.toIntExact((Long) values.get(name));
    }

    /** A whole-number option, or {@code fallback} when neither given nor defaulted. */
    int intValue(String name, int fallback) {
        return values.get(name) instanceof Long l ? Math.toIntExact(l) : fallback;
    }

    boolean bool(String name) {
        return (Boolean) values.get(name);
    }

    /** A mapping option's typed keys; null when not given or rejected. */
    @SuppressWarnings("unchecked")
    Map<String, Object> mapping(String name) {
        return (Map<String, Object>) values.get(name);
    }

    /** Whether the option has a value (given or its default) or was given one that does not fit. */
    boolean given(String name) {
        return values.containsKey(name) || rejected.contains(name);
    }
}
