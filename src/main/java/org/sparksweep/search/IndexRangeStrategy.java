package org.sparksweep.search;

import java.util.OptionalLong;
import org.sparksweep.trial.TrialResult;

/** Hands out a fixed index range [0, total) in chunks; what grid and random search have in common. */
final class IndexRangeStrategy implements Strategy {
    private final long total;
    private final IndexDecoder decoder;
    private long next;

    IndexRangeStrategy(long total, IndexDecoder decoder) {
        this.total = total;
        this.decoder = decoder;
    }

    @Override
    public Proposal ask(int max) {
        if (next >= total) return new Proposal.Done();
        long to = Math.min(total, next + Math.max(1, max));
        Proposal p = new Proposal.Indices(next, to);
        next = to;
        return p;
    }

    @Override
    public void tell(TrialResult result) {
        // grid and random search do not adapt
    }

    @Override
    public OptionalLong plannedTrials() {
        return OptionalLong.of(total);
    }

    @Override
    public IndexDecoder decoder() {
        return decoder;
    }
}
