package org.sparksweep.search;

import java.io.Serializable;
import org.sparksweep.space.TrialConfig;

/** Turns an index of a strategy's index space into a config; shipped to and run on the executors. */
@FunctionalInterface
public interface IndexDecoder extends Serializable {
    TrialConfig decode(long index);
}
