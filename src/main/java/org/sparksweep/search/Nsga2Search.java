package org.sparksweep.search;

import java.util.ArrayList;
import java.util.List;
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
    public List<String> options() {
        return List.of(POPULATION);
    }

    @Override
    public List<SearchProblem> check(SearchSettings settings, SearchSpace space) {
        List<SearchProblem> problems = new ArrayList<>();
        if (settings.trials() == null) {
            problems.add(new SearchProblem("search.trials", "nsga2 needs the number of trials: add trials: N"));
        } else if (settings.trials() < 1) {
            problems.add(new SearchProblem("search.trials", "must be >= 1, got " + settings.trials()));
        }
        Object v = settings.option(POPULATION);
        if (v != null && (!(v instanceof Integer || v instanceof Long) || ((Number) v).longValue() < 2 || ((Number) v).longValue() > 100_000)) {
            problems.add(new SearchProblem("search." + POPULATION, "must be a whole number from 2 to 100000, got " + v));
        }
        return problems;
    }

    @Override
    public boolean multiObjective() {
        return true;
    }

    @Override
    public Strategy create(SearchSettings settings, SearchSpace space, Objective objective) {
        return create(settings, space, Goals.of(objective)); // one objective: a genetic algorithm on it
    }

    @Override
    public Strategy create(SearchSettings settings, SearchSpace space, Goals goals) {
        return new Nsga2Strategy(space, Nsga2Strategy.Settings.of(settings.trials(), settings.seed(), populationSize(settings)), goals);
    }

    static int populationSize(SearchSettings settings) {
        Object v = settings.option(POPULATION);
        return v == null ? Nsga2Strategy.Settings.DEFAULT_POPULATION : Math.toIntExact(((Number) v).longValue());
    }

    @Override
    public String plan(SearchSettings settings, SearchSpace space) {
        return "nsga2: " + settings.trials() + " trials, population " + populationSize(settings) + " (the first "
                + populationSize(settings) + " random), seed " + settings.seed();
    }
}
