package org.sparksweep.search;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.sparksweep.space.TrialConfig;
import org.sparksweep.trial.TrialResult;

/**
 * An adaptive strategy's bookkeeping of its proposals: the trial budget left, the next trial number,
 * and the configs proposed but not yet told (what its decoder snapshot holds). Shared by the
 * strategies that propose one config per trial from what they have learnt (tpe, nsga2).
 */
final class Proposals {
    private final String strategy;
    private final Map<Long, TrialConfig> pending = new LinkedHashMap<>();
    private long next;
    private long remaining;

    Proposals(String strategy, long trials) {
        this.strategy = strategy;
        this.remaining = trials;
    }

    /** Proposes up to {@code count} trials, each config made by {@code propose} from its trial number; Done when the budget is spent. */
    Proposal take(long count, LongFunction<TrialConfig> propose) {
        if (remaining <= 0) return new Proposal.Done();
        long from = next;
        long n = Math.min(Math.max(1, count), remaining);
        for (long i = 0; i < n; i++) {
            pending.put(next, propose.apply(next));
            next++;
        }
        remaining -= n;
        return new Proposal.Indices(from, next);
    }

    /** The config of a told trial, no longer pending; null when it is not one of these proposals (or was told already). */
    TrialConfig told(long index) {
        return pending.remove(index);
    }

    /** A resumed sweep's records count against the budget, and new trials are numbered after the highest recorded one. */
    void resumeAfter(List<TrialResult> recorded, long trials) {
        if (next > 0 || !pending.isEmpty()) throw new IllegalStateException("resume comes before the first proposal");
        for (TrialResult r : recorded) next = Math.max(next, r.index() + 1);
        remaining = Math.max(0, trials - recorded.size());
    }

    boolean spent() {
        return remaining <= 0;
    }

    int running() {
        return pending.size();
    }

    Collection<TrialConfig> runningConfigs() {
        return pending.values();
    }

    IndexDecoder decoder() {
        return IndexDecoder.snapshot(pending, strategy);
    }
}
