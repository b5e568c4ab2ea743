package org.sparksweep.plugin;

import java.io.Serializable;
import java.util.List;
import org.sparksweep.space.ValueType;

/**
 * One setting a trainer understands, fixed in the spec's {@code model:} block or searched in {@code space:};
 * likewise a data source's option under {@code data:} and a strategy's under {@code search:}. Declaring knobs
 * lets the spec reader reject a typo, a wrong type or a value out of range before anything runs, instead of
 * the plug-in silently falling back to a default.
 *
 * @param allowed      the only values accepted (for names such as activations), or empty for any
 * @param defaultValue used when the spec gives no value; null makes the knob required
 * @param list         whether the value is a list of values of {@code type} (data source options such as
 *                     {@code categorical: [sex, region]}); trainer settings are single values
 * @param min          the smallest number accepted, or null for no lower bound
 * @param max          the largest number accepted, or null for no upper bound
 * @param fields       for a knob whose value is a mapping (a strategy's {@code budget: {setting, min, max}}), the
 *                     knobs of its keys; empty for a single value (then {@code type} is the value's type)
 */
public record Knob(String name, ValueType type, String description, List<Object> allowed, Object defaultValue, boolean list,
                   Number min, Number max, List<Knob> fields) implements Serializable {

    public Knob {
        allowed = List.copyOf(allowed);
        fields = List.copyOf(fields);
    }

    public Knob(String name, ValueType type, String description, List<Object> allowed, Object defaultValue, boolean list) {
        this(name, type, description, allowed, defaultValue, list, null, null, List.of());
    }

    public Knob(String name, ValueType type, String description, List<Object> allowed, Object defaultValue) {
        this(name, type, description, allowed, defaultValue, false);
    }

    /**
     * A whole number from {@code min} to {@code max} (null: unbounded); {@code defaultValue} null when the
     * owner decides what no value means.
     */
    public static Knob whole(String name, Long min, Long max, Long defaultValue, String description) {
        return new Knob(name, ValueType.LONG, description, List.of(), defaultValue, false, min, max, List.of());
    }

    /** A mapping of these keys, such as {@code budget: {setting: epochs, min: 1, max: 27}}; no default. */
    public static Knob mapping(String name, String description, List<Knob> fields) {
        return new Knob(name, null, description, List.of(), null, false, null, null, fields);
    }

    public static Knob of(String name, ValueType type, Object defaultValue, String description) {
        return new Knob(name, type, description, List.of(), defaultValue);
    }

    public static Knob oneOf(String name, List<Object> allowed, Object defaultValue, String description) {
        return new Knob(name, ValueType.STRING, description, allowed, defaultValue);
    }

    /** A list of values of one type, empty unless the spec gives one. */
    public static Knob listOf(String name, ValueType elementType, String description) {
        return new Knob(name, elementType, description, List.of(), List.of(), true);
    }

    public boolean required() {
        return defaultValue == null;
    }
}
