package org.sparksweep.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sparksweep.spec.SweepSpec;

/**
 * The reachable limit of scenario 2: the same trials split across k single-slot JVMs started at once,
 * each a fresh JVM running its share in a plain {@link TrialLoop} with one ND4J thread, as the engine's
 * tasks train. Its wall runs from spawning the first JVM to the last one's exit: JVM start is part of
 * what a user pays.
 */
public final class TrialShares {
    private TrialShares() {}

    /** The k JVMs' wall and each one's own loop. */
    record Outcome(double wallSeconds, List<TrialLoop> loops) {}

    /** In a child JVM: trials {@code share}, {@code share + of}, … of scenario 2's grid; returns the line that reports them. */
    public static String run(Path root, int epochs, int share, int of) throws Exception {
        if (of < 1 || share < 0 || share >= of) throw new IllegalArgumentException("share " + share + " of " + of);
        SweepSpec spec = RealTrials.spec(epochs, root);
        return TrialLoop.run(RealTrials.plan(spec), share, of, spec.space().gridSize().orElseThrow()).line();
    }

    /** Starts {@code k} JVMs at once, each running its share with {@code OMP_NUM_THREADS=1}, and waits for all. */
    static Outcome spawn(int epochs, int k) throws Exception {
        List<ChildJvm> jvms = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            for (int i = 0; i < k; i++) {
                jvms.add(ChildJvm.start("share " + i + " of " + k + " of the real trials", null, Map.of("OMP_NUM_THREADS", "1"),
                        List.of("--trial-share", i + "/" + k, "--epochs", String.valueOf(epochs))));
            }
            List<TrialLoop> loops = new ArrayList<>();
            for (ChildJvm jvm : jvms) loops.add(TrialLoop.parse(jvm.await(TrialLoop.PREFIX)));
            return new Outcome((System.nanoTime() - t0) / 1e9, loops);
        } catch (Exception e) {
            for (ChildJvm jvm : jvms) jvm.stop();
            throw e;
        }
    }
}
