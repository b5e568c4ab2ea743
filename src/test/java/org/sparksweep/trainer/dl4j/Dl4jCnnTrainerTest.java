package org.sparksweep.trainer.dl4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparksweep.data.TrainingData;
import org.sparksweep.trial.Direction;
import org.sparksweep.trial.Objective;
import org.sparksweep.testing.BundledData;

/** The convolutional family on 8x8 digit images: layer arithmetic, training, and errors for shapes it cannot take. */
class Dl4jCnnTrainerTest {
    private static final Dl4jCnnTrainer CNN = new Dl4jCnnTrainer();
    private static final Objective ACCURACY = new Objective("accuracy", Direction.MAXIMIZE);
    private static final TrainingData DIGITS = BundledData.digits(300, 1, 8, 8);

    @Test
    void trainsOnDigitImagesAndCountsItsParameters() {
        Map<String, Double> m = CNN.train(Settings.run(CNN, DIGITS, ACCURACY, "epochs", 2L, "convBlocks", 2L, "filters", 4L,
                "kernel", 3L, "padding", "same", "pooling", "max", "poolSize", 2L, "denseLayers", 1L, "denseWidth", 16L));
        assertTrue(m.get("accuracy") > 0.3, "two epochs beat chance (0.1): " + m);
        // conv 3x3 1->4 (+4 biases), pool 8x8 -> 4x4; conv 3x3 4->8 (+8), pool -> 2x2x8 = 32; dense 32->16; softmax 16->10
        double expected = (9 * 4 + 4) + (9 * 4 * 8 + 8) + (32 * 16 + 16) + (16 * 10 + 10);
        assertEquals(expected, m.get("param_count"));
        assertEquals(2.0, m.get("epochs_run"));
        assertTrue(m.get("memory_mb") > 0);
    }

    @Test
    void validPaddingShrinksTheImage() {
        assertEquals(6, Dl4jCnnTrainer.convolved(8, 3, 1, false));
        assertEquals(3, Dl4jCnnTrainer.convolved(6, 2, 2, false));
        assertEquals(4, Dl4jCnnTrainer.convolved(8, 3, 2, true));
        assertEquals(0, Dl4jCnnTrainer.convolved(2, 3, 1, false));
    }

    @Test
    void blocksThatShrinkTheImageToNothingAreRefusedWithTheFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CNN.train(Settings.run(CNN, DIGITS, ACCURACY,
                "convBlocks", 3L, "kernel", 3L, "padding", "valid", "epochs", 1L)));
        assertTrue(e.getMessage().contains("block 2 of 3") && e.getMessage().contains("fewer convBlocks"), e.getMessage());
    }

    @Test
    void flatDataIsRefusedWithTheShapeItNeeds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CNN.train(Settings.run(CNN, BundledData.digits(100, 64), ACCURACY, "epochs", 1L)));
        assertTrue(e.getMessage().contains("[channels, height, width]") && e.getMessage().contains("[64]"), e.getMessage());
    }
}
