package org.sparksweep.store;

import java.io.Serializable;
import org.sparksweep.trial.Objective;

/**
 * How a sweep's trials were made, recorded alike on each of its rows so any row can be traced back to
 * its run: the trainer, the search strategy, the objective and the hash of the spec (the engine's
 * version is added by {@link LeaderboardSchema}).
 */
public record RowProvenance(String trainer, String strategy, Objective objective, String specHash) implements Serializable {}
