package org.sparksweep.testing;

import java.util.List;
import java.util.Map;
import org.sparksweep.space.ValueType;
import org.sparksweep.trainer.DivergedException;
import org.sparksweep.plugin.Knob;
import org.sparksweep.trainer.Trainer;
import org.sparksweep.trainer.TrainingRun;

/**
 * A trainer that misbehaves on request, registered through META-INF/services exactly as a user's
 * trainer would be: {@code mode} ok returns score = x, throw throws, nan reports a NaN objective,
 * diverge throws {@link DivergedException}, missing reports no objective at all, kill behaves as a
 * trial whose task was killed (interrupted), which fails the Spark task itself, echo throws with
 * the label in its message (for reports that must show such messages as text), hang sleeps for
 * good (until interrupted), spin busy-waits {@code seconds} ignoring interrupts, slowfirst spins {@code seconds} on a task's first attempt only (a straggler
 * that a speculative copy overtakes). Every other mode first sleeps {@code seconds} (interruptibly).
 * {@code steps} and {@code flag} do nothing; they give specs a whole-number and a true/false
 * parameter to search.
 */
public final class FaultyTrainer implements Trainer {
    public static final String FAILURE_MESSAGE = "deliberate failure for x=";

    @Override
    public String name() {
        return "test-faulty";
    }

    @Override
    public List<Knob> knobs() {
        return List.of(
                Knob.oneOf("mode", List.of("ok", "throw", "nan", "diverge", "missing", "kill", "echo", "hang", "spin", "slowfirst"), "ok",
                        "how to behave"),
                Knob.of("x", ValueType.DOUBLE, 1.0, "the score to report"),
                Knob.of("label", ValueType.STRING, "plain", "free text, to check values are stored verbatim"),
                Knob.of("steps", ValueType.LONG, 1L, "ignored; a whole-number knob"),
                Knob.of("flag", ValueType.BOOLEAN, false, "ignored; a true/false knob"),
                Knob.of("seconds", ValueType.DOUBLE, 0.0, "how long to take"));
    }

    @Override
    public List<String> metrics() {
        return List.of("score", "other");
    }

    @Override
    public boolean needsData() {
        return false;
    }

    @Override
    public Map<String, Double> train(TrainingRun run) throws InterruptedException {
        double x = run.getDouble("x");
        String mode = run.getString("mode");
        long millis = Math.round(run.getDouble("seconds") * 1000);
        switch (mode) {
            case "spin" -> spin(millis);
            case "slowfirst" -> {
                org.apache.spark.TaskContext task = org.apache.spark.TaskContext.get();
                if (task != null && task.attemptNumber() == 0) spin(millis);
            }
            case "hang" -> Thread.sleep(Long.MAX_VALUE);
            default -> {
                if (millis > 0) Thread.sleep(millis);
            }
        }
        return switch (mode) {
            case "throw" -> throw new IllegalStateException(FAILURE_MESSAGE + x);
            case "nan" -> Map.of("score", Double.NaN, "other", 1.0);
            case "diverge" -> throw new DivergedException("loss exploded at x=" + x);
            case "missing" -> Map.of("other", x);
            case "echo" -> throw new IllegalArgumentException("cannot use label \"" + run.getString("label") + "\" at x=" + x);
            case "kill" -> {
                Thread.currentThread().interrupt();
                throw new InterruptedException("simulated kill of the task");
            }
            default -> Map.of("score", x, "other", -x);
        };
    }

    /** Busy for the given time whatever happens: a trainer that never looks at its interrupt flag. */
    private static void spin(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) Thread.onSpinWait();
    }
}
