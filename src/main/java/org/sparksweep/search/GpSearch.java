package org.sparksweep.search;

import java.util.ArrayList;
import java.util.List;
import org.sparksweep.search.gp.GaussianProcessOptimizer;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.trial.Direction;
import org.sparksweep.trial.Objective;

/**
 * Bayesian optimisation with a Gaussian process ({@link GpStrategy}): {@code trials} trials, the
 * first {@code startupTrials} from a scrambled Sobol' design, then each maximising expected
 * improvement. Options: {@code startupTrials} (default: 2 per searched parameter, at least 5, at
 * most 10), {@code candidates} (default 1024, quasi-random points scored per proposal) and
 * {@code maxPoints} (default 400, the most results the model conditions on).
 */
public final class GpSearch implements StrategyFactory {
    static final String STARTUP = "startupTrials";
    static final String CANDIDATES = "candidates";
    static final String MAX_POINTS = "maxPoints";

    @Override
    public String name() {
        return "gp";
    }

    @Override
    public List<String> options() {
        return List.of(STARTUP, CANDIDATES, MAX_POINTS);
    }

    @Override
    public List<SearchProblem> check(SearchSettings settings, SearchSpace space) {
        List<SearchProblem> problems = new ArrayList<>();
        if (settings.trials() == null) {
            problems.add(new SearchProblem("search.trials", "gp needs the number of trials: add trials: N (20 or more lets it learn)"));
        } else if (settings.trials() < 1) {
            problems.add(new SearchProblem("search.trials", "must be >= 1, got " + settings.trials()));
        }
        if (space.parameters().size() > SobolSequence.maxDimensions()) {
            problems.add(new SearchProblem("space", "gp supports up to " + SobolSequence.maxDimensions()
                    + " parameters, the space has " + space.parameters().size() + ": use tpe"));
        }
        wholeNumber(settings, STARTUP, 1, 100_000, problems);
        wholeNumber(settings, CANDIDATES, 16, 1_000_000, problems);
        wholeNumber(settings, MAX_POINTS, 10, 5_000, problems);
        return problems;
    }

    private static void wholeNumber(SearchSettings settings, String option, long min, long max, List<SearchProblem> problems) {
        Object v = settings.option(option);
        if (v == null) return;
        if (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() < min || ((Number) v).longValue() > max) {
            problems.add(new SearchProblem("search." + option, "must be a whole number from " + min + " to " + max + ", got " + v));
        }
    }

    @Override
    public Strategy create(SearchSettings settings, SearchSpace space, Objective objective) {
        return new GpStrategy(space, settings(settings, space, objective.direction()));
    }

    static GpStrategy.Settings settings(SearchSettings settings, SearchSpace space, Direction direction) {
        GaussianProcessOptimizer.Settings defaults = GaussianProcessOptimizer.Settings.defaults();
        GaussianProcessOptimizer.Settings model = new GaussianProcessOptimizer.Settings(
                intOption(settings, CANDIDATES, defaults.candidates()), intOption(settings, MAX_POINTS, defaults.maxPoints()),
                defaults.fitIterations());
        return new GpStrategy.Settings(settings.trials(), settings.seed(), direction == Direction.MINIMIZE,
                intOption(settings, STARTUP, defaultStartup(space)), model);
    }

    /** Two design points per searched parameter, at least 5 and at most 10. */
    static int defaultStartup(SearchSpace space) {
        long searched = space.parameters().stream().filter(p -> !(p.domain() instanceof org.sparksweep.space.Domain.Fixed)).count();
        return (int) Math.max(5, Math.min(10, 2 * searched));
    }

    private static int intOption(SearchSettings settings, String option, int fallback) {
        Object v = settings.option(option);
        return v == null ? fallback : Math.toIntExact(((Number) v).longValue());
    }

    @Override
    public String plan(SearchSettings settings, SearchSpace space) {
        int startup = intOption(settings, STARTUP, defaultStartup(space));
        return "gp: " + settings.trials() + " trials (the first " + Math.min(startup, settings.trials())
                + " from a Sobol' design), seed " + settings.seed() + "; each later one maximises expected improvement"
                + " under a Gaussian process of the results so far, one per free executor slot";
    }
}
