package org.sparksweep.plugin;

import java.io.Serializable;
import java.util.List;
import org.sparksweep.space.ValueType;

/**
 * One setting a trainer (or a data source) understands: fixed in the spec's {@code model:} block or
 * searched in {@code space:}. Declaring knobs lets the spec reader reject a typo or a wrong type
 * before anything runs, instead of the trainer silently falling back to a default.
 *
 * @param allowed      the only values accepted (for names such as activations), or empty for any
 * @param defaultValue used when the spec gives no value; null makes the knob required
 */
public record Knob(String name, ValueType type, String description, List<Object> allowed, Object defaultValue)
        implements Serializable {

    public Knob {
        allowed = List.copyOf(allowed);
    }

    public static Knob of(String name, ValueType type, Object defaultValue, String description) {
        return new Knob(name, type, description, List.of(), defaultValue);
    }

    public static Knob oneOf(String name, List<Object> allowed, Object defaultValue, String description) {
        return new Knob(name, ValueType.STRING, description, allowed, defaultValue);
    }

    public boolean required() {
        return defaultValue == null;
    }
}
