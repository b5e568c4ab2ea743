package org.sparksweep.search;

import java.util.ArrayList;
import java.util.List;
import org.sparksweep.space.SearchSpace;
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
    public List<String> options() {
        return List.of(STARTUP, CANDIDATES, MULTIVARIATE);
    }

    @Override
    public List<SearchProblem> check(SearchSettings settings, SearchSpace space) {
        List<SearchProblem> problems = new ArrayList<>();
        if (settings.trials() == null) {
            problems.add(new SearchProblem("search.trials", "tpe needs the number of trials: add trials: N (50 or more lets it learn)"));
        } else if (settings.trials() < 1) {
            problems.add(new SearchProblem("search.trials", "must be >= 1, got " + settings.trials()));
        }
        positive(settings, STARTUP, problems);
        positive(settings, CANDIDATES, problems);
        Object joint = settings.option(MULTIVARIATE);
        if (joint != null && !(joint instanceof Boolean)) {
            problems.add(new SearchProblem("search." + MULTIVARIATE, "must be true or false, got " + joint));
        }
        return problems;
    }

    private static void positive(SearchSettings settings, String option, List<SearchProblem> problems) {
        Object v = settings.option(option);
        if (v == null) return;
        if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() < 1 || ((Number) v).longValue() > 100_000) {
            problems.add(new SearchProblem("search." + option, "must be a whole number from 1 to 100000, got " + v));
        }
    }

    @Override
    public Strategy create(SearchSettings settings, SearchSpace space, Objective objective) {
        return new TpeStrategy(space, settings(settings, objective.direction()));
    }

    static TpeStrategy.Settings settings(SearchSettings settings, Direction direction) {
        int startup = intOption(settings, STARTUP, 10);
        int candidates = intOption(settings, CANDIDATES, 24);
        // no cap of its own on proposals in flight: the engine asks only for free executor slots
        Object joint = settings.option(MULTIVARIATE);
        boolean multivariate = joint == null ? TpeStrategy.MULTIVARIATE_DEFAULT : (Boolean) joint;
        return new TpeStrategy.Settings(settings.trials(), settings.seed(), direction == Direction.MINIMIZE, startup, candidates,
                Integer.MAX_VALUE, multivariate);
    }

    private static int intOption(SearchSettings settings, String option, int fallback) {
        Object v = settings.option(option);
        return v == null ? fallback : Math.toIntExact(((Number) v).longValue());
    }

    @Override
    public String plan(SearchSettings settings, SearchSpace space) {
        int startup = intOption(settings, STARTUP, 10);
        boolean multivariate = settings.option(MULTIVARIATE) instanceof Boolean b ? b : TpeStrategy.MULTIVARIATE_DEFAULT;
        return "tpe" + (multivariate ? " (multivariate)" : "") + ": " + settings.trials() + " trials (the first "
                + Math.min(startup, settings.trials()) + " random), seed " + settings.seed()
                + "; proposals follow the results, one per free executor slot";
    }
}
