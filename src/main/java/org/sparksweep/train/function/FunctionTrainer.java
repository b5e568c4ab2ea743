package org.sparksweep.train.function;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sparksweep.space.ValueType;
import org.sparksweep.plugin.Knob;
import org.sparksweep.train.Trainer;
import org.sparksweep.train.TrainingRun;

/**
 * Standard optimisation test functions as trials: known optima to check search against, and an
 * optional artificial cost (sleep or busy CPU) to measure the engine with cheap, predictable trials.
 * Reports the metric {@code value} (to be minimised), and for the two-objective ZDT functions also
 * their objectives {@code f1} and {@code f2}.
 */
public final class FunctionTrainer implements Trainer {
    static final int MAX_DIMENSIONS = 10;

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
        return knobs;
    }

    @Override
    public List<String> metrics() {
        return List.of("value", "f1", "f2");
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
        spend(run.getDouble("costSeconds"), run.getString("costKind"));
        double[] objectives = f.objectives(x);
        if (objectives.length == 1) return Map.of("value", objectives[0]);
        return Map.of("value", objectives[0], "f1", objectives[0], "f2", objectives[1]);
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
