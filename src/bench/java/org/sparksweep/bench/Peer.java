package org.sparksweep.bench;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.sparksweep.data.TrainingData;

/**
 * Another library that runs the same small MLP trials, for the side-by-side table of scenario 2.
 * Implementations live outside the application (src/peers, built with the {@code peers} Maven
 * profile) and are found with {@link java.util.ServiceLoader}.
 */
public interface Peer {
    String name();

    /** Trains every config on the workload's data with the workload's threads; returns how it went. */
    Outcome run(Workload workload) throws Exception;

    /** One MLP: hidden layers of one width, Adam at a learning rate, ReLU, softmax output. */
    record MlpConfig(int layers, int width, double learningRate) {}

    /**
     * @param data    the training and validation splits every trial uses (standardised features)
     * @param threads trials at once (the engine's task slots)
     */
    record Workload(SparkSession spark, TrainingData data, List<MlpConfig> configs, int epochs, int batchSize, int threads, long seed) {}

    /** @param bestAccuracy the best validation accuracy over the trials */
    record Outcome(long trials, double wallSeconds, double bestAccuracy, String how) {}
}
