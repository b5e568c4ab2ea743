package org.sparksweep.bench;

import java.util.Locale;
import org.sparksweep.engine.TrialPlan;
import org.sparksweep.engine.TrialRunner;
import org.sparksweep.trial.TrialResult;
import org.sparksweep.trial.TrialStatus;

/**
 * Trials run one after another in this JVM with the engine's trial body ({@link TrialRunner#run}), as a
 * plain training loop would: what the engine's limits are measured with. Its {@link #line()} carries it
 * from a {@link ChildJvm} to the benchmark.
 *
 * @param seconds      the loop's wall seconds
 * @param trainSeconds Σ the trials' training seconds (data load excluded, as the engine records them)
 * @param cpuSeconds   this JVM's CPU seconds during the loop (all threads); NaN when unknown
 */
record TrialLoop(long trials, double seconds, double trainSeconds, double cpuSeconds, double bestAccuracy) {
    static final String PREFIX = "trial-loop ";

    /** Runs trials {@code first}, {@code first + step}, … below {@code end}; fails on the first trial that does not complete. */
    static TrialLoop run(TrialPlan plan, long first, long step, long end) {
        long cpu0 = CpuTime.ofProcess();
        long t0 = System.nanoTime();
        long trials = 0;
        double train = 0;
        double best = Double.NaN;
        for (long i = first; i < end; i += step) {
            TrialResult r = TrialRunner.run(plan, i);
            if (r.status() != TrialStatus.COMPLETED) throw new IllegalStateException("trial " + i + " " + r.status() + ": " + r.error());
            trials++;
            train += r.trainSeconds();
            if (Double.isNaN(best) || r.objective() > best) best = r.objective();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new TrialLoop(trials, seconds, train, CpuTime.cores(cpu0, seconds) * seconds, best);
    }

    String line() {
        return PREFIX + String.format(Locale.ROOT, "%d %.4f %.4f %.4f %.6f", trials, seconds, trainSeconds, cpuSeconds, bestAccuracy);
    }

    static TrialLoop parse(String line) {
        String[] f = line.substring(PREFIX.length()).trim().split(" ");
        return new TrialLoop(Long.parseLong(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                Double.parseDouble(f[4]));
    }
}
