package org.sparksweep.search;

import java.util.ArrayList;
import java.util.List;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.trial.Goals;

/** {@code strategy: nsga2}: {@link Nsga2Strategy} over the sweep's objectives and constraints. */
public final class Nsga2Search implements StrategyFactory {

    @Override
    public String name() {
        return "nsga2";
    }

    @Override
    public List<SearchProblem> check(SearchSettings settings, SearchSpace space) {
        List<SearchProblem> problems = new ArrayList<>();
        if (settings.trials() == null) {
            problems.add(new SearchProblem("search.trials", "nsga2 needs the number of trials: add trials: N"));
        } else if (settings.trials() < 1) {
            problems.add(new SearchProblem("search.trials", "must be >= 1, got " + settings.trials()));
        }
        return problems;
    }

    @Override
    public boolean multiObjective() {
        return true;
    }

    @Override
    public Strategy create(SearchSettings settings, SearchSpace space) {
        throw new IllegalStateException("nsga2 needs the sweep's objectives: create it with its goals");
    }

    @Override
    public Strategy create(SearchSettings settings, SearchSpace space, Goals goals) {
        return new Nsga2Strategy(space, Nsga2Strategy.Settings.of(settings.trials(), settings.seed(), populationSize(settings)), goals);
    }

    static int populationSize(SearchSettings settings) {
        return Nsga2Strategy.Settings.DEFAULT_POPULATION;
    }

    @Override
    public String plan(SearchSettings settings, SearchSpace space) {
        return "nsga2: " + settings.trials() + " trials, population " + populationSize(settings) + " (the first "
                + populationSize(settings) + " random), seed " + settings.seed();
    }
}
