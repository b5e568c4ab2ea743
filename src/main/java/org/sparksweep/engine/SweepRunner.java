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

    public SweepSummary run(SweepSpec spec, SweepListener listener) throws SweepFailedException, IOException, InterruptedException {
        long start = System.nanoTime();
        SparkContext sc = spark.sparkContext();
        Strategy strategy = Strategies.get(spec.search().strategy()).create(spec.search(), spec.space());
        TrialPlan plan = TrialPlan.of(spec, strategy.decoder());
        SweepStore store = SweepStore.at(spec.output());

        int slots = Math.max(1, sc.defaultParallelism());
        int chunk = Math.max(16, Math.min(1024, slots * 8));
        long planned = strategy.plannedTrials().orElse(-1);
        Map<TrialStatus, Long> byStatus = new EnumMap<>(TrialStatus.class);
        TrialResult best = null;
        long finished = 0;
        double trainSeconds = 0;

        sc.setJobGroup("sweep " + spec.name(), "sweep " + spec.name(), true);
        try (TrialRecords records = new TrialRecords(spark, new LeaderboardSchema(spec), store.records(spec.name()),
                RECORD_BATCH, RECORD_DELAY_MILLIS);
             TrialDispatcher dispatcher = new TrialDispatcher(sc, plan, "sweep " + spec.name())) {
            records.clear();
            boolean exhausted = false;
            while (true) {
                // Keep at least one chunk queued beyond what is running, so no slot waits for a straggler.
                while (!exhausted && dispatcher.inFlight() < chunk) {
                    Proposal p = strategy.ask(chunk);
                    if (p instanceof Proposal.Indices range) dispatcher.submit(range);
                    else if (p instanceof Proposal.Done) exhausted = true;
                    else break;
                }
                if (dispatcher.inFlight() == 0) {
                    if (exhausted) break;
                    throw new SweepFailedException("strategy " + spec.search().strategy() + " waits for results but no trial is running", null);
                }
                TrialResult r = dispatcher.next(500, TimeUnit.MILLISECONDS);
                if (r == null) {
                    records.flushIfDue();
                    continue;
                }
                finished++;
                byStatus.merge(r.status(), 1L, Long::sum);
                trainSeconds += r.trainSeconds();
                if (r.status() == TrialStatus.COMPLETED
                        && (best == null || spec.objective().direction().better(r.objective(), best.objective()))) {
                    best = r;
                }
                strategy.tell(r);
                records.add(r);
                listener.trialFinished(r, finished, planned);
                records.flushIfDue();
            }
            records.drain();
        } finally {
            sc.clearJobGroup();
        }
        long trialsDone = System.nanoTime();
        sc.setJobDescription("sweep " + spec.name() + ": leaderboard");
        Leaderboard.reduce(spark, store, spec.name(), spec.objective().direction());
        sc.setJobDescription(null);
        long end = System.nanoTime();
        return new SweepSummary(spec.name(), finished, byStatus, best, (end - start) / 1e9, (trialsDone - start) / 1e9,
                (end - trialsDone) / 1e9, trainSeconds, slots, store.leaderboard(spec.name()));
    }
}
