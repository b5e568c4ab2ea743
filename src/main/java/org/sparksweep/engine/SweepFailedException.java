package org.sparksweep.engine;

/** The sweep could not go on (not a trial failure, which is a row): the cause says why. */
public class SweepFailedException extends Exception {
    public SweepFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
