package org.sparksweep.engine;

import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.sparksweep.search.IndexDecoder;
import org.sparksweep.search.Proposal;
import org.sparksweep.search.Strategy;
import org.sparksweep.search.WarmStart;
import org.sparksweep.space.TrialConfig;
import org.sparksweep.spec.SweepLimits;
import org.sparksweep.spec.SweepSpec;
import org.sparksweep.store.Leaderboard;
import org.sparksweep.store.LeaderboardSchema;
import org.sparksweep.store.RecordedTrials;
import org.sparksweep.store.SweepManifest;
import org.sparksweep.store.SweepStore;
import org.sparksweep.store.TrialJournal;
import org.sparksweep.store.TrialRecords;
import org.sparksweep.trainer.Trainers;
import org.sparksweep.trial.TrialResult;
import org.sparksweep.trial.TrialStatus;

/**
 * The driver loop: asks the strategy for trials, keeps the executors' slots busy with them, tells
 * the strategy each result as it arrives, records results in batches, and finally reduces the
 * records into the ranked leaderboard. Each task makes its own trial durable in the sweep's journal
 * before reporting it, so the driver's batches are for compaction, not for durability; a run of a
 * sweep that already has records resumes it, running only the trials without a record. The driver
 * holds the sweep's lease while it runs ({@link DriverLease}): one driver per sweep.
 */
public final class SweepRunner {
    /** Results per Parquet append of trial records, and the longest a result waits to be written. */
    static final int RECORD_BATCH = 1000;
    static final long RECORD_DELAY_MILLIS = 10_000;

    private final SparkSession spark;
    private final boolean journal;

    public SweepRunner(SparkSession spark) {
        this(spark, true);
    }

    private SweepRunner(SparkSession spark, boolean journal) {
        this.spark = spark;
        this.journal = journal;
    }

    /**
     * A runner whose tasks do not write the per-trial journal: results are only as durable as the
     * driver's batches. For measuring what per-trial durability costs (the benchmark), not for sweeps.
     */
    public static SweepRunner withoutJournal(SparkSession spark) {
        return new SweepRunner(spark, false);
    }

    /** The Spark job group a sweep's jobs run in (the Spark UI lists them under it; the CLI counts its running tasks). */
    public static String jobGroup(String sweep) {
        return "sweep " + sweep;
    }

    public SweepSummary run(SweepSpec spec, SweepListener listener) throws SweepFailedException, IOException, InterruptedException {
        return run(spec, listener, false);
    }

    /**
     * Runs a sweep, or resumes it: trials that already have a durable record under the sweep's root
     * are not run again. With {@code fresh}, the sweep's earlier records are deleted first and every
     * trial runs.
     *
     * @throws SweepChangedException when the sweep has records made from a spec with different
     *                               search-relevant content (and {@code fresh} is false)
     * @throws SweepBusyException    when another driver holds the sweep's lease (one driver per sweep)
     */
    public SweepSummary run(SweepSpec spec, SweepListener listener, boolean fresh)
            throws SweepFailedException, SweepChangedException, IOException, InterruptedException {
        return run(spec, newStrategy(spec, earlierConfigs(spec)), listener, fresh);
    }

    /** A new instance of the sweep's search strategy, for one run, started with the spec's {@code search.startWith} configs. */
    public static Strategy newStrategy(SweepSpec spec) {
        return newStrategy(spec, List.of());
    }

    /** The same, also started with configs from an earlier sweep ({@code search.warmStartFrom}, read by the engine). */
    public static Strategy newStrategy(SweepSpec spec, List<TrialConfig> earlier) {
        return WarmStart.create(spec.search(), spec.space(), spec.goals(), earlier);
    }

    /** The best configs of the earlier sweep the spec warm-starts from ({@code search.warmStartFrom}); none without it. */
    private List<TrialConfig> earlierConfigs(SweepSpec spec) throws SweepFailedException, IOException {
        String earlier = WarmStart.fromSweep(spec.search());
        if (earlier == null) return List.of();
        try {
            return Leaderboard.bestConfigs(spark, SweepStore.at(spec.output()), earlier, WarmStart.fromSweepTop(spec.search()), spec.space());
        } catch (IllegalArgumentException e) {
            throw new SweepFailedException(e.getMessage(), e);
        }
    }

    /** Runs a sweep with a strategy made by the caller (one built in code, or a spec's strategy wrapped). */
    public SweepSummary run(SweepSpec spec, Strategy strategy, SweepListener listener, boolean fresh)
            throws SweepFailedException, SweepChangedException, IOException, InterruptedException {
        long start = System.nanoTime();
        SparkContext sc = spark.sparkContext();
        SweepStore store = SweepStore.at(spec.output());
        LeaderboardSchema schema = TrialPlan.recordSchema(spec);
        TrialJournal journal = TrialJournal.of(store, spec.name());
        TrialPlan plan = TrialPlan.of(spec, strategy.decoder(), this.journal ? journal : null);
        Progress progress = new Progress(spec, strategy.plannedTrials().orElse(-1), listener);

        JobProperties caller = JobProperties.of(sc);
        boolean reduced = false;
        DriverLease lease = DriverLease.take(sc, store, spec.name(), listener);
        try {
            sc.setJobGroup(jobGroup(spec.name()), "sweep " + spec.name(), true);
            try (TrialRecords records = new TrialRecords(spark, schema, store.records(spec.name()),
                    RECORD_BATCH, RECORD_DELAY_MILLIS, journal, store.curves(spec.name()))) {
                RecordedTrials recorded = prepare(spec, store, schema, records, fresh);
                progress.resumed = recorded.count();
                if (strategy.adaptive() && recorded.count() > 0) {
                    strategy.resume(RecordedTrials.results(spark, store.records(spec.name()), spec.space(),
                            Trainers.get(spec.model().trainer()).metrics()));
                }
                if (recorded.best() != null && spec.limits().goodEnough(recorded.best(), spec.objective().direction())) {
                    progress.stopReason = "a recorded trial already reached the stop objective " + spec.limits().stopObjective();
                } else {
                    try (TrialDispatcher dispatcher = new TrialDispatcher(sc, plan, "sweep " + spec.name(), progress.planned)) {
                        try {
                            dispatch(sc, strategy, dispatcher, new ConstraintGate(spec), records, progress, recorded, start, lease);
                        } finally {
                            dispatcher.close(); // a stopped sweep cancels its running trials at once, not after the last batch
                            records.drain(); // also when the sweep stops early: every finished trial is kept
                        }
                    }
                }
                // trials whose record reached the journal but whose result never reached this loop
                // (cancelled when the sweep stopped, or a speculative copy) are folded in too
                records.compactJournal(spark);
            }
            long trialsDone = System.nanoTime();
            sc.setJobDescription("sweep " + spec.name() + ": leaderboard");
            Leaderboard.reduce(spark, store, spec.name(), spec.goals());
            reduced = true;
            long end = System.nanoTime();
            return new SweepSummary(spec.name(), progress.finished, progress.byStatus, progress.best, (end - start) / 1e9,
                    (trialsDone - start) / 1e9, (end - trialsDone) / 1e9, progress.trainSeconds, progress.slots,
                    store.leaderboard(spec.name()), progress.resumed, progress.stopReason);
        } finally {
            try {
                if (!reduced && progress.finished > 0) reducePartial(store, spec);
            } finally {
                lease.close();
                caller.restore(sc);
            }
        }
    }

    /**
     * Makes the sweep's records ready for this run: checks (or, for a fresh run, replaces) what they
     * were made from, folds in journal records a crashed run left, and returns what is recorded.
     */
    private RecordedTrials prepare(SweepSpec spec, SweepStore store, LeaderboardSchema schema, TrialRecords records, boolean fresh)
            throws IOException, SweepChangedException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        if (fresh) {
            records.clear();
            Path ranked = new Path(store.leaderboard(spec.name()));
            ranked.getFileSystem(conf).delete(ranked, true); // the old rows go with their records, even if this run stops early
        } else {
            Optional<SweepManifest> manifest = SweepManifest.read(store, spec.name(), conf);
            if (manifest.isPresent()) {
                List<String> changes = manifest.get().changes(spec.content());
                if (!changes.isEmpty()) throw SweepChangedException.changed(spec, changes);
            } else if (hasRecords(store.records(spec.name()), conf)) {
                throw SweepChangedException.unknown(spec, store.records(spec.name()));
            }
        }
        SweepManifest.of(spec.name(), spec.content(), schema).write(store, conf);
        records.compactJournal(spark);
        return RecordedTrials.read(spark, store.records(spec.name()), spec.objective().direction());
    }

    private static boolean hasRecords(String path, Configuration conf) throws IOException {
        Path dir = new Path(path);
        FileSystem fs = dir.getFileSystem(conf);
        return fs.exists(dir) && fs.listStatus(dir).length > 0;
    }

    /** The driver loop proper: keep the slots busy, hand each result on as it arrives, stop when a limit says so. */
    private static void dispatch(SparkContext sc, Strategy strategy, TrialDispatcher dispatcher, ConstraintGate gate, TrialRecords records,
                                 Progress progress, RecordedTrials recorded, long start, DriverLease lease)
            throws SweepFailedException, IOException, InterruptedException {
        SweepLimits limits = progress.spec.limits();
        boolean adaptive = strategy.adaptive();
        boolean exhausted = false;
        while (true) {
            lease.check();
            if (limits.wallClockSeconds() != null && (System.nanoTime() - start) / 1e9 >= limits.wallClockSeconds()) {
                progress.stopReason = "the wall-clock budget of " + limits.wallClockSeconds() + " s ran out";
                return;
            }
            // Slots are read every pass: executors come and go (dynamic allocation, lost executors).
            int slots = Math.max(1, sc.defaultParallelism());
            progress.slots = Math.max(progress.slots, slots);
            int perTask = adaptive ? 1 : progress.trialsPerTask();
            dispatcher.trialsPerTask(perTask);
            int chunk = Math.max(16, Math.min(1024, slots * 8)) * perTask;
            // Keep at least one chunk queued beyond what is running, so no slot waits for a straggler;
            // an adaptive strategy instead gets exactly the free slots, so each proposal sees every result before it.
            long target = adaptive ? slots : chunk;
            while (!exhausted && dispatcher.inFlight() < target) {
                Proposal p = strategy.ask(adaptive ? (int) (target - dispatcher.inFlight()) : chunk);
                if (p instanceof Proposal.Indices range) submitUnrecorded(dispatcher, gate, range.from(), range.to(), recorded, strategy.decoder());
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
                progress.listener.trialFinished(r, progress.resumed + progress.finished, progress.planned);
                if (r.status() == TrialStatus.COMPLETED && limits.goodEnough(r.objective(), progress.spec.objective().direction())) {
                    progress.stopReason = "trial " + r.trialId() + " reached the stop objective " + limits.stopObjective()
                            + " (" + progress.spec.objective().metric() + "=" + r.objective() + ")";
                    return;
                }
                if (limits.maxFailedTrials() != null && progress.failed() > limits.maxFailedTrials()) {
                    throw new SweepFailedException(progress.failureSummary(), null);
                }
            }
            records.flushIfDue();
        }
    }

    /** Submits the indices of [from, to) that have no record yet, as runs of consecutive indices. */
    private static void submitUnrecorded(TrialDispatcher dispatcher, ConstraintGate gate, long from, long to, RecordedTrials recorded,
                                         IndexDecoder decoder) {
        if (recorded.countIn(from, to) == 0) {
            gate.submit(decoder, dispatcher, from, to);
            return;
        }
        long runStart = -1;
        for (long i = from; i < to; i++) {
            if (recorded.contains(i)) {
                if (runStart >= 0) gate.submit(decoder, dispatcher, runStart, i);
                runStart = -1;
            } else if (runStart < 0) {
                runStart = i;
            }
        }
        if (runStart >= 0) gate.submit(decoder, dispatcher, runStart, to);
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
        static final double TASK_SECONDS = 0.5;
        static final int MAX_PER_TASK = 16;
        static final long MEASURED = 32;

        final SweepSpec spec;
        final long planned;
        final SweepListener listener;
        final Map<TrialStatus, Long> byStatus = new EnumMap<>(TrialStatus.class);
        TrialResult best;
        TrialResult lastFailure;
        long finished;
        long completed;
        double longestCompleted;
        long resumed;
        String stopReason;
        double trainSeconds;
        int slots;

        Progress(SweepSpec spec, long planned, SweepListener listener) {
            this.spec = spec;
            this.planned = planned;
            this.listener = listener;
        }

        /**
         * Trials per task for a strategy that proposes ahead: one, or several when every completed
         * trial so far was so short that Spark's few milliseconds per task show, as many as fit
         * {@link #TASK_SECONDS} at the longest trial seen (so one slow trial ends grouping). Decided from
         * at least {@link #MEASURED} completed trials; failed and skipped ones say nothing about it.
         */
        int trialsPerTask() {
            if (completed < MEASURED) return 1;
            return (int) Math.max(1, Math.min(MAX_PER_TASK, Math.floor(TASK_SECONDS / Math.max(longestCompleted, 1e-4))));
        }

        long failed() {
            return finished - byStatus.getOrDefault(TrialStatus.COMPLETED, 0L) - byStatus.getOrDefault(TrialStatus.SKIPPED_CONSTRAINT, 0L);
        }

        String failureSummary() {
            return failed() + " trials failed in this run, more than budget.maxFailedTrials = " + spec.limits().maxFailedTrials()
                    + " " + byStatus + "; the last: trial " + lastFailure.trialId() + " #" + lastFailure.index() + " "
                    + lastFailure.status() + ": " + lastFailure.error() + ". The " + (resumed + finished) + " finished trials are"
                    + " recorded; fix the cause and run the same spec again to resume (recorded trials are not run again),"
                    + " or pass --new to start over";
        }

        void add(TrialResult r) {
            finished++;
            if (r.status() != TrialStatus.COMPLETED) lastFailure = r;
            byStatus.merge(r.status(), 1L, Long::sum);
            trainSeconds += r.trainSeconds();
            if (r.status() == TrialStatus.COMPLETED) {
                completed++;
                longestCompleted = Math.max(longestCompleted, r.trainSeconds());
            }
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
