package org.sparksweep.space;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/** A parameter is active only when its parent parameter is active and takes one of these values. */
public record Condition(String parent, Set<Object> values) implements Serializable {
    public Condition {
        values = Set.copyOf(values);
    }

    public boolean holdsFor(Object parentValue) {
        return parentValue != null && values.contains(parentValue);
    }

    public String describe() {
        return "when " + parent + " in " + List.copyOf(values);
    }
}
