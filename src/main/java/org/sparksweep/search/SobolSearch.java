package org.sparksweep.search;

import java.util.ArrayList;
import java.util.List;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.trial.Objective;

/**
 * Quasi-random search: {@code trials} points of a scrambled Sobol' sequence (seeded), one dimension
 * per parameter. For the same count it covers the space more evenly than independent random
 * samples; counts that are powers of two keep the sequence's balance properties exactly.
 */
public final class SobolSearch implements StrategyFactory {

    @Override
    public String name() {
        return "sobol";
    }

    @Override
    public List<SearchProblem> check(SearchSettings settings, StrategyOptions options, SearchSpace space) {
        List<SearchProblem> problems = new ArrayList<>();
        if (settings.trials() == null) {
            problems.add(new SearchProblem("search.trials", "sobol search needs the number of points: add trials: N (a power of two is best)"));
        } else if (settings.trials() < 1 || settings.trials() > SobolSequence.MAX_POINTS) {
            problems.add(new SearchProblem("search.trials", "must be between 1 and 2^32, got " + settings.trials()));
        }
        if (space.parameters().size() > SobolSequence.maxDimensions()) {
            problems.add(new SearchProblem("space", "sobol search supports up to " + SobolSequence.maxDimensions()
                    + " parameters, the space has " + space.parameters().size() + ": use random search"));
        }
        return problems;
    }

    @Override
    public Strategy create(SearchSettings settings, StrategyOptions options, SearchSpace space, Objective objective) {
        SobolSequence points = new SobolSequence(Math.max(1, space.parameters().size()), settings.seed());
        return new IndexRangeStrategy(settings.trials(), index -> space.sample(index, points));
    }

    @Override
    public String plan(SearchSettings settings, StrategyOptions options, SearchSpace space) {
        long n = settings.trials();
        String note = Long.bitCount(n) == 1 ? "" : " (not a power of two: the last points cover the space less evenly; "
                + Long.highestOneBit(n) + " or " + (Long.highestOneBit(n) << 1) + " would balance it)";
        return "sobol: " + n + " scrambled Sobol' points, seed " + settings.seed() + note;
    }
}
