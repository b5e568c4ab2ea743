package org.sparksweep.search;

import java.util.List;
import java.util.Map;
import org.sparksweep.plugin.Knob;
import org.sparksweep.search.StrategyFactory.SearchProblem;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.space.ValueType;

/**
 * The {@code search:} options the early-stopping strategies share, declared once: the budget
 * ({@code budget: {setting: epochs, min: 1, max: 27}}), {@code eta}, and the median rule's
 * {@code minTrials} and {@code warmupSteps}.
 */
final class EarlyStoppingOptions {
    static final String BUDGET = "budget";
    static final String ETA = "eta";
    static final String MIN_TRIALS = "minTrials";
    static final String WARMUP_STEPS = "warmupSteps";

    static final Knob BUDGET_KNOB = Knob.mapping(BUDGET,
            "which trainer setting is the budget and its range, e.g. budget: {setting: epochs, min: 1, max: 27}", List.of(
                    Knob.of("setting", ValueType.STRING, null, "the trainer setting the budget goes to, e.g. setting: epochs"),
                    Knob.whole("min", 1L, null, null, "the budget of the first rung"),
                    Knob.whole("max", 1L, null, null, "the largest budget a trial gets")));
    static final Knob ETA_KNOB = Knob.whole(ETA, 2L, null, 3L, "1/eta of a rung's trials are promoted to the next, eta times the budget");
    static final Knob MIN_TRIALS_KNOB = Knob.whole(MIN_TRIALS, 1L, null, 5L, "finished curves needed before a trial may be stopped");
    static final Knob WARMUP_STEPS_KNOB = Knob.whole(WARMUP_STEPS, 1L, null, 1L, "the step from which a trial may be stopped");

    private EarlyStoppingOptions() {}

    /** Successive halving's budget: which trainer setting, from what to what. */
    record Budget(String setting, long min, long max) {}

    /** The budget the options give, checked against the space; null with problems when it has one. */
    static Budget budget(StrategyOptions options, SearchSpace space, List<SearchProblem> problems) {
        if (!options.given(BUDGET)) {
            problems.add(new SearchProblem("search.budget", "missing: say which trainer setting is the budget and its range, e.g. budget: {setting: epochs, min: 1, max: 27}"));
            return null;
        }
        Map<String, Object> m = options.mapping(BUDGET);
        if (m == null) return null; // its keys have problems of their own, see StrategyOptions
        if (!(m.get("setting") instanceof String s) || s.isBlank()) {
            problems.add(new SearchProblem("search.budget.setting", "missing: the trainer setting the budget goes to, e.g. setting: epochs"));
            return null;
        }
        if (space.parameters().stream().anyMatch(p -> p.name().equals(s))) {
            problems.add(new SearchProblem("space." + s, "is the search's budget (search.budget.setting); the strategy sets it per rung: remove it from space:"));
        }
        for (String bound : List.of("min", "max")) {
            if (m.get(bound) == null) problems.add(new SearchProblem("search.budget." + bound, "missing: a whole number >= 1"));
        }
        if (m.get("min") == null || m.get("max") == null) return null;
        long min = (Long) m.get("min"), max = (Long) m.get("max");
        if (max <= min) {
            problems.add(new SearchProblem("search.budget.max", "must be larger than min (" + min + "), got " + max));
            return null;
        }
        return new Budget(s, min, max);
    }
}
