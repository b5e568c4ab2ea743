package org.sparksweep.search;

import java.util.List;
import org.sparksweep.space.Domain;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.trial.Objective;

/**
 * Picks the model-based strategy that suits the space and the budget, so a user who only says how
 * many trials to run gets a sensible search. The rule:
 * <ul>
 *   <li>{@code gp} when the space has at most {@value #GP_MAX_PARAMETERS} searched parameters and the
 *   sweep at most {@value #GP_MAX_TRIALS} trials: a Gaussian process needs fewer trials to find good
 *   configs, categorical and conditional parameters included, and its proposal cost (well under a
 *   second at a few hundred trials) is nothing beside a trial that trains a network;</li>
 *   <li>{@code tpe} otherwise: with many parameters or thousands of cheap trials, its constant cost
 *   per proposal and its independence from the number of dimensions win.</li>
 * </ul>
 * It is also what a spec gets when its {@code search:} block names no strategy.
 */
public final class AutoSearch implements StrategyFactory {
    public static final String NAME = "auto";
    static final int GP_MAX_PARAMETERS = 20;
    static final long GP_MAX_TRIALS = 1000;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<SearchProblem> check(SearchSettings settings, StrategyOptions options, SearchSpace space) {
        if (settings.trials() == null) {
            return List.of(new SearchProblem("search.trials", "auto (the strategy when none is named) needs the number of trials: add trials: N"));
        }
        return chosen(settings, space).check(settings, space);
    }

    @Override
    public Strategy create(SearchSettings settings, StrategyOptions options, SearchSpace space, Objective objective) {
        return chosen(settings, space).create(settings, space, objective);
    }

    @Override
    public String plan(SearchSettings settings, StrategyOptions options, SearchSpace space) {
        StrategyFactory chosen = chosen(settings, space);
        return "auto chose " + chosen.name() + " (" + reason(settings, space) + "); " + chosen.plan(settings, space);
    }

    static StrategyFactory chosen(SearchSettings settings, SearchSpace space) {
        return Strategies.get(usesGp(settings, space) ? "gp" : "tpe");
    }

    private static boolean usesGp(SearchSettings settings, SearchSpace space) {
        return searched(space) <= GP_MAX_PARAMETERS && settings.trials() != null && settings.trials() <= GP_MAX_TRIALS;
    }

    private static String reason(SearchSettings settings, SearchSpace space) {
        long n = searched(space);
        return usesGp(settings, space)
                ? n + " searched parameters <= " + GP_MAX_PARAMETERS + " and " + settings.trials() + " trials <= " + GP_MAX_TRIALS
                : n > GP_MAX_PARAMETERS ? n + " searched parameters > " + GP_MAX_PARAMETERS : settings.trials() + " trials > " + GP_MAX_TRIALS;
    }

    private static long searched(SearchSpace space) {
        return space.parameters().stream().filter(p -> !(p.domain() instanceof Domain.Fixed)).count();
    }
}
