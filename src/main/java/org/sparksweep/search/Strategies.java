package org.sparksweep.search;

import java.util.Map;
import org.sparksweep.plugin.Registry;

/** The strategies on the classpath, by name. */
public final class Strategies {
    private static final Registry<StrategyFactory> REGISTRY =
            new Registry<>(StrategyFactory.class, "search strategy", StrategyFactory::name);

    private Strategies() {}

    public static StrategyFactory get(String name) {
        return REGISTRY.get(name);
    }

    public static Map<String, StrategyFactory> all() {
        return REGISTRY.all();
    }
}
