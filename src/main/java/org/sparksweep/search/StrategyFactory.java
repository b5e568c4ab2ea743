package org.sparksweep.search;

import java.util.List;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.trial.Goals;
import org.sparksweep.trial.Objective;

/**
 * Creates a strategy by the name a spec gives in {@code search.strategy}; found with
 * {@link java.util.ServiceLoader} like trainers.
 */
public interface StrategyFactory {

    String name();

    /**
     * The keys this strategy reads under {@code search:} besides strategy, trials and seed (its
     * {@link SearchSettings#options()}); the spec reader refuses any other key.
     */
    default List<String> options() {
        return List.of();
    }

    /** Problems with the search settings for this space, as (field, message) pairs; empty when fine. */
    List<SearchProblem> check(SearchSettings settings, SearchSpace space);

    /** A strategy for one run of a sweep; {@code objective} says which metric it optimises and in which direction. */
    Strategy create(SearchSettings settings, SearchSpace space, Objective objective);

    /**
     * Whether the strategy weighs several objectives itself (with {@link #create(SearchSettings, SearchSpace, Goals)});
     * any other strategy is given one value per trial, the goals' {@linkplain Goals#primary() primary} objective.
     */
    default boolean multiObjective() {
        return false;
    }

    /** Creates a strategy that knows every objective and constraint; only called when {@link #multiObjective()}. */
    default Strategy create(SearchSettings settings, SearchSpace space, Goals goals) {
        return create(settings, space, goals.primary());
    }

    /** A one-line account of what will run, for {@code sparksweep validate}. */
    String plan(SearchSettings settings, SearchSpace space);

    /** A problem found by {@link #check}: the field under {@code search:} or {@code space:} and what to do. */
    record SearchProblem(String field, String message) {}
}
