package org.sparksweep.search;

import java.util.ArrayList;
import java.util.List;
import org.sparksweep.plugin.Knob;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.space.ValueType;
import org.sparksweep.trial.Direction;
import org.sparksweep.trial.Objective;

/**
 * Bayesian optimisation with a Tree-structured Parzen Estimator ({@link TpeStrategy}): {@code trials}
 * trials, the first {@code startupTrials} of them random, then each proposed from the results so far.
 * Options: {@code startupTrials} (default 10), {@code candidates} (default 24, samples scored per
 * parameter, or group of parameters, and proposal) and {@code multivariate} (true: model the parameters
 * that are active together jointly; false: each parameter on its own).
 */
public final class TpeSearch implements StrategyFactory {
    static final String STARTUP = "startupTrials";
    static final String CANDIDATES = "candidates";
    static final String MULTIVARIATE = "multivariate";

    @Override
    public String name() {
        return "tpe";
    }

    @Override
    public List<Knob> options() {
        return List.of(
                Knob.whole(STARTUP, 1L, 100_000L, 10L, "the first trials, sampled at random before proposals follow the results"),
                Knob.whole(CANDIDATES, 1L, 100_000L, 24L, "samples scored per parameter, or group of parameters, and proposal"),
                Knob.of(MULTIVARIATE, ValueType.BOOLEAN, TpeStrategy.MULTIVARIATE_DEFAULT,
                        "true: model the parameters that are active together jointly; false: each parameter on its own"));
    }

    @Override
    public List<SearchProblem> check(SearchSettings settings, StrategyOptions options, SearchSpace space) {
        List<SearchProblem> problems = new ArrayList<>();
        if (settings.trials() == null) {
            problems.add(new SearchProblem("search.trials", "tpe needs the number of trials: add trials: N (50 or more lets it learn)"));
        } else if (settings.trials() < 1) {
            problems.add(new SearchProblem("search.trials", "must be >= 1, got " + settings.trials()));
        }
        return problems;
    }

    @Override
    public Strategy create(SearchSettings settings, StrategyOptions options, SearchSpace space, Objective objective) {
        return new TpeStrategy(space, settings(settings, options, objective.direction()));
    }

    /** The strategy's settings with the options read from {@code settings}. */
    static TpeStrategy.Settings settings(SearchSettings settings, Direction direction) {
        return settings(settings, StrategyOptions.read(new TpeSearch(), settings).orThrow("tpe"), direction);
    }

    static TpeStrategy.Settings settings(SearchSettings settings, StrategyOptions options, Direction direction) {
        // no cap of its own on proposals in flight: the engine asks only for free executor slots
        return new TpeStrategy.Settings(settings.trials(), settings.seed(), direction == Direction.MINIMIZE, options.intValue(STARTUP),
                options.intValue(CANDIDATES), Integer.MAX_VALUE, options.bool(MULTIVARIATE));
    }

    @Override
    public String plan(SearchSettings settings, StrategyOptions options, SearchSpace space) {
        int startup = options.intValue(STARTUP);
        boolean multivariate = options.bool(MULTIVARIATE);
        return "tpe" + (multivariate ? " (multivariate)" : "") + ": " + settings.trials() + " trials (the first "
                + Math.min(startup, settings.trials()) + " random), seed " + settings.seed()
                + "; proposals follow the results, one per free executor slot";
    }
}
