package org.sparksweep.plugin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks values against the {@link Knob}s that declare them, the same way wherever they are read (a data
 * source's options, a strategy's options): the type, the allowed values, the range, and for a mapping its
 * keys. Messages say what a value must be; the caller says where (the spec path).
 */
public final class KnobValues {
    private KnobValues() {}

    /** A problem at a path (e.g. {@code search.startupTrials}) with what to do about it. */
    public record Problem(String path, String message) {}

    /**
     * Options read against knobs: each value typed (whole numbers as Long, reals as Double), a default for each
     * knob with one that is not given or does not fit; an option without a default that is not given (or does
     * not fit) is left out.
     *
     * @param rejected the names given with a value that does not fit its knob (reported in problems)
     */
    public record Read(Map<String, Object> values, Set<String> rejected, List<Problem> problems) {}

    /** What a value of the knob must be, e.g. "a whole number from 1 to 100000", "true or false". */
    public static String expected(Knob knob) {
        return switch (knob.type()) {
            case STRING -> "text";
            case BOOLEAN -> "true or false";
            case LONG -> knob.min() != null && knob.max() != null ? "a whole number from " + knob.min() + " to " + knob.max()
                    : knob.min() != null ? "an integer >= " + knob.min() : knob.max() != null ? "an integer <= " + knob.max() : "an integer";
            case DOUBLE -> knob.min() != null && knob.max() != null ? "a number from " + knob.min() + " to " + knob.max()
                    : knob.min() != null ? "a number >= " + knob.min() : knob.max() != null ? "a number <= " + knob.max() : "a number";
        };
    }

    /** The value as the knob's type (Long, Double, String, Boolean) when it is of that type and in range; null otherwise. */
    public static Object typed(Knob knob, Object v) {
        Object typed = switch (knob.type()) {
            case STRING -> v instanceof String ? v : null;
            case LONG -> v instanceof Long || v instanceof Integer ? (Object) ((Number) v).longValue() : null;
            case DOUBLE -> v instanceof Number n ? (Object) n.doubleValue() : null;
            case BOOLEAN -> v instanceof Boolean ? v : null;
        };
        if (typed instanceof Number n) {
            if (knob.min() != null && n.doubleValue() < knob.min().doubleValue()) return null;
            if (knob.max() != null && n.doubleValue() > knob.max().doubleValue()) return null;
        }
        return typed;
    }

    /** Null when the typed value is one the knob allows, else "cannot be 'v'; did you mean ...; allowed: [...]". */
    public static String notAllowed(Knob knob, Object typed) {
        if (knob.allowed().isEmpty() || knob.allowed().contains(typed)) return null;
        return "cannot be '" + typed + "'" + UnknownKeys.suggestion(String.valueOf(typed), knob.allowed().stream().map(String::valueOf).toList())
                + "; allowed: " + knob.allowed();
    }

    /**
     * Reads {@code given} (plain values: numbers, text, booleans, mappings) against {@code knobs}; {@code path}
     * is where the options are (e.g. {@code search}), {@code context} whose they are (e.g. " for strategy tpe").
     */
    public static Read read(List<Knob> knobs, Map<?, ?> given, String path, String context) {
        Map<String, Object> values = new LinkedHashMap<>();
        Set<String> rejected = new LinkedHashSet<>();
        List<Problem> problems = new ArrayList<>();
        List<String> names = knobs.stream().map(Knob::name).toList();
        for (Object k : given.keySet()) {
            String key = String.valueOf(k);
            if (!names.contains(key)) problems.add(new Problem(path + "." + key, UnknownKeys.message(key, names, context, true)));
        }
        for (Knob knob : knobs) {
            Object v = given.get(knob.name());
            String at = path + "." + knob.name();
            if (v == null) {
                if (knob.defaultValue() != null) values.put(knob.name(), knob.defaultValue());
                continue;
            }
            Object typed = value(knob, v, at, problems);
            if (typed != null) {
                values.put(knob.name(), typed);
            } else {
                rejected.add(knob.name());
                if (knob.defaultValue() != null) values.put(knob.name(), knob.defaultValue());
            }
        }
        return new Read(values, rejected, problems);
    }

    /** The value typed as its knob says; null when it does not fit (reported). */
    private static Object value(Knob knob, Object v, String at, List<Problem> problems) {
        if (!knob.fields().isEmpty()) {
            if (!(v instanceof Map<?, ?> m)) {
                problems.add(new Problem(at, "must be a mapping like {" + String.join(": ..., ", knob.fields().stream().map(Knob::name).toList())
                        + ": ...}, got " + v + "; " + knob.description()));
                return null;
            }
            Read inner = read(knob.fields(), m, at, "");
            problems.addAll(inner.problems()); // an unknown key is reported, the keys known are still read
            return inner.rejected().isEmpty() ? inner.values() : null;
        }
        Object typed = typed(knob, v);
        if (typed == null) {
            problems.add(new Problem(at, "must be " + expected(knob) + ", got " + v));
            return null;
        }
        String notAllowed = notAllowed(knob, typed);
        if (notAllowed == null) return typed;
        problems.add(new Problem(at, notAllowed));
        return null;
    }
}
