package org.sparksweep.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sparksweep.engine.TrialPlan;
import org.sparksweep.spec.SweepSpec;

/**
 * The reachable limit of scenario 2: the same trials split across k single-slot JVMs, each running its
 * share in a plain {@link TrialLoop} with one ND4J thread, as the engine's tasks train. Each JVM is
 * warmed as the engine's JVM is (its share run once, unreported: as many trials as a slot trains in
 * the engine's warm-up sweep; not with {@code --no-warm-up}), then all are released together at a
 * {@link StartGate}; the wall runs from the release to the last exit.
 */
public final class TrialShares {
    private TrialShares() {}

    /** The k JVMs' wall and each one's own loop. */
    record Outcome(double wallSeconds, List<TrialLoop> loops) {}

    /**
     * In a child JVM: runs its share once, unreported, if asked to warm up, waits at the gate in {@code gate}, then runs trials
     * {@code share}, {@code share + of}, … of scenario 2's grid; returns the line that reports them.
     */
    public static String run(Path root, int epochs, int share, int of, Path gate, boolean warmUp) throws Exception {
        if (of < 1 || share < 0 || share >= of) throw new IllegalArgumentException("share " + share + " of " + of);
        SweepSpec spec = RealTrials.spec(epochs, root);
        TrialPlan plan = RealTrials.plan(spec);
        long n = spec.space().gridSize().orElseThrow();
        if (warmUp) TrialLoop.run(plan, share, of, n); // JIT and ND4J, as many trials as a slot of the engine's warm-up sweep
        StartGate start = new StartGate(gate);
        start.ready(share);
        start.awaitOpen(StartGate.TIMEOUT);
        return TrialLoop.run(plan, share, of, n).line();
    }

    /** Starts {@code k} JVMs, each running its share with {@code OMP_NUM_THREADS=1}, releases them once all are ready, and waits for all. */
    static Outcome spawn(Path root, int epochs, int k, boolean warmUp) throws Exception {
        StartGate gate = new StartGate(Files.createTempDirectory(root, "start-gate"));
        List<ChildJvm> jvms = new ArrayList<>();
        try {
            for (int i = 0; i < k; i++) {
                List<String> args = new ArrayList<>(List.of("--trial-share", i + "/" + k, "--trial-gate", gate.dir().toString(),
                        "--epochs", String.valueOf(epochs)));
                if (!warmUp) args.add("--no-warm-up");
                jvms.add(ChildJvm.start("share " + i + " of " + k + " of the real trials", null, Map.of("OMP_NUM_THREADS", "1"), args));
            }
            long deadline = StartGate.deadline(StartGate.TIMEOUT);
            for (int i = 0; i < k; i++) {
                while (!gate.isReady(i)) {
                    jvms.get(i).failIfEnded("before it was ready");
                    StartGate.pause(deadline, "share " + i + " of " + k + " of the real trials not ready within " + StartGate.TIMEOUT);
                }
            }
            gate.open();
            long t0 = System.nanoTime();
            List<TrialLoop> loops = new ArrayList<>();
            for (ChildJvm jvm : jvms) loops.add(TrialLoop.parse(jvm.await(TrialLoop.PREFIX)));
            return new Outcome((System.nanoTime() - t0) / 1e9, loops);
        } catch (Exception e) {
            for (ChildJvm jvm : jvms) jvm.stop();
            throw e;
        }
    }
}
