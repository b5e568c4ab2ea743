package org.sparksweep.search;

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

    /** One finished trial's result. */
    void tell(TrialResult result);

    /** How many trials the whole search will run, when known in advance. */
    OptionalLong plannedTrials();

    IndexDecoder decoder();
}
