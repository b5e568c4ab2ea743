package org.sparksweep.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskContext;
import org.apache.spark.resource.ResourceProfile;
import org.apache.spark.rdd.RDD;
import org.sparksweep.search.IndexDecoder;
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
 *
 * <p>A task fails only when something outside the trial went wrong (the trial body turns its own
 * failures into results) and Spark's task retries are used up. Spark then aborts the whole job, so
 * the trials of that job that had not reported are submitted again, each as a job of its own: the
 * innocent ones complete, and the one whose task keeps failing becomes a FAILED result.
 *
 * <p>Results travel as Java-serialised bytes, so they do not depend on the cluster's
 * {@code spark.serializer} (Kryo cannot handle records).
 */
final class TrialDispatcher implements AutoCloseable {
    private final SparkContext sc;
    private final TrialPlan plan;
    private final SharedPlan shared; // the plan, shipped to each executor once instead of with every task
    private final String description;
    private final ResourceProfile profile; // null: Spark's default (spark.task.cpus per trial)
    private final String of;
    private final BlockingQueue<TrialResult> finished = new LinkedBlockingQueue<>();
    private final List<Job> jobs = new ArrayList<>();
    private long inFlight;
    private int trialsPerTask = 1;

    /** @param planned the sweep's planned trials for the Spark UI's job descriptions ("trials 16–31 of 96"), -1 when open-ended */
    TrialDispatcher(SparkContext sc, TrialPlan plan, String description, long planned) {
        this.sc = sc;
        this.plan = plan;
        this.shared = SharedPlan.of(sc, plan);
        this.description = description;
        this.profile = TrialResources.profile(sc, plan.resources());
        this.of = planned >= 0 ? " of " + planned : "";
    }

    /** A job of one trial (a retried trial, or an adaptive strategy's single proposal) names its hyperparameters in the Spark UI. */
    private static String single(TrialPlan plan, long index) {
        try {
            return " (" + plan.decoder().decode(index).brief() + ")";
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** Starts one job with a task per index in [from, to), decoded with the sweep's decoder. */
    void submit(long from, long to) {
        submit(from, to, plan.decoder());
    }

    /**
     * Starts one job with a task per index in [from, to), decoded with {@code decoder}: what the
     * strategy's decoder was when it proposed them (an adaptive strategy's decoder knows only the
     * proposals made so far).
     */
    void submit(long from, long to, IndexDecoder decoder) {
        startJob(decoder == plan.decoder() ? plan : plan.withDecoder(decoder), from, to, trialsPerTask);
        inFlight += to - from;
    }

    /**
     * From now on, up to {@code perTask} consecutive trials in each task: for trials so short that
     * Spark's cost per task (a few milliseconds) would be a visible share of their time. Each trial is
     * still journaled as it finishes; the driver hears of a task's trials when the task ends.
     */
    void trialsPerTask(int perTask) {
        this.trialsPerTask = Math.max(1, perTask);
    }

    private void startJob(TrialPlan plan, long from, long to) {
        startJob(plan, from, to, 1);
    }

    private void startJob(TrialPlan plan, long from, long to, int perTask) {
        int tasks = Math.toIntExact((to - from + perTask - 1) / perTask);
        Job job = new Job(plan, from, to, tasks);
        RDD<Object> indices = sc.range(from, to, 1, tasks);
        if (profile != null) indices = indices.withResources(profile);
        // a task carries only the broadcast's handle, and the decoder when it is not the sweep's (an adaptive snapshot)
        SharedPlan sweepPlan = shared;
        IndexDecoder decoder = plan == this.plan ? null : plan.decoder();
        Function1<scala.collection.Iterator<Object>, byte[]> body =
                (Function1<scala.collection.Iterator<Object>, byte[]> & Serializable) it -> {
                    TrialPlan p = decoder == null ? sweepPlan.get() : sweepPlan.get().withDecoder(decoder);
                    int cpus = TaskContext.get().cpus(); // what the scheduler reserved for this task
                    return serialize(TrialTask.runAll(p, indices(it), cpus));
                };
        List<Object> partitions = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) partitions.add(i);
        Function2<Object, byte[], BoxedUnit> onTaskResult = (partition, bytes) -> {
            job.reported((Integer) partition);
            finished.addAll(deserialize(bytes));
            return BoxedUnit.UNIT;
        };
        Function0<BoxedUnit> onJobEnd = () -> BoxedUnit.UNIT;
        sc.setJobDescription(description + (to - from > 1 ? ", trials " + from + "–" + (to - 1) : ", trial " + from + single(plan, from)) + of);
        job.action = sc.submitJob(indices, body, scala.jdk.javaapi.CollectionConverters.asScala(partitions).toSeq(),
                onTaskResult, onJobEnd);
        jobs.add(job);
    }

    /** A trial decided on the driver without running (skipped for a constraint): reported like a finished one. */
    void skip(TrialResult result) {
        inFlight++;
        finished.add(result);
    }

    long inFlight() {
        return inFlight;
    }

    /**
     * The next finished trial, waiting up to the timeout; null if none finished in time.
     *
     * @throws SweepFailedException when Spark itself has stopped, so no trial can run any more
     */
    TrialResult next(long timeout, TimeUnit unit) throws InterruptedException, SweepFailedException {
        checkJobs();
        TrialResult r = finished.poll(timeout, unit);
        if (r == null) return null;
        inFlight--;
        return r;
    }

    private void checkJobs() throws SweepFailedException {
        List<Job> failed = new ArrayList<>();
        for (Iterator<Job> it = jobs.iterator(); it.hasNext(); ) {
            Job job = it.next();
            if (!job.action.isCompleted()) continue;
            it.remove(); // every result of a finished job is already queued
            Try<BoxedUnit> outcome = job.action.value().get();
            if (outcome.isFailure()) {
                job.cause = outcome.failed().get();
                failed.add(job);
            }
        }
        for (Job job : failed) {
            if (sc.isStopped()) {
                throw new SweepFailedException("Spark stopped while the sweep was running: " + job.cause.getMessage(), job.cause);
            }
            if (job.to - job.from == 1) {
                finished.add(TrialRunner.lost(job.plan, job.from, job.cause));
                continue;
            }
            for (long index : job.unreported()) startJob(job.plan, index, index + 1);
        }
    }

    @Override
    public void close() {
        for (Job job : jobs) {
            if (!job.action.isCompleted()) job.action.cancel();
        }
        shared.release();
    }

    /** One Spark job of trials [from, to) and which of its tasks have reported. */
    private static final class Job {
        final TrialPlan plan;
        final long from;
        final long to;
        final int tasks;
        private final BitSet reported = new BitSet();
        SimpleFutureAction<BoxedUnit> action;
        Throwable cause;

        Job(TrialPlan plan, long from, long to, int tasks) {
            this.plan = plan;
            this.from = from;
            this.to = to;
            this.tasks = tasks;
        }

        /** The first index of a task's trials: how {@code SparkContext.range} splits [from, to) into {@code tasks} partitions. */
        long start(int partition) {
            return from + partition * (to - from) / tasks;
        }

        synchronized void reported(int partition) {
            reported.set(partition);
        }

        synchronized List<Long> unreported() {
            List<Long> out = new ArrayList<>();
            for (int p = reported.nextClearBit(0); p < tasks; p = reported.nextClearBit(p + 1)) {
                for (long i = start(p); i < start(p + 1); i++) out.add(i);
            }
            return out;
        }
    }

    /** A task's trial indices as Spark hands them over. */
    private static Iterator<Long> indices(scala.collection.Iterator<Object> it) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Long next() {
                return (Long) it.next();
            }
        };
    }

    static byte[] serialize(ArrayList<TrialResult> results) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(results);
        } catch (IOException e) {
            throw new IllegalStateException("could not serialise trial results", e);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    static List<TrialResult> deserialize(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                return Class.forName(desc.getName(), false, TrialResult.class.getClassLoader());
            }
        }) {
            return (List<TrialResult>) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("could not read trial results sent by an executor", e);
        }
    }
}
