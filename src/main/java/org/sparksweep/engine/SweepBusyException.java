package org.sparksweep.engine;

/**
 * Another driver holds the sweep's lease (see {@code SweepLease}): this run was refused before it
 * touched the sweep's records. The message names the holder and when its lease lapses.
 */
public class SweepBusyException extends SweepFailedException {
    public SweepBusyException(String message, Throwable cause) {
        super(message, cause);
    }
}
