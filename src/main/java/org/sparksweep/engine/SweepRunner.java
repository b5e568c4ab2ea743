package org.sparksweep.engine;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.sparksweep.search.Proposal;
import org.sparksweep.search.Strategies;
import org.sparksweep.search.Strategy;
import org.sparksweep.spec.SweepSpec;
import org.sparksweep.store.Leaderboard;
import org.sparksweep.store.LeaderboardSchema;
import org.sparksweep.store.SweepStore;
import org.sparksweep.store.TrialRecords;
import org.sparksweep.trial.TrialResult;
import org.sparksweep.trial.TrialStatus;

/**
 * The driver loop: asks the strategy for trials, keeps the executors' slots busy with them, tells
 * the strategy each result as it arrives, records results in batches, and finally reduces the
 * records into the ranked leaderboard.
 */
public final class SweepRunner {
    /** Results per Parquet append of trial records, and the longest a result waits to be written. */
    static final int RECORD_BATCH = 1000;
    static final long RECORD_DELAY_MILLIS = 10_000;

    private final SparkSession spark;

    public SweepRunner(SparkSession spark) {
        this.spark = spark;
    }

    /** The Spark job group a sweep's jobs run in (the Spark UI lists them under it; the CLI counts its running tasks). */
    public static String jobGroup(String sweep) {
        return "sweep " + sweep;
    }

    public SweepSummary run(SweepSpec spec, SweepListener listener) throws SweepFailedException, IOException, InterruptedException {
        long start = System.nanoTime();
        SparkContext sc = spark.sparkContext();
        Strategy strategy = Strategies.create(spec.search(), spec.space(), spec.goals());
        TrialPlan plan = TrialPlan.of(spec, strategy.decoder());
        SweepStore store = SweepStore.at(spec.output());
        Progress progress = new Progress(spec, strategy.plannedTrials().orElse(-1), listener);

        JobProperties caller = JobProperties.of(sc);
        boolean reduced = false;
        try {
            sc.setJobGroup(jobGroup(spec.name()), "sweep " + spec.name(), true);
            try (TrialRecords records = new TrialRecords(spark, new LeaderboardSchema(spec), store.records(spec.name()),
                    RECORD_BATCH, RECORD_DELAY_MILLIS);
                 TrialDispatcher dispatcher = new TrialDispatcher(sc, plan, "sweep " + spec.name(), progress.planned)) {
                records.clear();
                try {
                    dispatch(sc, strategy, dispatcher, new ConstraintGate(spec), records, progress);
                } finally {
                    records.drain(); // also when the sweep stops early: every finished trial is kept
                }
            }
            long trialsDone = System.nanoTime();
            sc.setJobDescription("sweep " + spec.name() + ": leaderboard");
            Leaderboard.reduce(spark, store, spec.name(), spec.goals());
            reduced = true;
            long end = System.nanoTime();
            return new SweepSummary(spec.name(), progress.finished, progress.byStatus, progress.best, (end - start) / 1e9,
                    (trialsDone - start) / 1e9, (end - trialsDone) / 1e9, progress.trainSeconds, progress.slots,
                    store.leaderboard(spec.name()));
        } finally {
            if (!reduced && progress.finished > 0) reducePartial(store, spec);
            caller.restore(sc);
        }
    }

    /** The driver loop proper: keep the slots busy, hand each result on as it arrives. */
    private static void dispatch(SparkContext sc, Strategy strategy, TrialDispatcher dispatcher, ConstraintGate gate, TrialRecords records,
                                 Progress progress)
            throws SweepFailedException, IOException, InterruptedException {
        boolean exhausted = false;
        while (true) {
            // Slots are read every pass: executors come and go (dynamic allocation, lost executors).
            int slots = Math.max(1, sc.defaultParallelism());
            progress.slots = Math.max(progress.slots, slots);
            int chunk = Math.max(16, Math.min(1024, slots * 8));
            // Keep at least one chunk queued beyond what is running, so no slot waits for a straggler.
            while (!exhausted && dispatcher.inFlight() < chunk) {
                Proposal p = strategy.ask(chunk);
                if (p instanceof Proposal.Indices range) gate.submit(range.from(), range.to(), strategy.decoder(), dispatcher);
                else if (p instanceof Proposal.Done) exhausted = true;
                else break;
            }
            if (dispatcher.inFlight() == 0) {
                if (exhausted) return;
                throw new SweepFailedException("strategy " + progress.spec.search().strategy() + " waits for results but no trial is running", null);
            }
            TrialResult r = dispatcher.next(500, TimeUnit.MILLISECONDS);
            if (r != null) {
                progress.add(r);
                strategy.tell(r);
                records.add(r);
                progress.listener.trialFinished(r, progress.finished, progress.planned);
            }
            records.flushIfDue();
        }
    }

    /** After a failure, still publish what finished so it can be queried. */
    private void reducePartial(SweepStore store, SweepSpec spec) {
        try {
            Leaderboard.reduce(spark, store, spec.name(), spec.goals());
        } catch (RuntimeException e) {
            // the records stay on storage; the failure that stopped the sweep is the one to report
        }
    }

    /** What the driver has seen so far. */
    private static final class Progress {
        final SweepSpec spec;
        final long planned;
        final SweepListener listener;
        final Map<TrialStatus, Long> byStatus = new EnumMap<>(TrialStatus.class);
        TrialResult best;
        long finished;
        double trainSeconds;
        int slots;

        Progress(SweepSpec spec, long planned, SweepListener listener) {
            this.spec = spec;
            this.planned = planned;
            this.listener = listener;
        }

        void add(TrialResult r) {
            finished++;
            byStatus.merge(r.status(), 1L, Long::sum);
            trainSeconds += r.trainSeconds();
            if (r.status() == TrialStatus.COMPLETED && (best == null || spec.objective().direction().better(r.objective(), best.objective()))) {
                best = r;
            }
        }
    }

    /** The caller's job group and description (a notebook's, say), put back when the sweep ends. */
    private record JobProperties(String group, String interrupt, String description) {
        static JobProperties of(SparkContext sc) {
            return new JobProperties(sc.getLocalProperty("spark.jobGroup.id"), sc.getLocalProperty("spark.job.interruptOnCancel"),
                    sc.getLocalProperty("spark.job.description"));
        }

        void restore(SparkContext sc) {
            sc.setLocalProperty("spark.jobGroup.id", group);
            sc.setLocalProperty("spark.job.interruptOnCancel", interrupt);
            sc.setLocalProperty("spark.job.description", description);
        }
    }
}
