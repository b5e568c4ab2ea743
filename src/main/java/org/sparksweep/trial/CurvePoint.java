package org.sparksweep.trial;

import java.io.Serializable;
import java.util.Map;

/** The metrics a trainer reported after one step of a trial (an epoch for the network trainers): one point of its learning curve. */
public record CurvePoint(long step, Map<String, Double> metrics) implements Serializable {
    public CurvePoint {
        metrics = Map.copyOf(metrics);
    }
}
