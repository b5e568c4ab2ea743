package org.sparksweep.trainer.dl4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.GaussianNoise;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.memory.MemoryUseMode;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.sparksweep.data.DataShape;
import org.sparksweep.data.Examples;
import org.sparksweep.data.TrainingData;
import org.sparksweep.plugin.Knob;
import org.sparksweep.trial.Direction;
import org.sparksweep.trainer.Checkpoints;
import org.sparksweep.trainer.ClassificationMetrics;
import org.sparksweep.trainer.DivergedException;
import org.sparksweep.trainer.RegressionMetrics;
import org.sparksweep.trainer.Trainer;
import org.sparksweep.trainer.TrialContext;
import org.sparksweep.trainer.TrainingRun;

/**
 * What the Deeplearning4j trainers have in common, so each family only says how its hidden layers look
 * and how one example's features enter the network: the targets (a softmax classifier when the data has
 * classes, an identity-output regressor with standardised targets otherwise), the epoch loop with early
 * stopping on a validation metric, the validation scores (and, when the data holds out a test split, the
 * same scores on it as {@code test_*}, from the reported epoch's network) and the cost report
 * (parameters, epochs run, memory estimate). Training time is the engine's {@code train_seconds} column.
 */
abstract class NetworkTrainer implements Trainer {
    /** Cost figures every network trainer reports besides its scores. */
    static final List<String> COST_METRICS = List.of("train_loss", "param_count", "epochs_run", "best_epoch", "memory_mb", "epochs_trained");
    /** Prefix of the scores on the test split (when the data has one), e.g. {@code test_accuracy}. */
    static final String TEST = "test_";
    /** Examples per forward pass when scoring, so a large validation split never needs all its activations at once. */
    static final int SCORING_CHUNK = 1024;

    /** Settings of this family only; the shared training settings are added by {@link #knobs()}. */
    abstract List<Knob> familyKnobs();

    /** The per-example input, checked against the data set's shape. */
    abstract InputType inputType(Examples data);

    /** Adds the hidden layers (the input noise layer before them and the output layer after them are added here). */
    abstract void hiddenLayers(NeuralNetConfiguration.ListBuilder list, TrainingRun run, Examples data);

    /** Whether the layers {@link #hiddenLayers} adds end in activations that dropout should apply to. */
    abstract boolean hasHiddenLayers(TrainingRun run);

    /** The features as the network takes them; a flat matrix unless the family says otherwise. */
    INDArray features(Examples data) {
        return Nd4j.create(data.features()).castTo(DataType.FLOAT);
    }

    @Override
    public final List<Knob> knobs() {
        List<Knob> all = new ArrayList<>(familyKnobs());
        all.addAll(TrainingKnobs.knobs());
        return List.copyOf(all);
    }

    @Override
    public final List<String> metrics() {
        List<String> all = new ArrayList<>(ClassificationMetrics.NAMES);
        all.addAll(RegressionMetrics.NAMES);
        all.addAll(COST_METRICS);
        for (String score : ClassificationMetrics.NAMES) all.add(TEST + score);
        for (String score : RegressionMetrics.NAMES) all.add(TEST + score);
        return List.copyOf(all);
    }

    @Override
    public final boolean needsData() {
        return true;
    }

    @Override
    public final Map<String, Double> train(TrainingRun run) {
        Nd4jThreads.configure(run.cpus()); // here, not at load: listing trainers must not load ND4J's native code
        TrainingData data = run.data();
        Examples train = data.train();
        if (train.classes() == 1) {
            throw new IllegalArgumentException(name() + ": data set '" + train.name() + "' has a single class; a classifier needs at least 2 (or 0 for regression)");
        }
        Targets targets = Targets.of(train);
        int batchSize = TrainingKnobs.positiveInt(run, "batchSize");
        int epochs = TrainingKnobs.positiveInt(run, "epochs");
        int patience = run.getInt("patience");
        if (patience < 0) throw new IllegalArgumentException("patience must be >= 0 (0 turns early stopping off), got " + patience);

        MultiLayerConfiguration conf = configuration(run, train);
        TrialContext context = run.context();
        MultiLayerNetwork net = context.resumeFrom() != null ? resume(context.resumeFrom(), conf) : new MultiLayerNetwork(conf);
        if (context.resumeFrom() == null) net.init();
        net.addListeners(new InterruptionListener()); // a timed-out or killed trial stops between minibatches
        int firstEpoch = net.getEpochCount() + 1;
        if (firstEpoch > epochs) {
            throw new IllegalArgumentException("the checkpoint at " + context.resumeFrom() + " has trained " + (firstEpoch - 1)
                    + " epochs already, but this trial's budget is " + epochs + " epochs: a continued trial needs a larger budget");
        }
        boolean watched = context != TrialContext.NONE;
        int scoreEvery = scoreInterval(run, epochs, patience, context);

        DataSet trainSet = new DataSet(features(train), targets.labels(train));
        INDArray validationFeatures = features(data.validation());
        Monitor monitor = Monitor.of(run, targets);
        // the shuffles are cumulative: a continued trial replays its parent's, so epoch e sees the order it would have uninterrupted
        for (int epoch = 1; epoch < firstEpoch; epoch++) trainSet.shuffle(run.seed() + epoch);

        Map<String, Double> best = null;
        INDArray bestParams = null;
        double bestValue = Double.NaN;
        int bestEpoch = 0, epochsRun = 0, sinceBest = 0;
        for (int epoch = firstEpoch; epoch <= epochs; epoch++) {
            trainSet.shuffle(run.seed() + epoch);
            double lossSum = 0;
            int examples = 0;
            for (DataSet batch : batches(trainSet, batchSize)) {
                net.fit(batch);
                lossSum += net.score() * batch.numExamples();
                examples += batch.numExamples();
            }
            net.incrementEpochCount(); // epoch-based learning rate schedules read it
            epochsRun = epoch;
            double loss = lossSum / examples; // the epoch's mean mini-batch loss, penalties included
            if (!Double.isFinite(loss)) throw new DivergedException("training loss became " + loss + " in epoch " + epoch);
            if (epoch < epochs && (!watched || epoch % scoreEvery != 0) && patience == 0) {
                continue; // no early stopping and nobody needs this epoch's scores: the last epoch is always scored
            }
            Map<String, Double> scores = targets.score(predict(net, validationFeatures, SCORING_CHUNK), data.validation());
            scores.put("train_loss", loss);
            double value = monitor.value(scores);
            if (patience == 0 || best == null || monitor.direction().better(value, bestValue) || (Double.isNaN(bestValue) && !Double.isNaN(value))) {
                best = scores; // without patience, the last epoch is the one reported
                if (patience > 0 && data.test() != null) bestParams = net.params().dup();
                bestValue = value;
                bestEpoch = epoch;
                sinceBest = 0;
            } else {
                sinceBest++;
            }
            if (!context.report(epoch, scores)) break; // stopped by the sweep's stopping rule
            if (patience > 0 && sinceBest >= patience) break;
        }
        if (context.checkpoint() != null) checkpoint(net, context.checkpoint()); // the last epoch's network, to continue training from
        Map<String, Double> metrics = new HashMap<>(best);
        if (data.test() != null) {
            if (bestParams != null) net.setParams(bestParams); // the reported epoch's network, not the last one trained
            targets.score(predict(net, features(data.test()), SCORING_CHUNK), data.test()).forEach((k, v) -> metrics.put(TEST + k, v));
        }
        metrics.put("param_count", (double) net.numParams());
        metrics.put("epochs_run", (double) epochsRun);
        metrics.put("best_epoch", (double) bestEpoch);
        metrics.put("epochs_trained", (double) (epochsRun - firstEpoch + 1)); // fewer than epochs_run when continued from a checkpoint
        metrics.put("memory_mb", memoryMegabytes(conf, inputType(train), batchSize));
        return metrics;
    }

    /**
     * Epochs between two validation scores: every epoch when early stopping (patience, or the sweep's
     * stopping rule) needs them; otherwise {@code scoreEvery}, or about ten points a learning curve.
     */
    static int scoreInterval(TrainingRun run, int epochs, int patience, TrialContext context) {
        long every = run.getInt("scoreEvery");
        if (every < 0) throw new IllegalArgumentException("scoreEvery must be >= 0 (0: about ten points a learning curve), got " + every);
        if (patience > 0 || context.everyStep()) return 1;
        return every > 0 ? (int) Math.min(every, Integer.MAX_VALUE) : Math.max(1, (epochs + 9) / 10);
    }

    /** The file a network trainer's checkpoint directory holds: DL4J's model zip with its updater state and epoch count. */
    static final String CHECKPOINT_FILE = "model.zip";

    /** Writes the network with its updater state (and its epoch count, in its configuration) to the checkpoint directory. */
    static void checkpoint(MultiLayerNetwork net, String dir) {
        try {
            Checkpoints.write(dir, CHECKPOINT_FILE, out -> ModelSerializer.writeModel(net, out, true));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the checkpoint " + dir + "/" + CHECKPOINT_FILE + ": " + e.getMessage(), e);
        }
    }

    /** The network of a checkpoint, checked to have this trial's layers, ready to train on. */
    static MultiLayerNetwork resume(String dir, MultiLayerConfiguration expected) {
        MultiLayerNetwork net;
        try (InputStream in = Checkpoints.open(dir, CHECKPOINT_FILE)) {
            net = ModelSerializer.restoreMultiLayerNetwork(in, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        if (net.getnLayers() != expected.getConfs().size()) {
            throw new IllegalStateException("the checkpoint at " + dir + " has " + net.getnLayers() + " layers but this trial's network has "
                    + expected.getConfs().size() + ": it belongs to another config");
        }
        return net;
    }

    /** Computed from the network's configuration alone, so a constraint on them rules a trial out before it trains. */
    @Override
    public final List<String> predicted() {
        return List.of("param_count", "memory_mb");
    }

    /** Builds the configuration only (no parameter arrays) and counts each layer's parameters from it. */
    @Override
    public final Map<String, Double> predict(Map<String, Object> settings, DataShape shape) {
        TrainingRun run = new TrainingRun(settings, null, 0);
        Examples train = shape.emptyDataset();
        MultiLayerConfiguration conf = configuration(run, train);
        long params = 0;
        for (NeuralNetConfiguration layer : conf.getConfs()) params += layer.getLayer().initializer().numParams(layer);
        return Map.of("param_count", (double) params,
                "memory_mb", memoryMegabytes(conf, inputType(train), TrainingKnobs.positiveInt(run, "batchSize")));
    }

    /** The whole network for this trial: input noise, the family's hidden layers, the targets' output layer. */
    final MultiLayerConfiguration configuration(TrainingRun run, Examples train) {
        InputType input = inputType(train); // refuses data of a shape this family cannot take, before any layer is built
        Targets targets = Targets.of(train);
        double dropout = TrainingKnobs.dropout(run);
        double noise = TrainingKnobs.nonNegative(run, "inputNoise");
        NeuralNetConfiguration.ListBuilder list = TrainingKnobs.base(run).list();
        if (noise > 0) list.layer(new DropoutLayer.Builder(new GaussianNoise(noise)).build());
        hiddenLayers(list, run, train);
        OutputLayer.Builder out = new OutputLayer.Builder(targets.loss()).nOut(targets.outputs()).activation(targets.outputActivation());
        if (dropout > 0 && hasHiddenLayers(run)) out.dropOut(1 - dropout); // DL4J takes the probability of keeping
        list.layer(out.build());
        list.setInputType(input);
        return list.build();
    }

    /**
     * The examples cut into mini-batches of {@code size} in their order, the last one shorter: the batches of
     * DL4J's {@code DataSet.batchBy}, copied out as row ranges instead of split into single examples and merged
     * again (which took about a quarter of a small MLP trial). A data set with masks is left to DL4J.
     */
    static List<DataSet> batches(DataSet set, int size) {
        if (set.getFeaturesMaskArray() != null || set.getLabelsMaskArray() != null) return set.batchBy(size);
        INDArray features = set.getFeatures(), labels = set.getLabels();
        long n = features.size(0);
        List<DataSet> out = new ArrayList<>((int) ((n + size - 1) / size));
        for (long from = 0; from < n; from += size) {
            long to = Math.min(n, from + size);
            out.add(new DataSet(features.get(NDArrayIndex.interval(from, to)).dup(), labels.get(NDArrayIndex.interval(from, to)).dup()));
        }
        return out;
    }

    /** The network's outputs for these examples (first dimension), computed {@code chunk} examples at a time. */
    static INDArray predict(MultiLayerNetwork net, INDArray features, int chunk) {
        long n = features.size(0);
        if (n <= chunk) return net.output(features, false);
        List<INDArray> parts = new ArrayList<>();
        for (long from = 0; from < n; from += chunk) {
            parts.add(net.output(features.get(NDArrayIndex.interval(from, Math.min(n, from + chunk))).dup(), false));
        }
        return Nd4j.vstack(parts.toArray(new INDArray[0]));
    }

    /**
     * DL4J's estimate of the memory one training step needs at this batch size: parameters, updater state,
     * activations and working memory, in single precision, in MiB (2^20 bytes).
     */
    static double memoryMegabytes(MultiLayerConfiguration conf, InputType input, int batchSize) {
        long bytes = conf.getMemoryReport(input).getTotalMemoryBytes(batchSize, MemoryUseMode.TRAINING, CacheMode.NONE, DataType.FLOAT);
        return bytes / (double) (1 << 20);
    }

    /** Applies dropout to a hidden layer's input. */
    static void dropoutOn(org.deeplearning4j.nn.conf.layers.Layer.Builder<?> layer, TrainingRun run) {
        double dropout = TrainingKnobs.dropout(run);
        if (dropout > 0) layer.dropOut(1 - dropout);
    }

    /** What the network predicts: classes (classes > 0) or a real value (classes == 0), with how to encode the targets and score predictions. */
    record Targets(int classes, double targetMean, double targetStd) {
        static Targets of(Examples train) {
            if (train.classes() > 0) return new Targets(train.classes(), 0, 1);
            double mean = 0, var = 0;
            for (double y : train.targets()) mean += y;
            mean /= train.rows();
            for (double y : train.targets()) var += (y - mean) * (y - mean);
            double std = Math.sqrt(var / train.rows());
            return new Targets(0, mean, std > 0 ? std : 1);
        }

        boolean regression() {
            return classes == 0;
        }

        int outputs() {
            return regression() ? 1 : classes;
        }

        LossFunctions.LossFunction loss() {
            return regression() ? LossFunctions.LossFunction.MSE : LossFunctions.LossFunction.MCXENT;
        }

        Activation outputActivation() {
            return regression() ? Activation.IDENTITY : Activation.SOFTMAX;
        }

        /** One-hot classes, or targets standardised by the training split's mean and deviation. */
        INDArray labels(Examples d) {
            double[][] y = new double[d.rows()][outputs()];
            for (int i = 0; i < d.rows(); i++) {
                if (regression()) y[i][0] = (d.targets()[i] - targetMean) / targetStd;
                else y[i][(int) d.targets()[i]] = 1;
            }
            return Nd4j.create(y).castTo(DataType.FLOAT);
        }

        Map<String, Double> score(INDArray output, Examples validation) {
            double[][] out = output.toDoubleMatrix();
            if (regression()) {
                double[] predictions = new double[out.length];
                for (int i = 0; i < out.length; i++) predictions[i] = out[i][0] * targetStd + targetMean;
                return new HashMap<>(RegressionMetrics.score(predictions, validation.targets()));
            }
            int[] labels = new int[validation.rows()];
            for (int i = 0; i < labels.length; i++) labels[i] = (int) validation.targets()[i];
            return new HashMap<>(ClassificationMetrics.score(out, labels, classes));
        }
    }

    /**
     * The validation metric early stopping watches: the sweep's objective when it is a validation score
     * for these targets, otherwise the validation loss (log_loss, or rmse for regression).
     */
    record Monitor(String metric, Direction direction, String fallback) {
        static Monitor of(TrainingRun run, Targets targets) {
            String fallback = targets.regression() ? "rmse" : "log_loss";
            List<String> scores = targets.regression() ? RegressionMetrics.NAMES : ClassificationMetrics.NAMES;
            if (run.objective() != null && scores.contains(run.objective().metric())) {
                return new Monitor(run.objective().metric(), run.objective().direction(), fallback);
            }
            return new Monitor(fallback, Direction.MINIMIZE, fallback);
        }

        /** The watched value; a score the validation split cannot give (roc_auc with one class) falls back to the loss. */
        double value(Map<String, Double> scores) {
            Double v = scores.get(metric);
            if (v != null) return v;
            Double loss = scores.get(fallback);
            return direction == Direction.MINIMIZE ? loss : -loss;
        }
    }
}
