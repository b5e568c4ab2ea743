package org.sparksweep.trainer.dl4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.schedule.StepSchedule;
import org.sparksweep.data.TrainingData;
import org.sparksweep.trial.Direction;
import org.sparksweep.trial.Objective;
import org.sparksweep.testing.BundledData;
import org.sparksweep.trainer.Trainers;
import org.sparksweep.trainer.TrainingRun;

/** The MLP family on the bundled data: network shapes, task choice, early stopping and the cost report. */
class Dl4jMlpTrainerTest {
    private static final Dl4jMlpTrainer MLP = new Dl4jMlpTrainer();
    private static final Objective ACCURACY = new Objective("accuracy", Direction.MAXIMIZE);
    private static final TrainingData DIGITS = BundledData.digits(300, 64);

    @Test
    void shapesSetTheHiddenWidths() {
        assertArrayEquals(new int[] {64, 64, 64}, Dl4jMlpTrainer.widths("fixed", 3, 64));
        assertArrayEquals(new int[] {64, 32, 16, 8}, Dl4jMlpTrainer.widths("funnel", 4, 64));
        assertArrayEquals(new int[] {64, 32, 16, 32, 64}, Dl4jMlpTrainer.widths("bottleneck", 5, 64));
        assertArrayEquals(new int[] {64, 32, 32, 64}, Dl4jMlpTrainer.widths("bottleneck", 4, 64));
        assertArrayEquals(new int[] {4, 2, 1, 1}, Dl4jMlpTrainer.widths("funnel", 4, 4), "never narrower than one unit");
    }

    @Test
    void reportsEveryClassificationScoreAndItsCostOnDigits() {
        Map<String, Double> m = MLP.train(Settings.run(MLP, DIGITS, ACCURACY, "epochs", 2L, "shape", "funnel", "width", 32L));
        assertTrue(m.get("accuracy") > 0.5, "two epochs on 210 digits beat chance (0.1) by far: " + m);
        for (String k : new String[] {"f1_macro", "precision_macro", "recall_macro", "log_loss", "train_loss"}) assertNotNull(m.get(k), k);
        assertFalse(m.containsKey("roc_auc"), "ten classes: no binary ROC AUC");
        assertFalse(m.containsKey("rmse"), "no regression score for a classifier");
        // 64 -> 32 -> 16 -> 10 dense weights and biases, counted by hand
        assertEquals(64 * 32 + 32 + 32 * 16 + 16 + 16 * 10 + 10, m.get("param_count"));
        assertEquals(2.0, m.get("epochs_run"));
        assertEquals(2.0, m.get("best_epoch"));
        assertTrue(m.get("memory_mb") > 0);
        assertTrue(MLP.metrics().containsAll(m.keySet()), "every reported metric is declared: " + m.keySet());
    }

    @Test
    void parameterCountIsTheNetworksWithBatchNormAndNoiseLayers() {
        TrainingRun run = Settings.run(MLP, DIGITS, ACCURACY, "layers", 3L, "shape", "bottleneck", "width", 16L,
                "batchNorm", true, "inputNoise", 0.1, "dropout", 0.2);
        MultiLayerNetwork net = new MultiLayerNetwork(MLP.configuration(run, DIGITS.train()));
        net.init();
        // dense 64->16->8->16, each followed by batch norm (gamma, beta, mean, variance: 4 per unit), softmax 16->10
        long expected = (64 * 16 + 16) + 4 * 16 + (16 * 8 + 8) + 4 * 8 + (8 * 16 + 16) + 4 * 16 + (16 * 10 + 10);
        assertEquals(expected, net.numParams());
        Map<String, Double> m = MLP.train(Settings.run(MLP, DIGITS, ACCURACY, "layers", 3L, "shape", "bottleneck", "width", 16L,
                "batchNorm", true, "inputNoise", 0.1, "dropout", 0.2, "epochs", 1L));
        assertEquals((double) expected, m.get("param_count"));
    }

    @Test
    void memoryEstimateGrowsWithTheBatchSize() {
        MultiLayerConfiguration conf = MLP.configuration(Settings.run(MLP, DIGITS, ACCURACY), DIGITS.train());
        double small = NetworkTrainer.memoryMegabytes(conf, InputType.feedForward(64), 16);
        double large = NetworkTrainer.memoryMegabytes(conf, InputType.feedForward(64), 512);
        assertTrue(small > 0);
        assertTrue(large > small, large + " MiB at 512 examples per batch vs " + small + " at 16");
    }

    @Test
    void momentumReachesOnlyTheNesterovsUpdater() {
        TrainingRun nesterovs = Settings.run(MLP, DIGITS, ACCURACY, "updater", "nesterovs", "momentum", 0.5);
        Nesterovs n = assertInstanceOf(Nesterovs.class, TrainingKnobs.updater(nesterovs));
        assertEquals(0.5, n.getMomentum());
        TrainingRun adam = Settings.run(MLP, DIGITS, ACCURACY, "updater", "adam", "momentum", 0.5);
        assertInstanceOf(Adam.class, TrainingKnobs.updater(adam));
        TrainingRun bad = Settings.run(MLP, DIGITS, ACCURACY, "updater", "nesterovs", "momentum", 1.5);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TrainingKnobs.updater(bad)).getMessage().contains("momentum"));
    }

    @Test
    void stepScheduleDecaysTheLearningRateByEpoch() {
        TrainingRun run = Settings.run(MLP, DIGITS, ACCURACY, "learningRate", 0.1, "lrSchedule", "step", "lrDecay", 0.5, "lrStepEpochs", 2L);
        StepSchedule s = assertInstanceOf(StepSchedule.class, TrainingKnobs.schedule(run));
        assertEquals(0.1, s.valueAt(0, 1), 1e-12);
        assertEquals(0.05, s.valueAt(0, 2), 1e-12);
        assertEquals(0.025, s.valueAt(0, 5), 1e-12);
    }

    /*
     * With plain SGD at a learning rate of 1e-12, float weights cannot change, so validation accuracy
     * is the same after every epoch: the first epoch stays the best and training stops after
     * patience further epochs, well inside the budget.
     */
    @Test
    void earlyStoppingStopsPatienceEpochsAfterTheBestOne() {
        Map<String, Double> m = MLP.train(Settings.run(MLP, DIGITS, ACCURACY, "updater", "sgd", "learningRate", 1e-12,
                "epochs", 50L, "patience", 3L));
        assertEquals(4.0, m.get("epochs_run"));
        assertEquals(1.0, m.get("best_epoch"));
    }

    @Test
    void earlyStoppingReportsTheBestEpochsScores() {
        Map<String, Double> stopped = MLP.train(Settings.run(MLP, DIGITS, ACCURACY, "epochs", 12L, "patience", 2L, "learningRate", 0.05));
        double best = stopped.get("best_epoch");
        Map<String, Double> upToBest = MLP.train(Settings.run(MLP, DIGITS, ACCURACY, "epochs", (long) best, "learningRate", 0.05));
        // the same seed trains the same network: scores at the best epoch equal a run that ends there
        assertEquals(upToBest.get("accuracy"), stopped.get("accuracy"), 1e-12);
        assertEquals(upToBest.get("log_loss"), stopped.get("log_loss"), 1e-9);
        assertTrue(stopped.get("epochs_run") >= best);
    }

    /*
     * Scoring the validation rows a second time as the test split: under early stopping the test
     * scores must come from the best epoch's network (restored), so they equal the reported validation
     * scores even though training went on for patience more epochs.
     */
    @Test
    void testScoresComeFromTheReportedEpochsNetwork() {
        TrainingData testIsValidation = new TrainingData(DIGITS.train(), DIGITS.validation(), DIGITS.validation());
        Map<String, Double> m = MLP.train(Settings.run(MLP, testIsValidation, ACCURACY, "epochs", 15L, "patience", 2L, "learningRate", 0.05));
        assertEquals(m.get("accuracy"), m.get("test_accuracy"), 1e-12);
        assertEquals(m.get("log_loss"), m.get("test_log_loss"), 1e-6);
        assertEquals(m.get("f1_macro"), m.get("test_f1_macro"), 1e-12);
        assertTrue(m.get("epochs_run") > m.get("best_epoch"), "training went past the best epoch: " + m);
    }

    @Test
    void testScoresAreAbsentWithoutATestSplit() {
        Map<String, Double> m = MLP.train(Settings.run(MLP, DIGITS, ACCURACY, "epochs", 1L));
        assertFalse(m.keySet().stream().anyMatch(k -> k.startsWith("test_")), m.keySet().toString());
        assertTrue(MLP.metrics().contains("test_accuracy") && MLP.metrics().contains("test_rmse"));
    }

    @Test
    void regressionDataTrainsALinearOutputAndReportsRegressionScores() {
        TrainingData diabetes = BundledData.diabetes(442);
        Map<String, Double> m = MLP.train(Settings.run(MLP, diabetes, new Objective("rmse", Direction.MINIMIZE),
                "epochs", 20L, "layers", 1L, "width", 16L));
        assertTrue(m.get("r2") > 0.2, "an MLP explains part of the variance of disease progression: " + m);
        assertTrue(m.get("rmse") > 0 && m.get("mae") > 0 && m.get("mae") <= m.get("rmse"));
        assertFalse(m.containsKey("accuracy"));
        assertEquals(10 * 16 + 16 + 16 + 1, m.get("param_count"));
    }

    @Test
    void binaryDataReportsRocAuc() {
        Map<String, Double> m = MLP.train(Settings.run(MLP, BundledData.breastCancer(569), new Objective("roc_auc", Direction.MAXIMIZE),
                "epochs", 3L));
        assertTrue(m.get("roc_auc") > 0.9, "breast cancer diagnoses rank well: " + m);
    }

    @Test
    void isRegisteredWithTheOtherNetworkFamilies() {
        assertEquals(MLP.knobs(), Trainers.get("dl4j-mlp").knobs());
        assertNotNull(Trainers.get("dl4j-cnn"));
        assertNotNull(Trainers.get("dl4j-rnn"));
    }
}
