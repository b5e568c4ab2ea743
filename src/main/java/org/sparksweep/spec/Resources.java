package org.sparksweep.spec;

import java.io.Serializable;

/**
 * The spec's {@code resources:} block: what one trial needs on an executor. On a cluster it becomes
 * a Spark stage-level resource profile for the trial tasks only, so a trial can use several cores
 * (its ND4J threads) or a GPU while the rest of the application keeps Spark's defaults.
 *
 * @param cpus cores per trial (at least 1)
 * @param gpus GPUs per trial; 0 for none, a fraction below 1 shares one GPU between trials
 */
public record Resources(int cpus, double gpus) implements Serializable {
    /** One core, no GPU: what a trial gets without a resources block. */
    public static final Resources DEFAULT = new Resources(1, 0);

    public Resources {
        if (cpus < 1) throw new IllegalArgumentException("cpus must be at least 1, got " + cpus);
        if (!(gpus >= 0) || Double.isInfinite(gpus)) throw new IllegalArgumentException("gpus must be 0 or more, got " + gpus);
        if (gpus > 1 && gpus != Math.rint(gpus)) throw new IllegalArgumentException("gpus above 1 must be whole, got " + gpus);
    }

    public boolean isDefault() {
        return equals(DEFAULT);
    }
}
