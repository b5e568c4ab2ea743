package org.sparksweep.data;

/**
 * A data set that cannot be used as it is: a missing label column, a non-numeric cell, a ragged
 * row, an empty or unreadable file, a class left without training examples. The message names the
 * file, the line and the column where it can, and what to change; it is raised before any training.
 */
public class DataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
