package org.sparksweep.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.sparksweep.plugin.Knob;
import org.sparksweep.search.gp.GaussianProcessOptimizer;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.trial.Direction;
import org.sparksweep.trial.Objective;

/**
 * Bayesian optimisation with a Gaussian process ({@link GpStrategy}): {@code trials} trials, the
 * first {@code startupTrials} from a scrambled Sobol' design, then each maximising expected
 * improvement (half of them leave a basin the search has stalled in, three in four once the stall
 * lasts). Options:
 * {@code startupTrials} (default: 1 per searched parameter, at least 5, at most 10),
 * {@code candidates} (default 1024, quasi-random points scored per proposal) and {@code maxPoints}
 * (default 400, the most results the model conditions on).
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
    public List<Knob> options() {
        GaussianProcessOptimizer.Settings defaults = GaussianProcessOptimizer.Settings.defaults();
        return List.of(
                Knob.whole(STARTUP, 1L, 100_000L, null, "the first trials, from a scrambled Sobol' design (default: 1 per searched parameter, at least 5, at most 10)"),
                Knob.whole(CANDIDATES, 16L, 1_000_000L, (long) defaults.candidates(), "quasi-random points scored per proposal"),
                Knob.whole(MAX_POINTS, 10L, 5_000L, (long) defaults.maxPoints(), "the most results the model conditions on"));
    }

    @Override
    public List<SearchProblem> check(SearchSettings settings, StrategyOptions options, SearchSpace space) {
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
        return problems;
    }

    @Override
    public Strategy create(SearchSettings settings, StrategyOptions options, SearchSpace space, Objective objective) {
        return new GpStrategy(space, settings(settings, options, space, objective));
    }

    static GpStrategy.Settings settings(SearchSettings settings, StrategyOptions options, SearchSpace space, Objective objective) {
        GaussianProcessOptimizer.Settings model = new GaussianProcessOptimizer.Settings(
                options.intValue(CANDIDATES), options.intValue(MAX_POINTS), GaussianProcessOptimizer.Settings.defaults().fitIterations(),
                perfectLoss(objective));
        return new GpStrategy.Settings(settings.trials(), settings.seed(), objective.direction() == Direction.MINIMIZE,
                options.intValue(STARTUP, defaultStartup(space)), model);
    }

    /**
     * The scores that cannot pass 1 and are perfect there: the classification metrics but log loss, and
     * R² (its gap to 1 is the squared error relative to the target's variance).
     */
    static final Set<String> PERFECT_AT_ONE = Set.of("accuracy", "f1_macro", "precision_macro", "recall_macro", "roc_auc", "r2");

    /** -1 (the loss of a perfect score) when the objective maximises one of {@link #PERFECT_AT_ONE}, else NaN. */
    static double perfectLoss(Objective objective) {
        return objective.direction() == Direction.MAXIMIZE && PERFECT_AT_ONE.contains(objective.metric()) ? -1 : Double.NaN;
    }

    /** One design point per searched parameter, at least 5 and at most 10. */
    static int defaultStartup(SearchSpace space) {
        long searched = space.parameters().stream().filter(p -> !(p.domain() instanceof org.sparksweep.space.Domain.Fixed)).count();
        return (int) Math.max(5, Math.min(10, searched));
    }

    @Override
    public String plan(SearchSettings settings, StrategyOptions options, SearchSpace space) {
        int startup = options.intValue(STARTUP, defaultStartup(space));
        return "gp: " + settings.trials() + " trials (the first " + Math.min(startup, settings.trials())
                + " from a Sobol' design), seed " + settings.seed() + "; each later one maximises expected improvement"
                + " under a Gaussian process of the results so far, one per free executor slot";
    }
}
