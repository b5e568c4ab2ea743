package org.sparksweep.train.dl4j;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.sparksweep.data.Dataset;
import org.sparksweep.data.TrainingData;
import org.sparksweep.space.ValueType;
import org.sparksweep.train.ClassificationMetrics;
import org.sparksweep.train.DivergedException;
import org.sparksweep.plugin.Knob;
import org.sparksweep.train.Trainer;
import org.sparksweep.train.TrainingRun;

/**
 * A Deeplearning4j multi-layer perceptron classifier: {@code layers} dense layers of {@code width}
 * units and a softmax output, trained with mini-batches on the training split and scored on the
 * validation split.
 */
public final class Dl4jMlpTrainer implements Trainer {

    @Override
    public String name() {
        return "dl4j-mlp";
    }

    @Override
    public List<Knob> knobs() {
        return List.of(
                Knob.of("layers", ValueType.LONG, 2L, "number of hidden dense layers"),
                Knob.of("width", ValueType.LONG, 32L, "units per hidden layer"),
                Knob.oneOf("activation", List.of("relu", "tanh", "sigmoid", "leakyrelu", "elu", "swish", "gelu"), "relu",
                        "activation of the hidden layers"),
                Knob.oneOf("weightInit", List.of("xavier", "relu", "uniform", "normal"), "xavier", "weight initialisation"),
                Knob.oneOf("updater", List.of("adam", "sgd", "nesterovs", "rmsprop", "adagrad"), "adam", "gradient updater"),
                Knob.of("learningRate", ValueType.DOUBLE, 0.01, "updater learning rate"),
                Knob.of("momentum", ValueType.DOUBLE, 0.9, "momentum, used by the nesterovs updater"),
                Knob.of("l2", ValueType.DOUBLE, 0.0, "L2 weight penalty"),
                Knob.of("dropout", ValueType.DOUBLE, 0.0, "probability of dropping a hidden unit's input, in [0, 1)"),
                Knob.of("batchSize", ValueType.LONG, 16L, "examples per mini-batch"),
                Knob.of("epochs", ValueType.LONG, 30L, "passes over the training split"));
    }

    @Override
    public List<String> metrics() {
        return List.of("accuracy", "f1_macro", "log_loss", "train_loss");
    }

    @Override
    public boolean needsData() {
        return true;
    }

    @Override
    public Map<String, Double> train(TrainingRun run) {
        Nd4jThreads.configure(); // here, not at load: listing trainers must not load ND4J's native code
        TrainingData data = run.data();
        Dataset train = data.train();
        if (train.classes() < 2) {
            throw new IllegalArgumentException("dl4j-mlp trains classifiers; data set '" + train.name() + "' has no class labels");
        }
        double dropout = run.getDouble("dropout");
        if (dropout < 0 || dropout >= 1) throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);

        MultiLayerNetwork net = new MultiLayerNetwork(configuration(run, train.columns(), train.classes()));
        net.init();
        net.addListeners(new InterruptionListener()); // a timed-out or killed trial stops between minibatches

        DataSet trainSet = toDataSet(train);
        int batchSize = run.getInt("batchSize");
        int epochs = run.getInt("epochs");
        double loss = Double.NaN;
        for (int epoch = 0; epoch < epochs; epoch++) {
            trainSet.shuffle(run.seed() + epoch);
            for (DataSet batch : trainSet.batchBy(batchSize)) {
                net.fit(batch);
            }
            loss = net.score();
            if (!Double.isFinite(loss)) {
                throw new DivergedException("training loss became " + loss + " in epoch " + (epoch + 1));
            }
        }

        Dataset validation = data.validation();
        INDArray output = net.output(Nd4j.create(validation.features()).castTo(DataType.FLOAT), false);
        double[][] probabilities = output.toDoubleMatrix();
        int[] labels = new int[validation.rows()];
        for (int i = 0; i < labels.length; i++) labels[i] = (int) validation.targets()[i];
        Map<String, Double> metrics = new HashMap<>(ClassificationMetrics.score(probabilities, labels, validation.classes()));
        metrics.put("train_loss", loss);
        return metrics;
    }

    static MultiLayerConfiguration configuration(TrainingRun run, int inputs, int classes) {
        int layers = run.getInt("layers");
        int width = run.getInt("width");
        if (layers < 0) throw new IllegalArgumentException("layers must be >= 0, got " + layers);
        if (width < 1) throw new IllegalArgumentException("width must be >= 1, got " + width);
        Activation activation = Activation.valueOf(run.getString("activation").toUpperCase(java.util.Locale.ROOT));
        double dropout = run.getDouble("dropout");
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(run.seed())
                .updater(updater(run))
                .weightInit(weightInit(run.getString("weightInit")))
                .l2(run.getDouble("l2"))
                .list();
        int in = inputs;
        for (int i = 0; i < layers; i++) {
            DenseLayer.Builder dense = new DenseLayer.Builder().nIn(in).nOut(width).activation(activation);
            if (dropout > 0) dense.dropOut(1 - dropout); // DL4J takes the probability of keeping an input
            list.layer(dense.build());
            in = width;
        }
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nIn(in).nOut(classes).activation(Activation.SOFTMAX).build());
        return list.build();
    }

    private static IUpdater updater(TrainingRun run) {
        double lr = run.getDouble("learningRate");
        if (!(lr > 0)) throw new IllegalArgumentException("learningRate must be > 0, got " + lr);
        return switch (run.getString("updater")) {
            case "adam" -> new Adam(lr);
            case "sgd" -> new Sgd(lr);
            case "nesterovs" -> new Nesterovs(lr, run.getDouble("momentum"));
            case "rmsprop" -> new RmsProp(lr);
            case "adagrad" -> new AdaGrad(lr);
            default -> throw new IllegalArgumentException("unknown updater " + run.getString("updater"));
        };
    }

    private static WeightInit weightInit(String name) {
        return switch (name) {
            case "relu" -> WeightInit.RELU;
            case "uniform" -> WeightInit.UNIFORM;
            case "normal" -> WeightInit.NORMAL;
            default -> WeightInit.XAVIER;
        };
    }

    private static DataSet toDataSet(Dataset d) {
        double[][] oneHot = new double[d.rows()][d.classes()];
        for (int i = 0; i < d.rows(); i++) oneHot[i][(int) d.targets()[i]] = 1;
        return new DataSet(Nd4j.create(d.features()).castTo(DataType.FLOAT), Nd4j.create(oneHot).castTo(DataType.FLOAT));
    }
}
