package org.sparksweep.engine;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a trial's training under the sweep's per-trial timeout. With a timeout the training runs in a thread
 * of its own while the task thread waits for it; when the time is up the training thread is
 * interrupted and the trial ends as TIMEOUT, so the task returns and frees its slot.
 *
 * <p>Java cannot kill a thread: an interrupted trainer has to stop by itself. The built-in DL4J
 * trainers check for it between minibatches; a user's trainer that ignores interrupts keeps
 * computing in the background (its result is discarded) until it returns, holding CPU but no slot.
 */
final class TrialClock {
    /** How long a timed-out trainer gets to notice its interrupt before the task moves on without it. */
    static final long GRACE_MILLIS = 2_000;

    private TrialClock() {}

    /** Raised when a trial ran out of time; the message says whether its training thread stopped. */
    static final class TimedOut extends Exception {
        TimedOut(String message) {
            super(message);
        }
    }

    /** Runs a trial's training (every fold of it) under the timeout; null means no timeout. */
    static <T> T run(Callable<T> training, Double timeoutSeconds) throws Exception {
        if (timeoutSeconds == null) return training.call();
        FutureTask<T> task = new FutureTask<>(training);
        Thread thread = new Thread(task, "sparksweep-trial-" + Thread.currentThread().getName());
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(Math.max(1, Math.round(timeoutSeconds * 1000)), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) throw ex;
            if (cause instanceof Error err) throw err;
            throw e;
        } catch (TimeoutException e) {
            task.cancel(true);
            thread.join(GRACE_MILLIS);
            throw new TimedOut("still training after the trial timeout of " + seconds(timeoutSeconds)
                    + (thread.isAlive() ? "; the trainer ignored the interrupt and is left to finish in the background" : ""));
        } catch (InterruptedException e) {
            task.cancel(true); // the task itself was killed: stop the training too
            throw e;
        }
    }

    private static String seconds(double s) {
        return s == Math.rint(s) ? (long) s + " s" : s + " s";
    }
}
