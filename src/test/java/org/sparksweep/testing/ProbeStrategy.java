package org.sparksweep.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import org.sparksweep.search.IndexDecoder;
import org.sparksweep.search.Proposal;
import org.sparksweep.search.SearchSettings;
import org.sparksweep.search.Strategy;
import org.sparksweep.search.StrategyFactory;
import org.sparksweep.search.StrategyOptions;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.space.TrialConfig;
import org.sparksweep.trial.Objective;
import org.sparksweep.trial.TrialResult;

/**
 * An adaptive strategy that watches how the engine drives it ({@code test-probe}): it proposes
 * {@code x1} = how many results it had been told when it proposed the trial, and its decoder knows
 * only the proposals of the latest ask, so a trial decoded with an older decoder fails. What it saw is
 * kept in {@link #ASKS} for the test (local mode: one JVM).
 */
public final class ProbeStrategy implements StrategyFactory {
    /** One ask: how many it was asked for, how many of its trials were running, how many results it had. */
    public record Ask(int max, int running, int told) {}

    public static final List<Ask> ASKS = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
        return "test-probe";
    }

    @Override
    public List<SearchProblem> check(SearchSettings settings, StrategyOptions options, SearchSpace space) {
        return settings.trials() == null ? List.of(new SearchProblem("search.trials", "add trials: N")) : List.of();
    }

    @Override
    public Strategy create(SearchSettings settings, StrategyOptions options, SearchSpace space, Objective objective) {
        long trials = settings.trials();
        return new Strategy() {
            private final Map<Long, TrialConfig> running = new LinkedHashMap<>();
            private Map<Long, TrialConfig> latest = Map.of();
            private long next;
            private int told;

            @Override
            public Proposal ask(int max) {
                ASKS.add(new Ask(max, running.size(), told));
                if (next >= trials) return new Proposal.Done();
                long from = next;
                Map<Long, TrialConfig> proposed = new LinkedHashMap<>();
                for (int i = 0; i < max && next < trials; i++, next++) {
                    TrialConfig c = new TrialConfig(Map.of("x1", (double) told, "x2", (double) next));
                    proposed.put(next, c);
                    running.put(next, c);
                }
                latest = proposed;
                return new Proposal.Indices(from, next);
            }

            @Override
            public void tell(TrialResult result) {
                if (running.remove(result.index()) != null) told++;
            }

            @Override
            public OptionalLong plannedTrials() {
                return OptionalLong.of(trials);
            }

            @Override
            public IndexDecoder decoder() {
                Map<Long, TrialConfig> snapshot = Map.copyOf(latest);
                return index -> {
                    TrialConfig c = snapshot.get(index);
                    if (c == null) throw new IllegalStateException("trial " + index + " was not proposed by the latest ask " + snapshot.keySet());
                    return c;
                };
            }

            @Override
            public boolean adaptive() {
                return true;
            }
        };
    }

    @Override
    public String plan(SearchSettings settings, StrategyOptions options, SearchSpace space) {
        return "test-probe: " + settings.trials() + " trials";
    }

    /** A copy of the asks seen so far. */
    public static List<Ask> asks() {
        return new ArrayList<>(ASKS);
    }
}
