package org.sparksweep.trainer.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparksweep.plugin.Knob;
import org.sparksweep.trainer.TrainingRun;

/**
 * The function trainer is the engine's cheap, predictable workload: it must report the function's
 * value under the metric name specs refer to, and spend at least the requested artificial cost.
 */
class FunctionTrainerTest {

    private final FunctionTrainer trainer = new FunctionTrainer();

    /** Settings as the engine builds them: every knob's default, overridden by the given values. */
    private TrainingRun run(Object... keysAndValues) {
        Map<String, Object> settings = new HashMap<>();
        for (Knob k : trainer.knobs()) if (k.defaultValue() != null) settings.put(k.name(), k.defaultValue());
        for (int i = 0; i < keysAndValues.length; i += 2) settings.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return new TrainingRun(settings, null, 1L);
    }

    @Test
    void declaresItsKnobsAndMetric() {
        assertEquals(List.of("value", "f1", "f2", "steps_run", "steps_trained"), trainer.metrics());
        assertFalse(trainer.needsData());
        List<String> names = trainer.knobs().stream().map(Knob::name).toList();
        assertTrue(names.containsAll(List.of("function", "dimensions", "x1", "x10", "costSeconds", "costKind")), names.toString());
        assertTrue(trainer.knobs().stream().filter(k -> k.name().equals("function")).findFirst().orElseThrow().required());
    }

    @Test
    void reportsTheFunctionValue() throws Exception {
        assertEquals(Map.of("value", 14.0), trainer.train(run("function", "sphere", "dimensions", 3L, "x1", 1.0, "x2", 2.0, "x3", 3.0, "x4", 100.0)));
        assertEquals(0.397887, trainer.train(run("function", "branin", "dimensions", 7L, "x1", Math.PI, "x2", 2.275)).get("value"), 1e-5);
        assertEquals(0.0, trainer.train(run("function", "rosenbrock", "dimensions", 4L, "x1", 1.0, "x2", 1.0, "x3", 1.0, "x4", 1.0)).get("value"), 0.0);
        // defaults: 2 dimensions at the origin
        assertEquals(0.0, trainer.train(run("function", "ackley")).get("value"), 1e-12);
    }

    @Test
    void rejectsDimensionsOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> trainer.train(run("function", "sphere", "dimensions", 0L)));
        assertThrows(IllegalArgumentException.class, () -> trainer.train(run("function", "sphere", "dimensions", 11L)));
    }

    @Test
    void sleepCostTakesAtLeastThatLong() throws Exception {
        long start = System.nanoTime();
        Map<String, Double> m = trainer.train(run("function", "sphere", "x1", 2.0, "costSeconds", 0.2, "costKind", "sleep"));
        long elapsed = System.nanoTime() - start;
        assertEquals(4.0, m.get("value"), 0.0);
        assertTrue(elapsed >= 200_000_000L, "took " + elapsed + " ns");
    }

    @Test
    void cpuCostTakesAtLeastThatLong() throws Exception {
        long start = System.nanoTime();
        trainer.train(run("function", "sphere", "costSeconds", 0.1, "costKind", "cpu"));
        long elapsed = System.nanoTime() - start;
        assertTrue(elapsed >= 100_000_000L, "took " + elapsed + " ns");
    }
}
