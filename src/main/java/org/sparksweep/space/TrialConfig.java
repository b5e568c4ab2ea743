package org.sparksweep.space;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hyperparameter values of one trial: only the active parameters, in the space's order.
 * Its canonical JSON (keys sorted, compact) is what trial ids hash and what the leaderboard stores.
 */
public final class TrialConfig implements Serializable {
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final LinkedHashMap<String, Object> values;

    public TrialConfig(Map<String, Object> values) {
        this.values = new LinkedHashMap<>(values);
    }

    public Map<String, Object> values() {
        return Collections.unmodifiableMap(values);
    }

    public Object get(String name) {
        return values.get(name);
    }

    /** Whether the parameter is active in this trial. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String canonicalJson() {
        try {
            return CANONICAL.writeValueAsString(new TreeMap<>(values));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("config values are scalars and always serialise", e);
        }
    }

    /** Compact {@code name=value} text for progress lines. */
    public String brief() {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> {
            if (sb.length() > 0) sb.append(' ');
            sb.append(k).append('=').append(v instanceof Double d ? brief(d) : v);
        });
        return sb.toString();
    }

    private static String brief(double d) {
        String s = String.valueOf(d);
        return s.length() <= 8 ? s : String.format(java.util.Locale.ROOT, "%.4g", d);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrialConfig other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return canonicalJson();
    }
}
