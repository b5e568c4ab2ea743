package org.sparksweep.trainer.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.sparksweep.data.Examples;
import org.sparksweep.data.TrainingData;
import org.sparksweep.trial.Direction;
import org.sparksweep.trial.Objective;
import org.sparksweep.testing.BundledData;

/** The LSTM family on digits read as 8 rows of 8 pixels. */
class Dl4jRnnTrainerTest {
    private static final Dl4jRnnTrainer RNN = new Dl4jRnnTrainer();
    private static final Objective ACCURACY = new Objective("accuracy", Direction.MAXIMIZE);
    private static final TrainingData DIGITS = BundledData.digits(300, 8, 8);

    @Test
    void trainsOnSequencesAndCountsItsParameters() {
        Map<String, Double> m = RNN.train(Settings.run(RNN, DIGITS, ACCURACY, "epochs", 2L, "units", 8L, "learningRate", 0.05));
        assertTrue(m.get("accuracy") > 0.2, "two epochs beat chance (0.1): " + m);
        // LSTM without peepholes: input weights 8x32, recurrent 8x32, biases 32; softmax 8->10
        assertEquals((8 * 32 + 8 * 32 + 32) + (8 * 10 + 10), m.get("param_count"));
        assertTrue(m.get("memory_mb") > 0);
    }

    @Test
    void stackedLayersTrain() {
        Map<String, Double> m = RNN.train(Settings.run(RNN, DIGITS, ACCURACY, "epochs", 1L, "layers", 2L, "units", 4L, "dropout", 0.1));
        assertEquals((8 * 16 + 4 * 16 + 16) + (4 * 16 + 4 * 16 + 16) + (4 * 10 + 10), m.get("param_count"));
    }

    @Test
    void rowsBecomeTimeStepsInOrder() {
        Examples one = new Examples("seq", new String[] {"a0", "a1", "a2", "b0", "b1", "b2"}, new double[][] {{1, 2, 3, 4, 5, 6}},
                new double[] {0}, 2, new int[] {2, 3});
        INDArray x = RNN.features(one); // [examples, featuresPerStep, timeSteps]
        assertEquals(3, x.size(1));
        assertEquals(2, x.size(2));
        assertEquals(4.0, x.getDouble(0, 0, 1), 0.0); // step 2 starts with the fourth value
        assertEquals(3.0, x.getDouble(0, 2, 0), 0.0);
    }

    @Test
    void scoringInChunksGivesTheSameOutputsAsOnePass() {
        org.deeplearning4j.nn.multilayer.MultiLayerNetwork net = new org.deeplearning4j.nn.multilayer.MultiLayerNetwork(
                RNN.configuration(Settings.run(RNN, DIGITS, ACCURACY, "units", 4L), DIGITS.train()));
        net.init();
        INDArray x = RNN.features(DIGITS.validation()); // 90 sequences, 3-dimensional
        INDArray whole = net.output(x, false);
        INDArray chunked = NetworkTrainer.predict(net, x, 7);
        org.junit.jupiter.api.Assertions.assertArrayEquals(whole.shape(), chunked.shape());
        assertTrue(whole.equalsWithEps(chunked, 1e-6));
    }

    @Test
    void flatDataIsRefusedWithTheShapeItNeeds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RNN.train(Settings.run(RNN, BundledData.digits(100, 64), ACCURACY, "epochs", 1L)));
        assertTrue(e.getMessage().contains("[timeSteps, featuresPerStep]"), e.getMessage());
    }
}
