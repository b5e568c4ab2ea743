package org.sparksweep.search;

import java.util.ArrayList;
import java.util.List;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.trial.Direction;
import org.sparksweep.trial.Objective;

/** {@code median}: random search with the median stopping rule, see {@link MedianStopping}. */
public final class MedianStoppingSearch implements StrategyFactory {
    static final List<String> OPTIONS = List.of("minTrials", "warmupSteps");

    @Override
    public String name() {
        return "median";
    }

    @Override
    public List<String> options() {
        return OPTIONS;
    }

    @Override
    public List<SearchProblem> check(SearchSettings settings, SearchSpace space) {
        List<SearchProblem> problems = new ArrayList<>();
        if (settings.trials() == null) {
            problems.add(new SearchProblem("search.trials", "median needs the number of trials: add trials: N"));
        } else if (settings.trials() < 1) {
            problems.add(new SearchProblem("search.trials", "must be >= 1, got " + settings.trials()));
        }
        EarlyStoppingOptions.intAtLeast(settings.options(), "minTrials", EarlyStoppingOptions.DEFAULT_MIN_TRIALS, 1, problems);
        EarlyStoppingOptions.intAtLeast(settings.options(), "warmupSteps", EarlyStoppingOptions.DEFAULT_WARMUP_STEPS, 1, problems);
        return problems;
    }

    @Override
    public Strategy create(SearchSettings settings, SearchSpace space, Objective objective) {
        List<SearchProblem> problems = new ArrayList<>();
        int minTrials = EarlyStoppingOptions.intAtLeast(settings.options(), "minTrials", EarlyStoppingOptions.DEFAULT_MIN_TRIALS, 1, problems);
        int warmup = EarlyStoppingOptions.intAtLeast(settings.options(), "warmupSteps", EarlyStoppingOptions.DEFAULT_WARMUP_STEPS, 1, problems);
        if (!problems.isEmpty()) throw new IllegalArgumentException("median: " + problems);
        return new MedianStopping(space, new MedianStopping.Settings(settings.trials(), settings.seed(), objective.metric(),
                objective.direction() == Direction.MINIMIZE, minTrials, warmup));
    }

    @Override
    public String plan(SearchSettings settings, SearchSpace space) {
        List<SearchProblem> ignored = new ArrayList<>();
        return "median: " + settings.trials() + " random trials, seed " + settings.seed() + "; a trial stops when its best is worse than the median of "
                + "finished trials at the same step (after " + EarlyStoppingOptions.intAtLeast(settings.options(), "minTrials",
                EarlyStoppingOptions.DEFAULT_MIN_TRIALS, 1, ignored) + " finished curves, from step "
                + EarlyStoppingOptions.intAtLeast(settings.options(), "warmupSteps", EarlyStoppingOptions.DEFAULT_WARMUP_STEPS, 1, ignored) + ")";
    }
}
