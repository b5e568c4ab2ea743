package org.sparksweep.trial;

/** How a trial ended. Only COMPLETED trials carry an objective and a rank. */
public enum TrialStatus {
    /** Trained and scored. */
    COMPLETED,
    /** The trainer threw; the message is in the row. */
    FAILED,
    /** The loss or the objective became NaN or infinite. */
    DIVERGED,
    /** Still training when the spec's {@code budget.trialTimeout} ran out; it was stopped. */
    TIMEOUT,
    /** Never trained: a constraint computed from the config alone (e.g. its parameter count) ruled it out on the driver. */
    SKIPPED_CONSTRAINT
}
