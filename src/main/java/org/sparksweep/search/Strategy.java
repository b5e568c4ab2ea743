package org.sparksweep.search;

import java.util.List;
import java.util.OptionalLong;
import org.sparksweep.trial.TrialResult;

/**
 * A search strategy, asked for trials and told their results. Trials are proposed as index ranges
 * that the executors decode with {@link #decoder()}, so the driver never materialises the configs.
 * Grid and random search ignore what they are told; adaptive strategies learn from it. Called from
 * the driver loop's thread only.
 */
public interface Strategy {

    /** Up to {@code max} more trials, or Wait / Done. */
    Proposal ask(int max);

    /**
     * One finished trial's result. A result with status SKIPPED_CONSTRAINT broke a constraint: either
     * predicted before training (no objective) or measured after it (its objective is the value it
     * reached); adaptive strategies should learn to avoid such configs rather than ignore them.
     */
    void tell(TrialResult result);

    /** How many trials the whole search will run, when known in advance. */
    OptionalLong plannedTrials();

    /**
     * Decodes the indices of the trials proposed so far. The engine takes it after every {@link #ask}
     * and ships it with the trials of that ask, so an adaptive strategy may return a snapshot of its
     * pending proposals.
     */
    IndexDecoder decoder();

    /**
     * The result of a trial this strategy did not propose (a warm-start config, see {@link WarmStart}).
     * Adaptive strategies learn from it as from their own; others ignore it.
     */
    default void learn(TrialResult result) {}

    /**
     * Whether proposals depend on results. The engine asks such a strategy only for slots that are
     * free at that moment (so each proposal sees every result told before it), instead of keeping a
     * queue of trials ahead of the executors.
     */
    default boolean adaptive() {
        return false;
    }

    /**
     * The results an earlier run of this sweep recorded (the sweep is resumed), told once before the
     * first {@link #ask}; only adaptive strategies are told. They learn from them, count them against
     * their budget, and propose indices above the highest recorded one. Others need nothing: the
     * engine skips indices that already have a record.
     */
    default void resume(List<TrialResult> recorded) {
        recorded.forEach(this::tell);
    }
}
