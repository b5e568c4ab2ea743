package org.sparksweep.spec;

import java.io.Serializable;
import java.util.Map;

/**
 * The spec's {@code model:} block: which trainer, and the settings that stay fixed across trials
 * (already typed and completed with the trainer's defaults for every knob not in the space).
 */
public record ModelSpec(String trainer, Map<String, Object> settings) implements Serializable {
    public ModelSpec {
        settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
    }
}
