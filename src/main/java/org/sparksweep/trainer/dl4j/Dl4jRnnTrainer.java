package org.sparksweep.trainer.dl4j;

import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.sparksweep.data.Examples;
import org.sparksweep.plugin.Knob;
import org.sparksweep.space.ValueType;
import org.sparksweep.trainer.TrainingRun;

/**
 * A Deeplearning4j LSTM network for sequence data ({@code [timeSteps, featuresPerStep]}): stacked
 * LSTM layers read the whole sequence, and the last time step's output feeds a softmax classifier
 * or a linear regressor (one label per sequence).
 */
public final class Dl4jRnnTrainer extends NetworkTrainer {

    @Override
    public String name() {
        return "dl4j-rnn";
    }

    @Override
    List<Knob> familyKnobs() {
        return List.of(
                Knob.of("layers", ValueType.LONG, 1L, "stacked LSTM layers"),
                Knob.of("units", ValueType.LONG, 32L, "units per LSTM layer"),
                Knob.oneOf("activation", TrainingKnobs.ACTIVATIONS, "tanh", "activation of the LSTM cells"));
    }

    @Override
    InputType inputType(Examples data) {
        int[] s = sequenceShape(data);
        return InputType.recurrent(s[1], s[0]);
    }

    @Override
    boolean hasHiddenLayers(TrainingRun run) {
        return true;
    }

    @Override
    void hiddenLayers(NeuralNetConfiguration.ListBuilder list, TrainingRun run, Examples data) {
        int layers = TrainingKnobs.positiveInt(run, "layers");
        int units = TrainingKnobs.positiveInt(run, "units");
        Activation activation = TrainingKnobs.activation(run);
        for (int i = 0; i < layers; i++) {
            LSTM.Builder lstm = new LSTM.Builder().nOut(units).activation(activation);
            if (i > 0) dropoutOn(lstm, run);
            LSTM layer = lstm.build();
            list.layer(i == layers - 1 ? new LastTimeStep(layer) : layer);
        }
    }

    /** Rows of timeSteps x featuresPerStep values (row-major) as DL4J's [examples, featuresPerStep, timeSteps]. */
    @Override
    INDArray features(Examples data) {
        int[] s = sequenceShape(data);
        return Nd4j.create(data.features()).castTo(DataType.FLOAT).reshape('c', data.rows(), s[0], s[1]).permute(0, 2, 1).dup('c');
    }

    private static int[] sequenceShape(Examples data) {
        int[] s = data.shape();
        if (s.length != 2) {
            throw new IllegalArgumentException("dl4j-rnn needs sequence-shaped data [timeSteps, featuresPerStep]; data set '" + data.name()
                    + "' has examples of shape " + Arrays.toString(s) + ": give its data source a sequence shape (e.g. shape: [8, 8] for 8 rows of 8 pixels)");
        }
        return s;
    }
}
