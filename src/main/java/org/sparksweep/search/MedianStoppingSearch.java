package org.sparksweep.search;

import java.util.ArrayList;
import java.util.List;
import org.sparksweep.plugin.Knob;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.trial.Direction;
import org.sparksweep.trial.Objective;

/** {@code median}: random search with the median stopping rule, see {@link MedianStopping}. */
public final class MedianStoppingSearch implements StrategyFactory {

    @Override
    public String name() {
        return "median";
    }

    @Override
    public List<Knob> options() {
        return List.of(EarlyStoppingOptions.MIN_TRIALS_KNOB, EarlyStoppingOptions.WARMUP_STEPS_KNOB);
    }

    @Override
    public List<SearchProblem> check(SearchSettings settings, StrategyOptions options, SearchSpace space) {
        List<SearchProblem> problems = new ArrayList<>();
        if (settings.trials() == null) {
            problems.add(new SearchProblem("search.trials", "median needs the number of trials: add trials: N"));
        } else if (settings.trials() < 1) {
            problems.add(new SearchProblem("search.trials", "must be >= 1, got " + settings.trials()));
        }
        return problems;
    }

    @Override
    public Strategy create(SearchSettings settings, StrategyOptions options, SearchSpace space, Objective objective) {
        return new MedianStopping(space, new MedianStopping.Settings(settings.trials(), settings.seed(), objective.metric(),
                objective.direction() == Direction.MINIMIZE, options.intValue(EarlyStoppingOptions.MIN_TRIALS),
                options.intValue(EarlyStoppingOptions.WARMUP_STEPS)));
    }

    @Override
    public String plan(SearchSettings settings, StrategyOptions options, SearchSpace space) {
        return "median: " + settings.trials() + " random trials, seed " + settings.seed() + "; a trial stops when its best is worse than the median of "
                + "finished trials at the same step (after " + options.intValue(EarlyStoppingOptions.MIN_TRIALS)
                + " finished curves, from step " + options.intValue(EarlyStoppingOptions.WARMUP_STEPS) + ")";
    }
}
