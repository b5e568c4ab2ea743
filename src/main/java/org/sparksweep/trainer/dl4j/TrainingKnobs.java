package org.sparksweep.trainer.dl4j;

import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.InverseSchedule;
import org.nd4j.linalg.schedule.PolySchedule;
import org.nd4j.linalg.schedule.ScheduleType;
import org.nd4j.linalg.schedule.StepSchedule;
import org.sparksweep.plugin.Knob;
import org.sparksweep.space.ValueType;
import org.sparksweep.trainer.TrainingRun;

/**
 * The training settings every Deeplearning4j network trainer shares (updater, learning rate and its
 * schedule, regularisation, noise, batches, epochs, early stopping), declared once and turned into
 * DL4J configuration in one place.
 */
final class TrainingKnobs {
    static final List<Object> ACTIVATIONS = List.of("relu", "tanh", "sigmoid", "leakyrelu", "elu", "swish", "gelu");
    static final List<Object> UPDATERS = List.of("adam", "sgd", "nesterovs", "rmsprop", "adagrad");
    static final List<Object> SCHEDULES = List.of("none", "exponential", "step", "inverse", "poly");

    private TrainingKnobs() {}

    static List<Knob> knobs() {
        return List.of(
                Knob.oneOf("weightInit", List.of("xavier", "relu", "uniform", "normal"), "xavier", "weight initialisation"),
                Knob.oneOf("updater", UPDATERS, "adam", "gradient updater"),
                Knob.of("learningRate", ValueType.DOUBLE, 0.01, "updater learning rate (the schedule's initial value)"),
                Knob.of("momentum", ValueType.DOUBLE, 0.9, "momentum, used only by the nesterovs updater"),
                Knob.oneOf("lrSchedule", SCHEDULES, "none",
                        "learning rate by epoch e: exponential lr*lrDecay^e, step lr*lrDecay^floor(e/lrStepEpochs), "
                                + "inverse lr/(1+lrDecay*e)^lrPower, poly lr*(1-e/epochs)^lrPower"),
                Knob.of("lrDecay", ValueType.DOUBLE, 0.9, "decay factor of the exponential, step and inverse schedules"),
                Knob.of("lrStepEpochs", ValueType.LONG, 10L, "epochs between two decays of the step schedule"),
                Knob.of("lrPower", ValueType.DOUBLE, 1.0, "power of the inverse and poly schedules"),
                Knob.of("l1", ValueType.DOUBLE, 0.0, "L1 weight penalty"),
                Knob.of("l2", ValueType.DOUBLE, 0.0, "L2 weight penalty"),
                Knob.of("dropout", ValueType.DOUBLE, 0.0, "probability of dropping a hidden activation (the input of every layer after the first), in [0, 1)"),
                Knob.of("inputNoise", ValueType.DOUBLE, 0.0, "standard deviation of gaussian noise added to the (standardised) inputs while training"),
                Knob.of("batchSize", ValueType.LONG, 16L, "examples per mini-batch"),
                Knob.of("epochs", ValueType.LONG, 30L, "the most passes over the training split"),
                Knob.of("patience", ValueType.LONG, 0L,
                        "stop after this many epochs without a better validation score and report the best epoch (0: train every epoch, report the last)"),
                Knob.of("scoreEvery", ValueType.LONG, 0L,
                        "epochs between two validation scores for the learning curve (0: about ten points a curve); every epoch when patience > 0 "
                                + "or the sweep's strategy stops trials early, the last epoch only when nobody watches (cross-validation)"));
    }

    /** The network-wide part of a configuration: seed, updater, weight initialisation, penalties. */
    static NeuralNetConfiguration.Builder base(TrainingRun run) {
        double l1 = nonNegative(run, "l1"), l2 = nonNegative(run, "l2");
        return new NeuralNetConfiguration.Builder()
                .seed(run.seed())
                .updater(updater(run))
                .weightInit(weightInit(run.getString("weightInit")))
                .l1(l1)
                .l2(l2);
    }

    static IUpdater updater(TrainingRun run) {
        ISchedule schedule = schedule(run);
        double lr = run.getDouble("learningRate");
        String name = run.getString("updater");
        return switch (name) {
            case "adam" -> schedule == null ? new Adam(lr) : new Adam(schedule);
            case "sgd" -> schedule == null ? new Sgd(lr) : new Sgd(schedule);
            case "nesterovs" -> {
                double momentum = run.getDouble("momentum");
                if (momentum < 0 || momentum >= 1) throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
                yield schedule == null ? new Nesterovs(lr, momentum) : new Nesterovs(schedule, momentum);
            }
            case "rmsprop" -> schedule == null ? new RmsProp(lr) : new RmsProp(schedule);
            case "adagrad" -> schedule == null ? new AdaGrad(lr) : new AdaGrad(schedule);
            default -> throw new IllegalArgumentException("unknown updater '" + name + "'; one of " + UPDATERS);
        };
    }

    /** The learning rate schedule by epoch, or null for a constant learning rate. */
    static ISchedule schedule(TrainingRun run) {
        double lr = run.getDouble("learningRate");
        if (!(lr > 0)) throw new IllegalArgumentException("learningRate must be > 0, got " + lr);
        String name = run.getString("lrSchedule");
        double decay = run.getDouble("lrDecay");
        double power = run.getDouble("lrPower");
        return switch (name) {
            case "none" -> null;
            case "exponential" -> new ExponentialSchedule(ScheduleType.EPOCH, lr, decayIn01(decay));
            case "step" -> {
                long every = run.getLong("lrStepEpochs");
                if (every < 1) throw new IllegalArgumentException("lrStepEpochs must be >= 1, got " + every);
                yield new StepSchedule(ScheduleType.EPOCH, lr, decayIn01(decay), every);
            }
            case "inverse" -> {
                if (!(decay > 0)) throw new IllegalArgumentException("lrDecay of the inverse schedule must be > 0, got " + decay);
                yield new InverseSchedule(ScheduleType.EPOCH, lr, decay, positive(power));
            }
            case "poly" -> new PolySchedule(ScheduleType.EPOCH, lr, positive(power), run.getInt("epochs"));
            default -> throw new IllegalArgumentException("unknown lrSchedule '" + name + "'; one of " + SCHEDULES);
        };
    }

    static Activation activation(TrainingRun run) {
        return Activation.valueOf(run.getString("activation").toUpperCase(Locale.ROOT));
    }

    /** The dropout probability, checked. */
    static double dropout(TrainingRun run) {
        double dropout = run.getDouble("dropout");
        if (dropout < 0 || dropout >= 1) throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        return dropout;
    }

    static int positiveInt(TrainingRun run, String name) {
        int v = run.getInt(name);
        if (v < 1) throw new IllegalArgumentException(name + " must be >= 1, got " + v);
        return v;
    }

    static double nonNegative(TrainingRun run, String name) {
        double v = run.getDouble(name);
        if (!(v >= 0)) throw new IllegalArgumentException(name + " must be >= 0, got " + v);
        return v;
    }

    private static double decayIn01(double decay) {
        if (!(decay > 0 && decay <= 1)) throw new IllegalArgumentException("lrDecay must be in (0, 1], got " + decay);
        return decay;
    }

    private static double positive(double power) {
        if (!(power > 0)) throw new IllegalArgumentException("lrPower must be > 0, got " + power);
        return power;
    }

    private static WeightInit weightInit(String name) {
        return switch (name) {
            case "relu" -> WeightInit.RELU;
            case "uniform" -> WeightInit.UNIFORM;
            case "normal" -> WeightInit.NORMAL;
            default -> WeightInit.XAVIER;
        };
    }
}
