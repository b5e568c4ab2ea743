package org.sparksweep.space;

import java.io.Serializable;

/** One named hyperparameter: its domain and, for a conditional parameter, when it is active. */
public record Parameter(String name, Domain domain, Condition when) implements Serializable {
    public boolean conditional() {
        return when != null;
    }
}
