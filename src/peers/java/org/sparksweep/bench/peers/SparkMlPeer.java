package org.sparksweep.bench.peers;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.spark.ml.classification.MultilayerPerceptronClassifier;
import org.apache.spark.ml.evaluation.MulticlassClassificationEvaluator;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.ml.tuning.TrainValidationSplit;
import org.apache.spark.ml.tuning.TrainValidationSplitModel;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sparksweep.bench.Peer;
import org.sparksweep.data.Examples;

/**
 * Spark ML's TrainValidationSplit as a peer: MultilayerPerceptronClassifier over a grid of the same
 * size (hidden layer shapes × step sizes), parallelism = the engine's slots, validation share as the
 * engine's split, full-batch gradient descent for {@code epochs} iterations.
 */
public final class SparkMlPeer implements Peer {
    @Override
    public String name() {
        return "Spark ML TrainValidationSplit";
    }

    @Override
    public Outcome run(Workload w) {
        Examples train = w.data().train(), validation = w.data().validation();
        List<Row> rows = new ArrayList<>();
        for (Examples d : List.of(train, validation)) {
            for (int i = 0; i < d.rows(); i++) rows.add(RowFactory.create(Vectors.dense(d.features()[i]), d.targets()[i]));
        }
        StructType schema = new StructType().add("features", new VectorUDT()).add("label", DataTypes.DoubleType);
        var data = w.spark().createDataFrame(rows, schema).cache();
        data.count();

        SortedSet<String> shapes = new TreeSet<>();
        List<int[]> layerArrays = new ArrayList<>();
        SortedSet<Double> rates = new TreeSet<>();
        for (MlpConfig c : w.configs()) {
            rates.add(c.learningRate());
            int[] layers = new int[c.layers() + 2];
            layers[0] = train.columns();
            for (int i = 1; i <= c.layers(); i++) layers[i] = c.width();
            layers[layers.length - 1] = train.classes();
            if (shapes.add(java.util.Arrays.toString(layers))) layerArrays.add(layers);
        }
        MultilayerPerceptronClassifier mlp = new MultilayerPerceptronClassifier().setSolver("gd").setMaxIter(w.epochs())
                .setBlockSize(w.batchSize()).setSeed(w.seed());
        ParamMap[] grid = new ParamGridBuilder()
                .addGrid(mlp.layers(), scala.jdk.javaapi.CollectionConverters.asScala(layerArrays).toSeq())
                .addGrid(mlp.stepSize(), rates.stream().mapToDouble(Double::doubleValue).toArray())
                .build();
        TrainValidationSplit tvs = new TrainValidationSplit().setEstimator(mlp).setEstimatorParamMaps(grid)
                .setEvaluator(new MulticlassClassificationEvaluator().setMetricName("accuracy"))
                .setTrainRatio(train.rows() / (double) (train.rows() + validation.rows()))
                .setParallelism(w.threads()).setSeed(w.seed());
        long t0 = System.nanoTime();
        TrainValidationSplitModel model = tvs.fit(data);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double best = java.util.Arrays.stream(model.validationMetrics()).max().orElse(Double.NaN);
        data.unpersist();
        return new Outcome(grid.length, seconds, best, "parallelism " + w.threads() + ", MultilayerPerceptronClassifier gd, maxIter = epochs");
    }
}
