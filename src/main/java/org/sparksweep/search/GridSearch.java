package org.sparksweep.search;

import java.util.ArrayList;
import java.util.List;
import org.sparksweep.space.Parameter;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.trial.Objective;

/** Every distinct config of the grid, in mixed-radix index order. */
public final class GridSearch implements StrategyFactory {

    @Override
    public String name() {
        return "grid";
    }

    @Override
    public List<SearchProblem> check(SearchSettings settings, StrategyOptions options, SearchSpace space) {
        List<SearchProblem> problems = new ArrayList<>();
        if (settings.trials() != null) {
            problems.add(new SearchProblem("search.trials", "grid runs every grid point; remove trials, or use strategy random to sample "
                    + settings.trials() + " configs"));
        }
        for (Parameter p : space.parameters()) {
            if (!p.domain().griddable()) {
                problems.add(new SearchProblem("space." + p.name(), "grid needs explicit values for a continuous range: add points: N"
                        + (p.domain() instanceof org.sparksweep.space.Domain.Uniform ? " (or q: STEP)" : "") + ", or use choice"));
            }
        }
        return problems;
    }

    @Override
    public Strategy create(SearchSettings settings, StrategyOptions options, SearchSpace space, Objective objective) {
        long size = space.gridSize().orElseThrow();
        return new IndexRangeStrategy(size, space::gridConfig);
    }

    @Override
    public String plan(SearchSettings settings, StrategyOptions options, SearchSpace space) {
        return "grid: " + space.gridSize().orElseThrow() + " grid points";
    }
}
