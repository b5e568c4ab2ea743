package org.sparksweep.search;

import java.util.ArrayList;
import java.util.List;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.trial.Objective;

/** {@code trials} independent samples; sample i depends only on the seed and i. */
public final class RandomSearch implements StrategyFactory {

    @Override
    public String name() {
        return "random";
    }

    @Override
    public List<SearchProblem> check(SearchSettings settings, StrategyOptions options, SearchSpace space) {
        List<SearchProblem> problems = new ArrayList<>();
        if (settings.trials() == null) {
            problems.add(new SearchProblem("search.trials", "random search needs the number of samples: add trials: N"));
        } else if (settings.trials() < 1) {
            problems.add(new SearchProblem("search.trials", "must be >= 1, got " + settings.trials()));
        }
        return problems;
    }

    @Override
    public Strategy create(SearchSettings settings, StrategyOptions options, SearchSpace space, Objective objective) {
        long seed = settings.seed();
        return new IndexRangeStrategy(settings.trials(), index -> space.sample(seed, index));
    }

    @Override
    public String plan(SearchSettings settings, StrategyOptions options, SearchSpace space) {
        String note = space.gridSize().isPresent() && space.gridSize().getAsLong() < settings.trials()
                ? " (the space has only " + space.gridSize().getAsLong() + " distinct configs: expect repeats; grid would run each once)"
                : "";
        return "random: " + settings.trials() + " samples, seed " + settings.seed() + note;
    }
}
