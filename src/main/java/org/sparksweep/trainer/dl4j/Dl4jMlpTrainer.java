package org.sparksweep.trainer.dl4j;

import java.util.List;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.nd4j.linalg.activations.Activation;
import org.sparksweep.data.Examples;
import org.sparksweep.plugin.Knob;
import org.sparksweep.space.ValueType;
import org.sparksweep.trainer.TrainingRun;

/**
 * A Deeplearning4j multi-layer perceptron: {@code layers} dense layers whose widths follow a
 * {@code shape} (fixed, funnel or bottleneck) on the flattened features, then a softmax classifier
 * or a linear regressor.
 */
public final class Dl4jMlpTrainer extends NetworkTrainer {
    static final List<Object> SHAPES = List.of("fixed", "funnel", "bottleneck");

    @Override
    public String name() {
        return "dl4j-mlp";
    }

    @Override
    List<Knob> familyKnobs() {
        return List.of(
                Knob.of("layers", ValueType.LONG, 2L, "number of hidden dense layers"),
                Knob.of("width", ValueType.LONG, 32L, "units of the widest hidden layer"),
                Knob.oneOf("shape", SHAPES, "fixed",
                        "hidden widths: fixed (all width), funnel (halved layer by layer), bottleneck (halved toward the middle layer, then widened again)"),
                Knob.oneOf("activation", TrainingKnobs.ACTIVATIONS, "relu", "activation of the hidden layers"),
                Knob.of("batchNorm", ValueType.BOOLEAN, false, "batch normalisation after each hidden layer"));
    }

    /**
     * The width of each hidden layer: {@code fixed} keeps {@code width}; {@code funnel} halves it from
     * one layer to the next (64, 32, 16); {@code bottleneck} halves it toward the middle and widens it
     * again (64, 32, 16, 32, 64). Never below 1.
     */
    static int[] widths(String shape, int layers, int width) {
        int[] w = new int[layers];
        for (int i = 0; i < layers; i++) {
            int halvings = switch (shape) {
                case "fixed" -> 0;
                case "funnel" -> i;
                case "bottleneck" -> Math.min(i, layers - 1 - i);
                default -> throw new IllegalArgumentException("unknown shape '" + shape + "'; one of " + SHAPES);
            };
            w[i] = (int) Math.max(1, Math.round(width / Math.pow(2, halvings)));
        }
        return w;
    }

    @Override
    InputType inputType(Examples data) {
        return InputType.feedForward(data.columns());
    }

    @Override
    boolean hasHiddenLayers(TrainingRun run) {
        return run.getInt("layers") > 0;
    }

    @Override
    void hiddenLayers(NeuralNetConfiguration.ListBuilder list, TrainingRun run, Examples data) {
        int layers = run.getInt("layers");
        if (layers < 0) throw new IllegalArgumentException("layers must be >= 0, got " + layers);
        int width = TrainingKnobs.positiveInt(run, "width");
        Activation activation = TrainingKnobs.activation(run);
        boolean batchNorm = run.getBoolean("batchNorm");
        int[] widths = widths(run.getString("shape"), layers, width);
        for (int i = 0; i < layers; i++) {
            DenseLayer.Builder dense = new DenseLayer.Builder().nOut(widths[i]).activation(activation);
            if (i > 0) dropoutOn(dense, run);
            list.layer(dense.build());
            if (batchNorm) list.layer(new BatchNormalization.Builder().build());
        }
    }
}
