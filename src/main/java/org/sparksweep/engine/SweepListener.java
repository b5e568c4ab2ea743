package org.sparksweep.engine;

import org.sparksweep.trial.TrialResult;

/** Hears about a sweep's progress on the driver (the CLI prints it). */
public interface SweepListener {

    /** @param finished trials finished so far, including this one; @param planned total, or -1 when unknown */
    void trialFinished(TrialResult result, long finished, long planned);

    SweepListener NONE = (result, finished, planned) -> {};
}
