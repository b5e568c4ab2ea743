package org.sparksweep.search;

import java.util.List;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.trial.Goals;

/**
 * Creates a strategy by the name a spec gives in {@code search.strategy}; found with
 * {@link java.util.ServiceLoader} like trainers.
 */
public interface StrategyFactory {

    String name();

    /** Problems with the search settings for this space, as (field, message) pairs; empty when fine. */
    List<SearchProblem> check(SearchSettings settings, SearchSpace space);

    Strategy create(SearchSettings settings, SearchSpace space);

    /**
     * Whether the strategy weighs several objectives itself (with {@link #create(SearchSettings, SearchSpace, Goals)});
     * any other strategy is given one value per trial, the goals' {@linkplain Goals#primary() primary} objective.
     */
    default boolean multiObjective() {
        return false;
    }

    /** Creates a strategy that knows every objective and constraint; only called when {@link #multiObjective()}. */
    default Strategy create(SearchSettings settings, SearchSpace space, Goals goals) {
        return create(settings, space);
    }

    /** A one-line account of what will run, for {@code sparksweep validate}. */
    String plan(SearchSettings settings, SearchSpace space);

    /** A problem found by {@link #check}: the field under {@code search:} or {@code space:} and what to do. */
    record SearchProblem(String field, String message) {}
}
