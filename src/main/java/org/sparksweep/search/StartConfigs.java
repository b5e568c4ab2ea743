package org.sparksweep.search;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sparksweep.search.StrategyFactory.SearchProblem;
import org.sparksweep.space.Domain;
import org.sparksweep.space.Parameter;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.space.TrialConfig;
import org.sparksweep.space.ValueType;

/**
 * Warm start: configs a sampling strategy runs first, before its own samples: the user's
 * ({@code search.startWith: [{...}, ...]}) and the best of an earlier sweep's leaderboard (which the
 * engine reads and appends to the same option). Config n of the strategy is start config n while there
 * are any, then its seeded sample n − (number of start configs), so the samples after them are the ones
 * the strategy would have drawn without a warm start.
 */
public record StartConfigs(List<TrialConfig> configs) implements Serializable {
    /** The option under {@code search:} that lists them. */
    public static final String OPTION = "startWith";
    public static final StartConfigs NONE = new StartConfigs(List.of());
    /** The option naming an earlier sweep whose best configs start this one: {@code warmStart: {sweep: NAME, top: K}}. */
    public static final String WARM_START = "warmStart";

    public StartConfigs {
        configs = List.copyOf(configs);
    }

    public int size() {
        return configs.size();
    }

    /** Config number n: a start config, else the seeded sample after them. */
    public TrialConfig config(SearchSpace space, long seed, long n) {
        return n < configs.size() ? configs.get((int) n) : space.sample(seed, n - configs.size());
    }

    /**
     * The start configs of {@code search.startWith}, each checked against the space (every active parameter
     * given, of its type and in its domain; nothing the space does not have), with problems added for bad ones.
     *
     * @param ignored keys a config may carry besides the space's (e.g. successive halving's budget setting), dropped
     */
    public static StartConfigs read(Map<String, Object> options, SearchSpace space, List<SearchProblem> problems, String... ignored) {
        Object v = options.get(OPTION);
        if (v == null) return NONE;
        if (!(v instanceof List<?> list)) {
            problems.add(new SearchProblem("search." + OPTION, "must be a list of configs, e.g. [{learningRate: 0.01, width: 64}], got " + v));
            return NONE;
        }
        List<TrialConfig> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String field = "search." + OPTION + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                problems.add(new SearchProblem(field, "must be a mapping of parameter to value, got " + list.get(i)));
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>();
            m.forEach((k, x) -> values.put(String.valueOf(k), x));
            for (String k : ignored) values.remove(k);
            TrialConfig c = check(values, space, field, problems);
            if (c != null) out.add(c);
        }
        return new StartConfigs(out);
    }

    /** Checks the shape of {@code warmStart: {sweep: NAME, top: K}}; the engine reads that sweep's leaderboard. */
    public static void checkWarmStart(Map<String, Object> options, List<SearchProblem> problems) {
        Object v = options.get(WARM_START);
        if (v == null) return;
        if (!(v instanceof Map<?, ?> m)) {
            problems.add(new SearchProblem("search." + WARM_START, "must be a mapping like {sweep: earlier-sweep, top: 5}, got " + v));
            return;
        }
        for (Object k : m.keySet()) {
            if (!List.of("sweep", "top").contains(String.valueOf(k))) {
                problems.add(new SearchProblem("search." + WARM_START + "." + k, "unknown key; allowed: [sweep, top]"));
            }
        }
        if (!(m.get("sweep") instanceof String s) || s.isBlank()) {
            problems.add(new SearchProblem("search." + WARM_START + ".sweep", "missing: the name of an earlier sweep under the same output root"));
        }
        Object top = m.get("top");
        if (top != null && (!(top instanceof Integer || top instanceof Long) || ((Number) top).longValue() < 1)) {
            problems.add(new SearchProblem("search." + WARM_START + ".top", "must be a whole number >= 1 (default 5), got " + top));
        }
    }

    /** A user-given point as the space would have sampled it (typed, in the space's order), or null with problems. */
    static TrialConfig check(Map<String, Object> values, SearchSpace space, String field, List<SearchProblem> problems) {
        int before = problems.size();
        for (String k : values.keySet()) {
            if (space.parameters().stream().noneMatch(p -> p.name().equals(k))) {
                problems.add(new SearchProblem(field + "." + k, "is not a parameter of space: (it has "
                        + space.parameters().stream().map(Parameter::name).toList() + "); set fixed values under model:"));
            }
        }
        Map<String, Object> typed = new LinkedHashMap<>();
        for (Parameter p : space.parentsFirst()) {
            boolean active = !p.conditional() || (typed.containsKey(p.when().parent()) && p.when().holdsFor(typed.get(p.when().parent())));
            Object x = values.get(p.name());
            if (!active) {
                if (x != null) problems.add(new SearchProblem(field + "." + p.name(), "is inactive here (" + p.when().describe() + "); remove it"));
                continue;
            }
            if (x == null) {
                problems.add(new SearchProblem(field + "." + p.name(), "missing: a start config gives every active parameter"));
                continue;
            }
            Object t = typed(p.domain(), x);
            if (t == null) {
                problems.add(new SearchProblem(field + "." + p.name(), "value " + x + " is not in " + p.domain().describe()));
                continue;
            }
            typed.put(p.name(), t);
        }
        if (problems.size() > before) return null;
        LinkedHashMap<String, Object> ordered = new LinkedHashMap<>();
        for (Parameter p : space.parameters()) if (typed.containsKey(p.name())) ordered.put(p.name(), typed.get(p.name()));
        return new TrialConfig(ordered);
    }

    /** The value as the domain's type, or null when it is not one of the domain's values. */
    private static Object typed(Domain d, Object x) {
        Object t = x;
        if (d.type() == ValueType.LONG && x instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) t = n.longValue();
        else if (d.type() == ValueType.DOUBLE && x instanceof Number n) t = n.doubleValue();
        if (d.discrete()) return d.indexOf(t) >= 0 ? t : null;
        if (!(t instanceof Double value)) return null;
        double lo = ((Number) d.sample(0.0)).doubleValue(), hi = ((Number) d.sample(Math.nextDown(1.0))).doubleValue();
        return value >= Math.min(lo, hi) - 1e-12 && value <= Math.max(lo, hi) + 1e-12 ? value : null;
    }
}
