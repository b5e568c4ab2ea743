package org.sparksweep.bench;

/**
 * One runner's run in one round of scenario 2.
 *
 * @param wallSeconds     what the runner took; NaN when it failed
 * @param secondsPerTrial Σ the trials' training seconds / trials; NaN when the runner does not say
 * @param coresUsed       CPU seconds / wall seconds of the JVMs that ran it
 * @param how             what this run did, in a few words
 */
record RealRun(double wallSeconds, double bestAccuracy, double secondsPerTrial, double coresUsed, String how) {
    static RealRun failed(Throwable e) {
        return new RealRun(Double.NaN, Double.NaN, Double.NaN, Double.NaN, "failed: " + e);
    }
}
