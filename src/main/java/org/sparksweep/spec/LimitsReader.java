package org.sparksweep.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Reads when a sweep stops early: {@code stop:} (a good-enough objective) and {@code budget:}
 * (wall clock, a timeout per trial, how many failed trials are tolerated).
 */
final class LimitsReader {
    private final SpecTree tree;

    LimitsReader(SpecTree tree) {
        this.tree = tree;
    }

    /** The limits of both blocks; a value with a problem (reported) is left unset. */
    SweepLimits read(JsonNode stopNode, JsonNode budgetNode) {
        Double objective = null;
        SpecTree.Mapping stop = tree.object(stopNode, "stop");
        if (stop != null) {
            stop.rejectUnknown(List.of("objective"));
            JsonNode o = stop.get("objective");
            if (o != null) {
                objective = SpecTree.number(o);
                if (objective == null) {
                    tree.problem("stop.objective", "must be a number (stop once a trial's objective is at least this good), got " + SpecTree.plain(o));
                }
            }
        }
        Double wallClock = null, trialTimeout = null;
        Long maxFailed = null;
        SpecTree.Mapping budget = tree.object(budgetNode, "budget");
        if (budget != null) {
            budget.rejectUnknown(List.of("wallClock", "trialTimeout", "maxFailedTrials"));
            wallClock = tree.duration(budget.get("wallClock"), "budget.wallClock");
            trialTimeout = tree.duration(budget.get("trialTimeout"), "budget.trialTimeout");
            JsonNode m = budget.get("maxFailedTrials");
            if (m != null) {
                if (!m.isIntegralNumber() || m.asLong() < 0) tree.problem("budget.maxFailedTrials", "must be an integer >= 0, got " + SpecTree.plain(m));
                else maxFailed = m.asLong();
            }
        }
        return new SweepLimits(objective, wallClock, maxFailed, trialTimeout);
    }
}
