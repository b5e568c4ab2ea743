package org.sparksweep.trainer;

/** Thrown by a trainer when training blew up (NaN or infinite loss): the trial is recorded DIVERGED. */
public class DivergedException extends RuntimeException {
    public DivergedException(String message) {
        super(message);
    }
}
