package org.sparksweep.trainer.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparksweep.data.TrainingData;
import org.sparksweep.trial.Direction;
import org.sparksweep.trial.Objective;
import org.sparksweep.testing.BundledData;
import org.sparksweep.trainer.TrainingRun;
import org.sparksweep.trainer.TrialContext;

/**
 * A trial promoted to a larger budget continues from its parent's checkpoint on storage: the network it
 * ends with is the one an uninterrupted run of the larger budget gives, and it trains only the epochs
 * its parent had not. Also: epoch reports reach the context, and a context that says stop stops training.
 */
class CheckpointResumeTest {
    private static final Dl4jMlpTrainer MLP = new Dl4jMlpTrainer();
    private static final Objective ACCURACY = new Objective("accuracy", Direction.MAXIMIZE);
    private static final TrainingData DIGITS = BundledData.digits(200, 64);

    /** Records reports; stops after {@code stopAfter} steps; checkpoints to and resumes from the given directories. */
    private static final class Recorder implements TrialContext {
        final List<Long> steps = new ArrayList<>();
        final List<Map<String, Double>> reports = new ArrayList<>();
        final String checkpoint, resumeFrom;
        final long stopAfter;

        Recorder(String checkpoint, String resumeFrom, long stopAfter) {
            this.checkpoint = checkpoint;
            this.resumeFrom = resumeFrom;
            this.stopAfter = stopAfter;
        }

        @Override
        public boolean report(long step, Map<String, Double> metrics) {
            steps.add(step);
            reports.add(metrics);
            return steps.size() < stopAfter;
        }

        @Override
        public String checkpoint() {
            return checkpoint;
        }

        @Override
        public String resumeFrom() {
            return resumeFrom;
        }
    }

    private static TrainingRun run(long epochs, TrialContext context) {
        return new TrainingRun(Settings.of(MLP, "epochs", epochs, "layers", 1L, "width", 16L, "updater", "adam", "learningRate", 0.01),
                DIGITS, 7L, ACCURACY, 1, context);
    }

    @Test
    void aPromotedTrialContinuesFromItsParentsCheckpointAndMatchesAnUninterruptedRun(@TempDir Path dir) throws Exception {
        String parentDir = dir.resolve("checkpoints/trial=parent").toUri().toString();
        Recorder parent = new Recorder(parentDir, null, Long.MAX_VALUE);
        Map<String, Double> rung0 = MLP.train(run(2, parent));
        assertEquals(List.of(1L, 2L), parent.steps, "one report per epoch");
        assertTrue(Files.isRegularFile(dir.resolve("checkpoints/trial=parent/model.zip")), "the parent left its model on storage");
        assertEquals(2.0, rung0.get("epochs_trained"));

        String childDir = dir.resolve("checkpoints/trial=child").toUri().toString();
        Recorder child = new Recorder(childDir, parentDir, Long.MAX_VALUE);
        Map<String, Double> rung1 = MLP.train(run(5, child));
        assertEquals(List.of(3L, 4L, 5L), child.steps, "the child trains only the epochs its parent had not");
        assertEquals(3.0, rung1.get("epochs_trained"));
        assertEquals(5.0, rung1.get("epochs_run"));

        Recorder straight = new Recorder(null, null, Long.MAX_VALUE);
        Map<String, Double> uninterrupted = MLP.train(run(5, straight));
        assertEquals(5.0, uninterrupted.get("epochs_trained"));
        // the same weights and updater state after the same five epochs: the same scores at every shared epoch
        assertEquals(uninterrupted.get("log_loss"), rung1.get("log_loss"), 1e-5, "continued " + rung1 + " vs uninterrupted " + uninterrupted);
        assertEquals(uninterrupted.get("accuracy"), rung1.get("accuracy"), 1e-9);
        for (int i = 0; i < 2; i++) assertEquals(straight.reports.get(i).get("log_loss"), parent.reports.get(i).get("log_loss"), 1e-5);
        for (int i = 0; i < 3; i++) assertEquals(straight.reports.get(i + 2).get("log_loss"), child.reports.get(i).get("log_loss"), 1e-5);
    }

    @Test
    void aContextThatSaysStopEndsTrainingAfterThatEpoch() {
        Recorder stopper = new Recorder(null, null, 3);
        Map<String, Double> m = MLP.train(run(10, stopper));
        assertEquals(List.of(1L, 2L, 3L), stopper.steps);
        assertEquals(3.0, m.get("epochs_run"));
        assertEquals(stopper.reports.get(2).get("accuracy"), m.get("accuracy"), "reports the epoch it stopped at");
    }

    @Test
    void aBudgetNoLargerThanTheCheckpointsIsRefused(@TempDir Path dir) {
        String parentDir = dir.resolve("p").toUri().toString();
        MLP.train(run(3, new Recorder(parentDir, null, Long.MAX_VALUE)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MLP.train(run(3, new Recorder(null, parentDir, Long.MAX_VALUE))));
        assertTrue(e.getMessage().contains("trained 3 epochs already") && e.getMessage().contains("budget is 3"), e.getMessage());
    }

    @Test
    void aMissingCheckpointSaysWhichFile(@TempDir Path dir) {
        String missing = dir.resolve("nothing-here").toUri().toString();
        Exception e = assertThrows(RuntimeException.class, () -> MLP.train(run(3, new Recorder(null, missing, Long.MAX_VALUE))));
        assertTrue(e.getMessage().contains("nothing-here/model.zip"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("nothing-here")));
    }
}
