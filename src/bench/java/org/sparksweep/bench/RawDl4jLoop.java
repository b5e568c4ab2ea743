package org.sparksweep.bench;

import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.sparksweep.data.Examples;
import org.sparksweep.data.TrainingData;

/**
 * The same MLP trials as scenario 2's engine, built and trained with DL4J's API alone in a plain loop in
 * this JVM: no engine code between the data and the network. Each trial: configuration, {@code init}, the
 * epochs of {@code fit} on mini-batches, one evaluation of the validation split at the end.
 *
 * <p>What it matches of the engine's dl4j-mlp trainer, so that only the engine's own work differs: the
 * seed, Adam at the config's learning rate, Xavier weights, no l1/l2 or dropout (the trainer's defaults),
 * ReLU dense layers and a softmax/MCXENT output, DL4J's default workspace and cache modes and float data,
 * and the same mini-batches in the same order (the training split shuffled with seed + epoch before each
 * epoch, then cut into batches), so a trial reaches the engine's accuracy exactly.
 *
 * @param seconds      the loop's wall seconds
 * @param trainSeconds Σ the trials' build + fit + evaluate seconds (the data's arrays are made once, before the loop)
 */
record RawDl4jLoop(long trials, double seconds, double trainSeconds, double cpuSeconds, double bestAccuracy) {

    static RawDl4jLoop run(TrainingData data, List<Peer.MlpConfig> configs, int epochs, int batchSize, long seed) {
        Examples train = data.train(), validation = data.validation();
        int classes = train.classes();
        DataSet trainSet = new DataSet(features(train), oneHot(train));
        INDArray validationFeatures = features(validation), validationLabels = oneHot(validation);
        long cpu0 = CpuTime.ofProcess();
        long t0 = System.nanoTime();
        double trainSeconds = 0, best = Double.NaN;
        for (Peer.MlpConfig c : configs) {
            long start = System.nanoTime();
            NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                    .seed(seed)
                    .updater(new Adam(c.learningRate()))
                    .weightInit(WeightInit.XAVIER)
                    .list();
            for (int i = 0; i < c.layers(); i++) list.layer(new DenseLayer.Builder().nOut(c.width()).activation(Activation.RELU).build());
            list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(classes).activation(Activation.SOFTMAX).build());
            MultiLayerConfiguration conf = list.setInputType(InputType.feedForward(train.columns())).build();
            MultiLayerNetwork net = new MultiLayerNetwork(conf);
            net.init();
            DataSet epochSet = trainSet.copy(); // every trial starts from the split's order, as the engine's
            for (int epoch = 1; epoch <= epochs; epoch++) {
                epochSet.shuffle(seed + epoch);
                for (DataSet batch : epochSet.batchBy(batchSize)) net.fit(batch);
            }
            Evaluation evaluation = new Evaluation(classes);
            evaluation.eval(validationLabels, net.output(validationFeatures, false));
            double accuracy = evaluation.accuracy();
            trainSeconds += (System.nanoTime() - start) / 1e9;
            if (Double.isNaN(best) || accuracy > best) best = accuracy;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new RawDl4jLoop(configs.size(), seconds, trainSeconds, CpuTime.cores(cpu0, seconds) * seconds, best);
    }

    private static INDArray features(Examples d) {
        return Nd4j.create(d.features()).castTo(DataType.FLOAT);
    }

    private static INDArray oneHot(Examples d) {
        double[][] y = new double[d.rows()][d.classes()];
        for (int i = 0; i < d.rows(); i++) y[i][(int) d.targets()[i]] = 1;
        return Nd4j.create(y).castTo(DataType.FLOAT);
    }
}
