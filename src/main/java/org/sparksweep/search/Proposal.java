package org.sparksweep.search;

/** A strategy's answer to "what next?". */
public sealed interface Proposal {

    /** Run the trials with these indices of the strategy's index space, [from, to). */
    record Indices(long from, long to) implements Proposal {
        public long count() {
            return to - from;
        }
    }

    /** Nothing to propose until results of running trials come back (adaptive strategies). */
    record Wait() implements Proposal {}

    /** The search is over. */
    record Done() implements Proposal {}
}
