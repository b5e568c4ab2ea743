package org.sparksweep.search;

import java.util.Map;
import org.sparksweep.plugin.Registry;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.trial.Goals;

/** The strategies on the classpath, by name. */
public final class Strategies {
    private static final Registry<StrategyFactory> REGISTRY =
            new Registry<>(StrategyFactory.class, "search strategy", StrategyFactory::name);

    private Strategies() {}

    public static StrategyFactory get(String name) {
        return REGISTRY.get(name);
    }

    /**
     * The strategy a sweep runs: a multi-objective strategy gets the goals as they are; any other
     * strategy of a sweep with a scalarization is told the scalarized value as each trial's objective.
     */
    public static Strategy create(SearchSettings settings, SearchSpace space, Goals goals) {
        StrategyFactory factory = get(settings.strategy());
        StrategyOptions options = StrategyOptions.read(factory, settings).orThrow(factory.name());
        if (factory.multiObjective()) return factory.create(settings, options, space, goals);
        Strategy strategy = factory.create(settings, options, space, goals.primary());
        return goals.scalarization() == null && goals.constraints().isEmpty() ? strategy : new ScalarizedStrategy(strategy, goals);
    }

    public static Map<String, StrategyFactory> all() {
        return REGISTRY.all();
    }
}
