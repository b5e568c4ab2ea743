package org.sparksweep.space;

import java.util.Locale;

/** The type of a hyperparameter's values, which is also the type of its leaderboard column. */
public enum ValueType {
    LONG, DOUBLE, STRING, BOOLEAN;

    /** The type of one scalar value as read from a spec (integers are LONG, other numbers DOUBLE). */
    public static ValueType of(Object value) {
        if (value instanceof Long || value instanceof Integer) return LONG;
        if (value instanceof Number) return DOUBLE;
        if (value instanceof Boolean) return BOOLEAN;
        return STRING;
    }

    /** The narrowest type that holds every one of these values: integers widen to DOUBLE, anything mixed to STRING. */
    public static ValueType common(Iterable<?> values) {
        ValueType result = null;
        for (Object v : values) {
            ValueType t = of(v);
            if (result == null || result == t) result = t;
            else if ((result == LONG && t == DOUBLE) || (result == DOUBLE && t == LONG)) result = DOUBLE;
            else result = STRING;
        }
        return result == null ? STRING : result;
    }

    /** Converts a scalar to this type's Java representation (Long, Double, String, Boolean). */
    public Object coerce(Object value) {
        return switch (this) {
            case LONG -> ((Number) value).longValue();
            case DOUBLE -> ((Number) value).doubleValue();
            case BOOLEAN -> (Boolean) value;
            case STRING -> String.valueOf(value);
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
