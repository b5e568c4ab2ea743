package org.sparksweep.search;

import java.util.ArrayList;
import java.util.List;
import org.sparksweep.plugin.Knob;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.trial.Goals;
import org.sparksweep.trial.Objective;

/**
 * Creates a strategy by the name a spec gives in {@code search.strategy}; found with
 * {@link java.util.ServiceLoader} like trainers. Its options are typed {@link Knob}s, read once into
 * {@link StrategyOptions} and handed to {@link #check}, {@link #create} and {@link #plan}.
 */
public interface StrategyFactory {

    String name();

    /**
     * The keys this strategy reads under {@code search:} besides strategy, trials and seed (its
     * {@link SearchSettings#options()}), with their types, ranges and defaults; the spec reader refuses any
     * other key. An option without a default that the spec does not set is the strategy's to decide.
     */
    default List<Knob> options() {
        return List.of();
    }

    /**
     * Problems with the search settings for this space beyond the options' types and ranges (already checked
     * against {@link #options()}), as (field, message) pairs; empty when fine.
     */
    List<SearchProblem> check(SearchSettings settings, StrategyOptions options, SearchSpace space);

    /** A strategy for one run of a sweep; {@code objective} says which metric it optimises and in which direction. */
    Strategy create(SearchSettings settings, StrategyOptions options, SearchSpace space, Objective objective);

    /**
     * Whether the strategy weighs several objectives itself (with {@link #create(SearchSettings, StrategyOptions, SearchSpace, Goals)});
     * any other strategy is given one value per trial, the goals' {@linkplain Goals#primary() primary} objective.
     */
    default boolean multiObjective() {
        return false;
    }

    /** Creates a strategy that knows every objective and constraint; only called when {@link #multiObjective()}. */
    default Strategy create(SearchSettings settings, StrategyOptions options, SearchSpace space, Goals goals) {
        return create(settings, options, space, goals.primary());
    }

    /** A one-line account of what will run, for {@code sparksweep validate}. */
    String plan(SearchSettings settings, StrategyOptions options, SearchSpace space);

    /** Every problem with the search settings: the strategy's own check, then its options' types and ranges. */
    default List<SearchProblem> check(SearchSettings settings, SearchSpace space) {
        StrategyOptions options = StrategyOptions.read(this, settings);
        List<SearchProblem> problems = new ArrayList<>(check(settings, options, space));
        problems.addAll(options.problems());
        return problems;
    }

    /** {@link #create(SearchSettings, StrategyOptions, SearchSpace, Objective)} with the options read from the settings. */
    default Strategy create(SearchSettings settings, SearchSpace space, Objective objective) {
        return create(settings, StrategyOptions.read(this, settings).orThrow(name()), space, objective);
    }

    /** {@link #plan(SearchSettings, StrategyOptions, SearchSpace)} with the options read from the settings. */
    default String plan(SearchSettings settings, SearchSpace space) {
        return plan(settings, StrategyOptions.read(this, settings), space);
    }

    /** A problem found by {@link #check}: the field under {@code search:} or {@code space:} and what to do. */
    record SearchProblem(String field, String message) {}
}
