package org.sparksweep.trainer;

import java.util.Map;

/**
 * What a trainer may tell the engine while it trains, and where its model's checkpoints live. A trainer
 * that trains in steps (epochs) reports its validation metrics after each step and stops when told to;
 * under successive halving it continues from the checkpoint of the trial it was promoted from and
 * leaves a checkpoint of its own for the next rung. Trainers that ignore it still work: their trials
 * simply run in full and from scratch.
 */
public interface TrialContext {

    /** A trial nobody watches: reports are dropped, no checkpoint is read or written. */
    TrialContext NONE = new TrialContext() {
        @Override
        public boolean report(long step, Map<String, Double> metrics) {
            return true;
        }

        @Override
        public String checkpoint() {
            return null;
        }

        @Override
        public String resumeFrom() {
            return null;
        }
    };

    /**
     * True when something decides after every step whether the trial goes on (a stopping rule), so the
     * trainer must report every step; false when the reports only draw the learning curve, which a
     * trainer may then report at an interval to save scoring time.
     */
    default boolean everyStep() {
        return false;
    }

    /**
     * The metrics after step {@code step} (from 1; an epoch for the network trainers), with the objective
     * among them. Returns false when the trial should stop now: the trainer then ends, reporting the
     * metrics of the step it stops at (or of its best step, as its early stopping would).
     */
    boolean report(long step, Map<String, Double> metrics);

    /**
     * A directory on the sweep's storage (a Hadoop FileSystem URI) to write the trained model to when the
     * trial ends, with what continuing its training needs (updater state, steps done); null when no
     * later trial will continue from this one.
     */
    String checkpoint();

    /** The directory of the checkpoint this trial continues from (its parent's {@link #checkpoint()}); null to start from scratch. */
    String resumeFrom();
}
