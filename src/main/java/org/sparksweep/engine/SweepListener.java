package org.sparksweep.engine;

import org.sparksweep.trial.TrialResult;

/** Hears about a sweep's progress on the driver (the CLI prints it). */
public interface SweepListener {

    /** @param finished trials finished so far, including this one; @param planned total, or -1 when unknown */
    void trialFinished(TrialResult result, long finished, long planned);

    /** A line about the run itself worth showing (e.g. this driver took over the lease of one that crashed). */
    default void notice(String line) {}

    SweepListener NONE = (result, finished, planned) -> {};
}
