package org.sparksweep.trainer.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.sparksweep.data.TrainingData;
import org.sparksweep.testing.BundledData;
import org.sparksweep.trainer.TrainingRun;
import org.sparksweep.trainer.TrialContext;
import org.sparksweep.trial.Direction;
import org.sparksweep.trial.Objective;

/**
 * The validation split is scored only at the epochs someone needs: about ten points a learning curve,
 * or every {@code scoreEvery} epochs; every epoch for early stopping; always the last epoch.
 */
class ScoringIntervalTest {
    private static final Dl4jMlpTrainer MLP = new Dl4jMlpTrainer();
    private static final TrainingData DIGITS = BundledData.digits(120, 64);

    /** Records the steps reported; {@code everyStep} as a stopping rule would say. */
    private record Steps(List<Long> steps, boolean everyStep) implements TrialContext {
        Steps(boolean everyStep) {
            this(new ArrayList<>(), everyStep);
        }

        @Override
        public boolean report(long step, Map<String, Double> metrics) {
            steps.add(step);
            return true;
        }

        @Override
        public String checkpoint() {
            return null;
        }

        @Override
        public String resumeFrom() {
            return null;
        }
    }

    private static List<Long> reported(boolean everyStep, Object... settings) {
        Object[] all = new Object[settings.length + 6];
        System.arraycopy(new Object[] {"layers", 1L, "width", 8L, "batchSize", 64L}, 0, all, 0, 6);
        System.arraycopy(settings, 0, all, 6, settings.length);
        Steps steps = new Steps(everyStep);
        MLP.train(new TrainingRun(Settings.of(MLP, all), DIGITS, 3L, new Objective("accuracy", Direction.MAXIMIZE), 1, steps));
        return steps.steps();
    }

    private static List<Long> range(long from, long to, long step) {
        return LongStream.iterate(from, s -> s <= to, s -> s + step).boxed().toList();
    }

    @Test
    void aCurveNobodyStopsByGetsAboutTenPoints() {
        assertEquals(range(2, 20, 2), reported(false, "epochs", 20L));
        assertEquals(List.of(3L, 6L, 9L, 12L, 15L, 18L, 21L, 23L), reported(false, "epochs", 23L), "every 3rd epoch, and the last");
    }

    @Test
    void scoreEverySetsTheInterval() {
        assertEquals(List.of(5L, 10L, 12L), reported(false, "epochs", 12L, "scoreEvery", 5L));
        assertEquals(range(1, 12, 1), reported(false, "epochs", 12L, "scoreEvery", 1L));
        assertThrows(IllegalArgumentException.class, () -> reported(false, "epochs", 2L, "scoreEvery", -1L));
    }

    @Test
    void earlyStoppingScoresEveryEpoch() {
        assertEquals(range(1, 12, 1), reported(true, "epochs", 12L), "a stopping rule reads every epoch");
        List<Long> patient = reported(false, "epochs", 12L, "patience", 100L);
        assertEquals(range(1, 12, 1), patient, "patience compares every epoch");
    }
}
