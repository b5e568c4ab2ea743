package org.sparksweep.engine;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.SparkContext;
import org.apache.spark.rdd.RDD;
import org.sparksweep.search.Proposal;
import org.sparksweep.trial.TrialResult;
import scala.Function0;
import scala.Function1;
import scala.Function2;
import scala.runtime.BoxedUnit;
import scala.util.Try;

/**
 * Runs index ranges of trials as Spark jobs, one trial per task, and hands each trial's result to
 * the driver the moment its task ends (through {@link SparkContext#submitJob}'s result handler),
 * not when the whole job ends. Several jobs may be in flight, so the slots of a finishing job are
 * filled by the next one's tasks instead of waiting for its slowest trial.
 */
final class TrialDispatcher implements AutoCloseable {
    private final SparkContext sc;
    private final TrialPlan plan;
    private final String description;
    private final BlockingQueue<TrialResult> finished = new LinkedBlockingQueue<>();
    private final List<SimpleFutureAction<BoxedUnit>> jobs = new ArrayList<>();
    private long inFlight;

    TrialDispatcher(SparkContext sc, TrialPlan plan, String description) {
        this.sc = sc;
        this.plan = plan;
        this.description = description;
    }

    /** Starts one job with a task per index in the range. */
    void submit(Proposal.Indices range) {
        int tasks = Math.toIntExact(range.count());
        RDD<Object> indices = sc.range(range.from(), range.to(), 1, tasks);
        TrialPlan p = plan;
        Function1<scala.collection.Iterator<Object>, ArrayList<TrialResult>> body =
                (Function1<scala.collection.Iterator<Object>, ArrayList<TrialResult>> & Serializable) it -> {
                    ArrayList<TrialResult> out = new ArrayList<>(1);
                    while (it.hasNext()) out.add(TrialRunner.run(p, (Long) it.next()));
                    return out;
                };
        List<Object> partitions = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) partitions.add(i);
        Function2<Object, ArrayList<TrialResult>, BoxedUnit> onTaskResult = (partition, results) -> {
            finished.addAll(results);
            return BoxedUnit.UNIT;
        };
        Function0<BoxedUnit> onJobEnd = () -> BoxedUnit.UNIT;
        sc.setJobDescription(description + ", trials " + range.from() + "-" + (range.to() - 1));
        SimpleFutureAction<BoxedUnit> job = sc.submitJob(indices, body,
                scala.jdk.javaapi.CollectionConverters.asScala(partitions).toSeq(), onTaskResult, onJobEnd);
        jobs.add(job);
        inFlight += tasks;
    }

    long inFlight() {
        return inFlight;
    }

    /**
     * The next finished trial, waiting up to the timeout; null if none finished in time.
     *
     * @throws SweepFailedException when a job failed for a reason outside any trial (e.g. executors
     *                              lost beyond Spark's retries), since its trials will never report
     */
    TrialResult next(long timeout, TimeUnit unit) throws InterruptedException, SweepFailedException {
        TrialResult r = finished.poll(timeout, unit);
        if (r != null) {
            inFlight--;
            return r;
        }
        checkJobs();
        return null;
    }

    private void checkJobs() throws SweepFailedException {
        Iterator<SimpleFutureAction<BoxedUnit>> it = jobs.iterator();
        while (it.hasNext()) {
            SimpleFutureAction<BoxedUnit> job = it.next();
            if (!job.isCompleted()) continue;
            Try<BoxedUnit> outcome = job.value().get();
            if (outcome.isFailure()) {
                Throwable cause = outcome.failed().get();
                throw new SweepFailedException("a Spark job of the sweep failed outside any trial: " + cause.getMessage(), cause);
            }
            it.remove(); // every result of a finished job is already queued
        }
    }

    @Override
    public void close() {
        for (SimpleFutureAction<BoxedUnit> job : jobs) {
            if (!job.isCompleted()) job.cancel();
        }
    }
}
