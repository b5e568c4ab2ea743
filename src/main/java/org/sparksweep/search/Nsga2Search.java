package org.sparksweep.search;

import java.util.ArrayList;
import java.util.List;
import org.sparksweep.plugin.Knob;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.trial.Goals;
import org.sparksweep.trial.Objective;

/** {@code strategy: nsga2}: {@link Nsga2Strategy} over the sweep's objectives and constraints. */
public final class Nsga2Search implements StrategyFactory {

    @Override
    public String name() {
        return "nsga2";
    }

    static final String POPULATION = "populationSize";

    @Override
    public List<Knob> options() {
        return List.of(Knob.whole(POPULATION, 2L, 100_000L, (long) Nsga2Strategy.Settings.DEFAULT_POPULATION,
                "configs per generation; the first generation is random"));
    }

    @Override
    public List<SearchProblem> check(SearchSettings settings, StrategyOptions options, SearchSpace space) {
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
    public Strategy create(SearchSettings settings, StrategyOptions options, SearchSpace space, Objective objective) {
        return create(settings, options, space, Goals.of(objective)); // one objective: a genetic algorithm on it
    }

    @Override
    public Strategy create(SearchSettings settings, StrategyOptions options, SearchSpace space, Goals goals) {
        return new Nsga2Strategy(space, Nsga2Strategy.Settings.of(settings.trials(), settings.seed(), options.intValue(POPULATION)), goals);
    }

    @Override
    public String plan(SearchSettings settings, StrategyOptions options, SearchSpace space) {
        int population = options.intValue(POPULATION);
        return "nsga2: " + settings.trials() + " trials, population " + population + " (the first "
                + population + " random), seed " + settings.seed();
    }
}
