package org.sparksweep.bench.peers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedSet;
import java.util.TreeSet;
import org.deeplearning4j.arbiter.MultiLayerSpace;
import org.deeplearning4j.arbiter.conf.updater.AdamSpace;
import org.deeplearning4j.arbiter.layers.DenseLayerSpace;
import org.deeplearning4j.arbiter.layers.OutputLayerSpace;
import org.deeplearning4j.arbiter.optimize.api.data.DataSource;
import org.deeplearning4j.arbiter.optimize.api.saving.InMemoryResultSaver;
import org.deeplearning4j.arbiter.optimize.api.termination.MaxCandidatesCondition;
import org.deeplearning4j.arbiter.optimize.config.OptimizationConfiguration;
import org.deeplearning4j.arbiter.optimize.generator.GridSearchCandidateGenerator;
import org.deeplearning4j.arbiter.optimize.parameter.discrete.DiscreteParameterSpace;
import org.deeplearning4j.arbiter.optimize.runner.LocalOptimizationRunner;
import org.deeplearning4j.arbiter.scoring.impl.EvaluationScoreFunction;
import org.deeplearning4j.arbiter.task.MultiLayerNetworkTaskCreator;
import org.deeplearning4j.datasets.iterator.utilty.ListDataSetIterator;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.sparksweep.bench.Peer;
import org.sparksweep.data.Examples;

/**
 * DL4J's Arbiter (1.0.0-beta7) as a peer: a MultiLayerSpace over the same layers, widths and Adam
 * learning rates, its grid candidate generator, and its LocalOptimizationRunner with as many
 * concurrent tasks as the engine has slots; scored by validation accuracy.
 */
public final class ArbiterPeer implements Peer {
    /** Arbiter makes its data source by class name; the workload's splits reach it through here. */
    static volatile Workload current;

    @Override
    public String name() {
        return "Arbiter 1.0.0-beta7";
    }

    @Override
    public Outcome run(Workload w) throws Exception {
        current = w;
        SortedSet<Integer> layers = new TreeSet<>(), widths = new TreeSet<>();
        SortedSet<Double> rates = new TreeSet<>();
        for (MlpConfig c : w.configs()) {
            layers.add(c.layers());
            widths.add(c.width());
            rates.add(c.learningRate());
        }
        int classes = w.data().train().classes();
        MultiLayerSpace space = new MultiLayerSpace.Builder()
                .seed(w.seed())
                .weightInit(WeightInit.XAVIER)
                .updater(new AdamSpace(new DiscreteParameterSpace<>(rates.toArray(new Double[0]))))
                .addLayer(new DenseLayerSpace.Builder().nIn(w.data().train().columns()).activation(Activation.RELU)
                        .nOut(new DiscreteParameterSpace<>(widths.toArray(new Integer[0]))).build(),
                        new DiscreteParameterSpace<>(layers.toArray(new Integer[0])))
                .addLayer(new OutputLayerSpace.Builder().nOut(classes).activation(Activation.SOFTMAX)
                        .lossFunction(LossFunctions.LossFunction.MCXENT).build())
                .numEpochs(w.epochs())
                .build();
        int candidates = w.configs().size();
        OptimizationConfiguration conf = new OptimizationConfiguration.Builder()
                .candidateGenerator(new GridSearchCandidateGenerator(space, 3, GridSearchCandidateGenerator.Mode.Sequential, Map.of()))
                .dataSource(SplitSource.class, new Properties())
                .modelSaver(new InMemoryResultSaver())
                .scoreFunction(new EvaluationScoreFunction(Evaluation.Metric.ACCURACY))
                .terminationConditions(new MaxCandidatesCondition(candidates))
                .build();
        LocalOptimizationRunner runner = new LocalOptimizationRunner(w.threads(), conf, new MultiLayerNetworkTaskCreator());
        long t0 = System.nanoTime();
        runner.execute();
        double seconds = (System.nanoTime() - t0) / 1e9;
        long done = runner.numCandidatesCompleted();
        if (runner.numCandidatesFailed() > 0) throw new IllegalStateException(runner.numCandidatesFailed() + " Arbiter candidates failed");
        return new Outcome(done, seconds, runner.bestScore(), "LocalOptimizationRunner, " + w.threads() + " concurrent tasks, grid candidates");
    }

    /** The workload's training and validation splits as Arbiter's data source. */
    public static final class SplitSource implements DataSource {
        @Override
        public void configure(Properties properties) {}

        @Override
        public Object trainData() {
            Workload w = current;
            return iterator(w.data().train(), w.batchSize());
        }

        @Override
        public Object testData() {
            Workload w = current;
            return iterator(w.data().validation(), w.data().validation().rows());
        }

        @Override
        public Class<?> getDataType() {
            return DataSetIterator.class;
        }

        static DataSetIterator iterator(Examples d, int batch) {
            double[][] labels = new double[d.rows()][d.classes()];
            for (int i = 0; i < d.rows(); i++) labels[i][(int) d.targets()[i]] = 1;
            DataSet all = new DataSet(Nd4j.create(d.features()).castTo(DataType.FLOAT), Nd4j.create(labels).castTo(DataType.FLOAT));
            List<DataSet> rows = new ArrayList<>(all.asList());
            return new ListDataSetIterator<>(rows, batch);
        }
    }
}
