package org.sparksweep.search;

import java.util.List;
import java.util.Map;
import org.sparksweep.plugin.UnknownKeys;
import org.sparksweep.search.StrategyFactory.SearchProblem;
import org.sparksweep.space.SearchSpace;

/**
 * The {@code search:} options the early-stopping strategies share, read and checked the same way: the budget
 * ({@code budget: {setting: epochs, min: 1, max: 27}}), {@code eta}, and the median rule's
 * {@code minTrials} and {@code warmupSteps}.
 */
final class EarlyStoppingOptions {
    static final int DEFAULT_ETA = 3;
    static final int DEFAULT_MIN_TRIALS = 5;
    static final int DEFAULT_WARMUP_STEPS = 1;
    private static final List<String> BUDGET_KEYS = List.of("setting", "min", "max");

    private EarlyStoppingOptions() {}

    /** Successive halving's budget: which trainer setting, from what to what. */
    record Budget(String setting, long min, long max) {}

    static Budget budget(Map<String, Object> options, SearchSpace space, List<SearchProblem> problems) {
        Object b = options.get("budget");
        if (!(b instanceof Map<?, ?> m)) {
            problems.add(new SearchProblem("search.budget", b == null
                    ? "missing: say which trainer setting is the budget and its range, e.g. budget: {setting: epochs, min: 1, max: 27}"
                    : "must be a mapping like {setting: epochs, min: 1, max: 27}, got " + b));
            return null;
        }
        for (Object k : m.keySet()) {
            if (!BUDGET_KEYS.contains(String.valueOf(k))) {
                problems.add(new SearchProblem("search.budget." + k, UnknownKeys.message(String.valueOf(k), BUDGET_KEYS, "", true)));
            }
        }
        Object setting = m.get("setting");
        if (!(setting instanceof String s) || s.isBlank()) {
            problems.add(new SearchProblem("search.budget.setting", "missing: the trainer setting the budget goes to, e.g. setting: epochs"));
            return null;
        }
        if (space.parameters().stream().anyMatch(p -> p.name().equals(s))) {
            problems.add(new SearchProblem("space." + s, "is the search's budget (search.budget.setting); the strategy sets it per rung: remove it from space:"));
        }
        Long min = positiveLong(m.get("min"), "search.budget.min", problems);
        Long max = positiveLong(m.get("max"), "search.budget.max", problems);
        if (min == null || max == null) return null;
        if (max <= min) {
            problems.add(new SearchProblem("search.budget.max", "must be larger than min (" + min + "), got " + max));
            return null;
        }
        return new Budget(s, min, max);
    }

    static int intAtLeast(Map<String, Object> options, String key, int fallback, int least, List<SearchProblem> problems) {
        Object v = options.get(key);
        if (v == null) return fallback;
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            problems.add(new SearchProblem("search." + key, "must be an integer, got " + v));
            return fallback;
        }
        if (n.longValue() < least) {
            problems.add(new SearchProblem("search." + key, "must be >= " + least + ", got " + n));
            return fallback;
        }
        return Math.toIntExact(n.longValue());
    }

    private static Long positiveLong(Object v, String field, List<SearchProblem> problems) {
        if (v == null) {
            problems.add(new SearchProblem(field, "missing: a whole number >= 1"));
            return null;
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.longValue() < 1) {
            problems.add(new SearchProblem(field, "must be a whole number >= 1, got " + v));
            return null;
        }
        return n.longValue();
    }
}
