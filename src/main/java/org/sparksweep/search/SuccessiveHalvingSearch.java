package org.sparksweep.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sparksweep.plugin.Knob;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.trial.Direction;
import org.sparksweep.trial.Objective;

/** {@code asha} and {@code hyperband}: the spec's side of {@link SuccessiveHalving}. */
abstract class SuccessiveHalvingSearch implements StrategyFactory {
    private final boolean hyperband;

    SuccessiveHalvingSearch(boolean hyperband) {
        this.hyperband = hyperband;
    }

    @Override
    public List<Knob> options() {
        return List.of(EarlyStoppingOptions.BUDGET_KNOB, EarlyStoppingOptions.ETA_KNOB);
    }

    @Override
    public List<SearchProblem> check(SearchSettings settings, StrategyOptions options, SearchSpace space) {
        List<SearchProblem> problems = new ArrayList<>();
        if (settings.trials() == null) {
            problems.add(new SearchProblem("search.trials", name() + " needs the number of configs to sample: add trials: N"));
        } else if (settings.trials() < 1) {
            problems.add(new SearchProblem("search.trials", "must be >= 1, got " + settings.trials()));
        }
        EarlyStoppingOptions.budget(options, space, problems);
        return problems;
    }

    @Override
    public Strategy create(SearchSettings settings, StrategyOptions options, SearchSpace space, Objective objective) {
        List<SearchProblem> problems = new ArrayList<>();
        EarlyStoppingOptions.Budget budget = EarlyStoppingOptions.budget(options, space, problems);
        if (!problems.isEmpty()) throw new IllegalArgumentException(name() + ": " + problems);
        return new SuccessiveHalving(space, new SuccessiveHalving.Settings(settings.trials(), settings.seed(),
                objective.direction() == Direction.MINIMIZE, budget.setting(), budget.min(), budget.max(),
                options.intValue(EarlyStoppingOptions.ETA), hyperband));
    }

    @Override
    public String plan(SearchSettings settings, StrategyOptions options, SearchSpace space) {
        List<SearchProblem> problems = new ArrayList<>(options.problems());
        EarlyStoppingOptions.Budget budget = EarlyStoppingOptions.budget(options, space, problems);
        if (budget == null || !problems.isEmpty()) return name() + ": " + problems;
        int eta = options.intValue(EarlyStoppingOptions.ETA);
        return name() + ": " + settings.trials() + " configs, " + budget.setting() + " per rung " + Arrays.toString(SuccessiveHalving.budgets(budget.min(), budget.max(), eta))
                + ", top 1/" + eta + " promoted" + (hyperband ? ", one bracket per starting rung" : "") + ", seed " + settings.seed();
    }
}
