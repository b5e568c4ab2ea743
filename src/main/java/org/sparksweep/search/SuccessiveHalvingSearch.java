package org.sparksweep.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.trial.Direction;
import org.sparksweep.trial.Objective;

/** {@code asha} and {@code hyperband}: the spec's side of {@link SuccessiveHalving}. */
abstract class SuccessiveHalvingSearch implements StrategyFactory {
    static final List<String> OPTIONS = List.of("budget", "eta");
    private final boolean hyperband;

    SuccessiveHalvingSearch(boolean hyperband) {
        this.hyperband = hyperband;
    }

    @Override
    public List<String> options() {
        return OPTIONS;
    }

    @Override
    public List<SearchProblem> check(SearchSettings settings, SearchSpace space) {
        List<SearchProblem> problems = new ArrayList<>();
        if (settings.trials() == null) {
            problems.add(new SearchProblem("search.trials", name() + " needs the number of configs to sample: add trials: N"));
        } else if (settings.trials() < 1) {
            problems.add(new SearchProblem("search.trials", "must be >= 1, got " + settings.trials()));
        }
        EarlyStoppingOptions.budget(settings.options(), space, problems);
        EarlyStoppingOptions.intAtLeast(settings.options(), "eta", EarlyStoppingOptions.DEFAULT_ETA, 2, problems);
        return problems;
    }

    @Override
    public Strategy create(SearchSettings settings, SearchSpace space, Objective objective) {
        List<SearchProblem> problems = new ArrayList<>();
        EarlyStoppingOptions.Budget budget = EarlyStoppingOptions.budget(settings.options(), space, problems);
        int eta = EarlyStoppingOptions.intAtLeast(settings.options(), "eta", EarlyStoppingOptions.DEFAULT_ETA, 2, problems);
        if (!problems.isEmpty()) throw new IllegalArgumentException(name() + ": " + problems);
        return new SuccessiveHalving(space, new SuccessiveHalving.Settings(settings.trials(), settings.seed(),
                objective.direction() == Direction.MINIMIZE, budget.setting(), budget.min(), budget.max(), eta, hyperband));
    }

    @Override
    public String plan(SearchSettings settings, SearchSpace space) {
        List<SearchProblem> problems = new ArrayList<>();
        EarlyStoppingOptions.Budget budget = EarlyStoppingOptions.budget(settings.options(), space, problems);
        int eta = EarlyStoppingOptions.intAtLeast(settings.options(), "eta", EarlyStoppingOptions.DEFAULT_ETA, 2, problems);
        if (budget == null) return name() + ": " + problems;
        return name() + ": " + settings.trials() + " configs, " + budget.setting() + " per rung " + Arrays.toString(SuccessiveHalving.budgets(budget.min(), budget.max(), eta))
                + ", top 1/" + eta + " promoted" + (hyperband ? ", one bracket per starting rung" : "") + ", seed " + settings.seed();
    }
}
