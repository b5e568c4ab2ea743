package org.sparksweep.trainer.dl4j;

import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.nd4j.linalg.activations.Activation;
import org.sparksweep.data.Examples;
import org.sparksweep.plugin.Knob;
import org.sparksweep.space.ValueType;
import org.sparksweep.trainer.TrainingRun;

/**
 * A Deeplearning4j convolutional network for image-shaped data ({@code [channels, height, width]}):
 * {@code convBlocks} blocks of a convolution (filters doubling block by block), optional batch
 * normalisation and pooling, then a dense head and a softmax classifier or a linear regressor.
 */
public final class Dl4jCnnTrainer extends NetworkTrainer {

    @Override
    public String name() {
        return "dl4j-cnn";
    }

    @Override
    List<Knob> familyKnobs() {
        return List.of(
                Knob.of("convBlocks", ValueType.LONG, 2L, "convolution blocks (convolution, optional batch norm, pooling)"),
                Knob.of("filters", ValueType.LONG, 16L, "filters of the first block; each next block has twice as many"),
                Knob.of("kernel", ValueType.LONG, 3L, "square kernel size of the convolutions"),
                Knob.of("stride", ValueType.LONG, 1L, "stride of the convolutions"),
                Knob.oneOf("padding", List.of("same", "valid"), "same",
                        "same: zero-pad so a stride-1 convolution keeps the image size; valid: no padding (the image shrinks by kernel-1)"),
                Knob.oneOf("pooling", List.of("max", "avg", "none"), "max", "pooling after each convolution"),
                Knob.of("poolSize", ValueType.LONG, 2L, "square pooling window, also its stride"),
                Knob.of("denseLayers", ValueType.LONG, 1L, "dense layers of the head"),
                Knob.of("denseWidth", ValueType.LONG, 64L, "units per dense layer of the head"),
                Knob.oneOf("activation", TrainingKnobs.ACTIVATIONS, "relu", "activation of the convolutions and the dense head"),
                Knob.of("batchNorm", ValueType.BOOLEAN, false, "batch normalisation after each convolution"));
    }

    @Override
    InputType inputType(Examples data) {
        int[] s = data.shape();
        if (s.length != 3) {
            throw new IllegalArgumentException("dl4j-cnn needs image-shaped data [channels, height, width]; data set '" + data.name()
                    + "' has examples of shape " + Arrays.toString(s) + ": give its data source an image shape (e.g. shape: [1, 8, 8])");
        }
        return InputType.convolutionalFlat(s[1], s[2], s[0]);
    }

    @Override
    boolean hasHiddenLayers(TrainingRun run) {
        return true; // at least the flattened feature maps feed the output layer
    }

    @Override
    void hiddenLayers(NeuralNetConfiguration.ListBuilder list, TrainingRun run, Examples data) {
        int blocks = run.getInt("convBlocks");
        if (blocks < 1) throw new IllegalArgumentException("convBlocks must be >= 1, got " + blocks);
        int filters = TrainingKnobs.positiveInt(run, "filters");
        int kernel = TrainingKnobs.positiveInt(run, "kernel");
        int stride = TrainingKnobs.positiveInt(run, "stride");
        int poolSize = TrainingKnobs.positiveInt(run, "poolSize");
        String pooling = run.getString("pooling");
        boolean same = run.getString("padding").equals("same");
        ConvolutionMode mode = same ? ConvolutionMode.Same : ConvolutionMode.Truncate;
        int denseLayers = run.getInt("denseLayers");
        if (denseLayers < 0) throw new IllegalArgumentException("denseLayers must be >= 0, got " + denseLayers);
        int denseWidth = TrainingKnobs.positiveInt(run, "denseWidth");
        Activation activation = TrainingKnobs.activation(run);
        boolean batchNorm = run.getBoolean("batchNorm");

        int h = data.shape()[1], w = data.shape()[2];
        for (int b = 0; b < blocks; b++) {
            h = convolved(h, kernel, stride, same);
            w = convolved(w, kernel, stride, same);
            if (!pooling.equals("none")) {
                h = convolved(h, poolSize, poolSize, same);
                w = convolved(w, poolSize, poolSize, same);
            }
            if (h < 1 || w < 1) {
                throw new IllegalArgumentException("dl4j-cnn: block " + (b + 1) + " of " + blocks + " shrinks the " + data.shape()[1] + "x"
                        + data.shape()[2] + " image to nothing (kernel " + kernel + ", stride " + stride + ", padding " + run.getString("padding")
                        + ", pooling " + pooling + " " + poolSize + "): use fewer convBlocks, padding: same, or a smaller kernel, stride or poolSize");
            }
            list.layer(new ConvolutionLayer.Builder(kernel, kernel).stride(stride, stride).convolutionMode(mode)
                    .nOut((long) filters << b).activation(activation).build());
            if (batchNorm) list.layer(new BatchNormalization.Builder().build());
            if (!pooling.equals("none")) {
                list.layer(new SubsamplingLayer.Builder(pooling.equals("max") ? SubsamplingLayer.PoolingType.MAX : SubsamplingLayer.PoolingType.AVG)
                        .kernelSize(poolSize, poolSize).stride(poolSize, poolSize).convolutionMode(mode).build());
            }
        }
        for (int i = 0; i < denseLayers; i++) {
            DenseLayer.Builder dense = new DenseLayer.Builder().nOut(denseWidth).activation(activation);
            dropoutOn(dense, run);
            list.layer(dense.build());
        }
    }

    /** Output size along one axis: ceil(in / stride) with same padding, floor((in - k) / stride) + 1 without. */
    static int convolved(int in, int kernel, int stride, boolean same) {
        if (same) return (in + stride - 1) / stride;
        return in < kernel ? 0 : (in - kernel) / stride + 1;
    }
}
