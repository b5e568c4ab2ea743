package org.sparksweep.trainer.function;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.List;
import java.util.Map;
import org.sparksweep.space.ValueType;
import org.sparksweep.plugin.Knob;
import org.sparksweep.trainer.Checkpoints;
import org.sparksweep.trainer.Trainer;
import org.sparksweep.trainer.TrialContext;
import org.sparksweep.trainer.TrainingRun;

/**
 * Standard optimisation test functions as trials: known optima to check search against, and an
 * optional artificial cost (sleep or busy CPU) to measure the engine with cheap, predictable trials.
 * Reports the metric {@code value} (to be minimised), and for the two-objective ZDT functions also
 * their objectives {@code f1} and {@code f2}.
 * <p>
 * With {@code steps: N} it is a cheap multi-fidelity problem for early stopping: it "trains" N steps,
 * reporting after step s the function's value plus an error that shrinks as 1/sqrt(s) (a fixed pseudo-random
 * share of {@code fidelityNoise} for each point, so low budgets rank points roughly, high budgets exactly),
 * spends {@code costSeconds} per step, and keeps and continues from a checkpoint (the steps done) like a
 * network trainer.
 */
public final class FunctionTrainer implements Trainer {
    static final int MAX_DIMENSIONS = 10;
    /** The one file of a checkpoint: the number of steps done. */
    static final String CHECKPOINT_FILE = "steps.txt";

    @Override
    public String name() {
        return "function";
    }

    @Override
    public List<Knob> knobs() {
        List<Knob> knobs = new ArrayList<>();
        knobs.add(Knob.oneOf("function", List.copyOf(TestFunction.names()), null, "which test function"));
        knobs.add(Knob.of("dimensions", ValueType.LONG, 2L, "number of inputs x1..xN for functions of any dimension (branin has 2)"));
        for (int i = 1; i <= MAX_DIMENSIONS; i++) knobs.add(Knob.of("x" + i, ValueType.DOUBLE, 0.0, "input " + i));
        knobs.add(Knob.of("costSeconds", ValueType.DOUBLE, 0.0, "artificial cost of each trial"));
        knobs.add(Knob.oneOf("costKind", List.of("sleep", "cpu"), "sleep", "sleep (no CPU) or busy CPU for costSeconds"));
        knobs.add(Knob.of("steps", ValueType.LONG, 0L, "0: one evaluation; N: N steps of a multi-fidelity version, reported step by step (costSeconds each)"));
        knobs.add(Knob.of("fidelityNoise", ValueType.DOUBLE, 1.0, "with steps: the largest error of the value after step 1 (shrinks as 1/sqrt(step))"));
        return knobs;
    }

    @Override
    public List<String> metrics() {
        return List.of("value", "f1", "f2", "steps_run", "steps_trained");
    }

    @Override
    public boolean needsData() {
        return false;
    }

    @Override
    public Map<String, Double> train(TrainingRun run) throws Exception {
        TestFunction f = TestFunction.named(run.getString("function"));
        int n = f.fixedDimensions() > 0 ? f.fixedDimensions() : run.getInt("dimensions");
        if (n < 1 || n > MAX_DIMENSIONS) throw new IllegalArgumentException("dimensions must be in [1, " + MAX_DIMENSIONS + "], got " + n);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = run.getDouble("x" + (i + 1));
        long steps = run.getLong("steps");
        if (steps < 0) throw new IllegalArgumentException("steps must be >= 0 (0: one evaluation), got " + steps);
        if (steps == 0) {
            spend(run.getDouble("costSeconds"), run.getString("costKind"));
            double[] objectives = f.objectives(x);
            if (objectives.length == 1) return Map.of("value", objectives[0]);
            return Map.of("value", objectives[0], "f1", objectives[0], "f2", objectives[1]);
        }
        return stepwise(run, f.evaluate(x), Arrays.hashCode(x), steps);
    }

    /** The multi-fidelity version: reports after each step, stops when told, continues from and leaves a checkpoint. */
    private static Map<String, Double> stepwise(TrainingRun run, double exact, int pointHash, long steps) throws Exception {
        TrialContext context = run.context();
        long done = 0;
        if (context.resumeFrom() != null) {
            try (InputStream in = Checkpoints.open(context.resumeFrom(), CHECKPOINT_FILE)) {
                done = Long.parseLong(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
            }
            if (done >= steps) {
                throw new IllegalArgumentException("the checkpoint at " + context.resumeFrom() + " has done " + done
                        + " steps already, but this trial's budget is " + steps + " steps: a continued trial needs a larger budget");
            }
        }
        double share = new SplittableRandom(pointHash * 0x9E3779B97F4A7C15L + run.seed()).nextDouble(-1, 1);
        long first = done + 1;
        double value = Double.NaN;
        for (long step = first; step <= steps; step++) {
            spend(run.getDouble("costSeconds"), run.getString("costKind"));
            value = exact + run.getDouble("fidelityNoise") * share / Math.sqrt(step);
            done = step;
            if (!context.report(step, Map.of("value", value))) break;
        }
        if (context.checkpoint() != null) {
            long reached = done;
            Checkpoints.write(context.checkpoint(), CHECKPOINT_FILE, out -> out.write(Long.toString(reached).getBytes(StandardCharsets.UTF_8)));
        }
        return Map.of("value", value, "steps_run", (double) done, "steps_trained", (double) (done - first + 1));
    }

    private static void spend(double seconds, String kind) throws InterruptedException {
        if (seconds <= 0) return;
        long nanos = (long) (seconds * 1e9);
        if (kind.equals("sleep")) {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
            return;
        }
        long end = System.nanoTime() + nanos;
        double sink = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 10_000; i++) sink += Math.sqrt(i + sink);
        }
        if (sink == -1) System.out.print(""); // keeps the loop from being optimised away
    }
}
