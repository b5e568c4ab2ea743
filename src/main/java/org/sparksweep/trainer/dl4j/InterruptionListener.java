package org.sparksweep.trainer.dl4j;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.optimize.api.BaseTrainingListener;

/**
 * Stops a network's training between two minibatches once its thread is interrupted (the trial ran
 * out of time, or its task was killed), instead of letting it train to the last epoch: Java cannot
 * stop a thread that does not look.
 */
final class InterruptionListener extends BaseTrainingListener {

    /** Thrown out of {@code fit} when the training thread was interrupted. */
    static final class Interrupted extends RuntimeException {
        Interrupted(int iteration, int epoch) {
            super("training interrupted after iteration " + iteration + " in epoch " + (epoch + 1));
        }
    }

    @Override
    public void iterationDone(Model model, int iteration, int epoch) {
        if (Thread.currentThread().isInterrupted()) throw new Interrupted(iteration, epoch);
    }
}
