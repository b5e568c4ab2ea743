package org.sparksweep.store;

import java.util.Locale;

/** Leaderboard column names: a public contract, snake_case (see the README's column table). */
public final class Columns {
    public static final String SWEEP = "sweep";
    public static final String TRIAL_ID = "trial_id";
    public static final String TRIAL_INDEX = "trial_index";
    public static final String STATUS = "status";
    public static final String OBJECTIVE = "objective";
    public static final String RANK = "rank";
    public static final String ERROR = "error";
    public static final String RUNG = "rung";
    public static final String BUDGET = "budget";
    public static final String PARENT_TRIAL_ID = "parent_trial_id";
    public static final String STOP_REASON = "stop_reason";
    public static final String STEP = "step";
    /** 1 = non-dominated among the feasible trials of the sweep (or of the sweeps ranked together); null when not feasible. */
    public static final String PARETO_RANK = "pareto_rank";
    /** Crowding distance within the trial's Pareto rank (infinite at a front's ends); null when not feasible. */
    public static final String CROWDING_DISTANCE = "crowding_distance";
    /** Whether a completed trial keeps every constraint (false also for SKIPPED_CONSTRAINT); null for failed trials. */
    public static final String FEASIBLE = "feasible";
    /** With a scalarization: the combined loss of the objectives (minimised), which {@code rank} follows. */
    public static final String SCALARIZED = "scalarized";
    public static final String CONFIG_JSON = "config_json";
    public static final String SEED = "seed";
    public static final String STARTED_AT = "started_at";
    public static final String FINISHED_AT = "finished_at";
    public static final String TRAIN_SECONDS = "train_seconds";
    public static final String EXECUTOR_HOST = "executor_host";
    public static final String EXECUTOR_ID = "executor_id";
    public static final String EXECUTOR_PID = "executor_pid";
    public static final String TRAINER = "trainer";
    public static final String STRATEGY = "strategy";
    public static final String OBJECTIVE_METRIC = "objective_metric";
    public static final String OBJECTIVE_DIRECTION = "objective_direction";
    public static final String SPEC_HASH = "spec_hash";
    public static final String ENGINE_VERSION = "engine_version";
    public static final String PARAM_PREFIX = "param_";
    public static final String METRIC_PREFIX = "metric_";

    private Columns() {}

    public static String param(String name) {
        return PARAM_PREFIX + snake(name);
    }

    public static String metric(String name) {
        return METRIC_PREFIX + snake(name);
    }

    /** With k-fold cross-validation: a metric's standard deviation across folds. */
    public static String metricStd(String name) {
        return metric(name) + "_std";
    }

    /** With k-fold cross-validation: a metric's value in each fold, as an array. */
    public static String metricFolds(String name) {
        return metric(name) + "_folds";
    }

    /** learningRate → learning_rate, batchSize → batch_size, f1_macro → f1_macro. */
    public static String snake(String name) {
        String s = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2");
        return s.replaceAll("[^A-Za-z0-9]+", "_").toLowerCase(Locale.ROOT);
    }
}
