package org.sparksweep.engine;

import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkEnv;
import org.sparksweep.data.DataCache;
import org.sparksweep.data.TrainingData;
import org.sparksweep.space.TrialConfig;
import org.sparksweep.trainer.CrossValidation;
import org.sparksweep.trainer.DivergedException;
import org.sparksweep.trainer.Trainer;
import org.sparksweep.trainer.Trainers;
import org.sparksweep.trainer.TrainingRun;
import org.sparksweep.trainer.TrialContext;
import org.sparksweep.trial.TrialCourse;
import org.sparksweep.trial.TrialId;
import org.sparksweep.trial.TrialResult;
import org.sparksweep.trial.TrialStatus;

/**
 * The body of one trial task on an executor: decode the config from the index, train, score, and
 * turn anything that goes wrong inside the trial into a FAILED or DIVERGED result instead of a
 * failed task (which Spark would retry, and which would end the sweep).
 */
public final class TrialRunner {
    static final int MAX_ERROR_CHARS = 4000;
    private static final String HOST = hostName();
    private static final long PID = ProcessHandle.current().pid();

    private TrialRunner() {}

    public static TrialResult run(TrialPlan plan, long index) {
        return run(plan, index, 1);
    }

    /** Runs a trial whose task holds {@code cpus} cores (the trainer sizes its threads to them). */
    public static TrialResult run(TrialPlan plan, long index, int cpus) {
        TrialConfig config = null;
        String id = TrialId.undecodable(plan.sweep(), index, plan.seed());
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        TrialStatus status;
        Map<String, Double> metrics = Map.of();
        List<Map<String, Double>> folds = List.of();
        Double objective = null;
        String error = null;
        TrialWatch watch = null;
        try {
            config = plan.decoder().decode(index);
            id = TrialId.of(plan.sweep(), config, plan.seed());
            watch = new TrialWatch(plan, id, plan.decoder().schedule(index));
            Trainer trainer = Trainers.get(plan.trainer());
            List<TrainingData> splits = trainer.needsData() ? DataCache.splits(plan.data()) : null;
            Map<String, Object> settings = new HashMap<>(plan.settings());
            settings.putAll(config.values());
            t0 = System.nanoTime(); // training time excludes the (cached, once per JVM) data load
            started = Instant.now();
            // cross-validated trials run one model per fold: no per-step reports, checkpoints or early stops for them
            TrialContext context = splits == null || splits.size() == 1 ? watch : TrialContext.NONE;
            CrossValidation.Outcome outcome = TrialClock.run(() -> CrossValidation.train(trainer, splits,
                    data -> new TrainingRun(settings, data, plan.seed(), plan.objective(), cpus, context)), plan.trialTimeoutSeconds());
            metrics = reported(outcome.metrics());
            folds = outcome.folds();
            Double value = metrics.get(plan.objective().metric());
            if (value == null) {
                status = TrialStatus.FAILED;
                error = "trainer " + plan.trainer() + " did not report the objective metric '" + plan.objective().metric()
                        + "' (reported " + metrics.keySet() + ")";
            } else if (!Double.isFinite(value)) {
                status = TrialStatus.DIVERGED;
                error = "objective " + plan.objective().metric() + " is " + value;
            } else {
                status = TrialStatus.COMPLETED;
                objective = value;
            }
        } catch (TrialClock.TimedOut e) {
            status = TrialStatus.TIMEOUT;
            error = e.getMessage();
        } catch (DivergedException e) {
            status = TrialStatus.DIVERGED;
            error = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("trial " + id + " was interrupted (its task was killed)", e);
        } catch (Throwable e) { // anything thrown inside a trial is that trial's failure, never the task's
            status = TrialStatus.FAILED;
            error = describe(e);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new TrialResult(id, index, config == null ? new TrialConfig(Map.of()) : config, plan.seed(), status, metrics,
                objective, error, started, Instant.now(), seconds, HOST, executorId(), folds, PID,
                watch == null ? TrialCourse.NONE : watch.course());
    }

    /**
     * The result of a trial whose task kept failing outside the trial (executor lost, JVM killed for
     * memory, ...) until Spark gave up on it; made on the driver.
     */
    static TrialResult lost(TrialPlan plan, long index, Throwable cause) {
        TrialConfig config;
        String id;
        try {
            config = plan.decoder().decode(index);
            id = TrialId.of(plan.sweep(), config, plan.seed());
        } catch (RuntimeException e) {
            config = new TrialConfig(Map.of());
            id = TrialId.undecodable(plan.sweep(), index, plan.seed());
        }
        Instant now = Instant.now();
        return new TrialResult(id, index, config, plan.seed(), TrialStatus.FAILED, Map.of(), null,
                "the task running this trial failed outside the trial, after Spark's retries: " + describe(cause),
                now, now, 0, null, null);
    }

    /** The metrics with a value; a trainer may report null for one it could not compute. */
    private static Map<String, Double> reported(Map<String, Double> metrics) {
        Map<String, Double> out = new HashMap<>();
        if (metrics != null) metrics.forEach((k, v) -> {
            if (k != null && v != null) out.put(k, v);
        });
        return out;
    }

    /** "Type: message (caused by Type: message)", with the first causes and always the root cause, capped in length. */
    static String describe(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) chain.add(t);
        if (chain.size() > 4) chain = List.of(chain.get(0), chain.get(1), chain.get(2), chain.get(chain.size() - 1));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < chain.size(); i++) {
            Throwable t = chain.get(i);
            if (i > 0) sb.append(" (caused by ");
            sb.append(t.getClass().getName());
            if (t.getMessage() != null) sb.append(": ").append(t.getMessage());
        }
        sb.append(")".repeat(Math.max(0, chain.size() - 1)));
        return sb.length() > MAX_ERROR_CHARS ? sb.substring(0, MAX_ERROR_CHARS) + "…" : sb.toString();
    }

    private static String executorId() {
        SparkEnv env = SparkEnv.get();
        return env == null ? "none" : env.executorId();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
