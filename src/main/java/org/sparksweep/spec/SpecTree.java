package org.sparksweep.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sparksweep.plugin.UnknownKeys;

/**
 * The parsed spec as every block reader sees it: typed reads of its nodes by field path, and the
 * problems found so far. Each problem is kept with its field path, so a spec is refused with all of
 * them at once; an unknown key is a problem (with the nearest known key suggested), never ignored.
 */
final class SpecTree {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h|d)");
    private static final Pattern EXPONENT_NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)[eE][-+]?\\d+");

    private final List<String> problems = new ArrayList<>();

    /** Records a problem at a field path ({@code ""} for the top level). */
    void problem(String path, String message) {
        problems.add((path.isEmpty() ? "(top level)" : path) + ": " + message);
    }

    List<String> problems() {
        return problems;
    }

    /** How many problems are recorded: a reader compares counts to tell whether its block added any. */
    int problemCount() {
        return problems.size();
    }

    /**
     * Reports each of {@code keys} that is not {@code known} as an unknown key of the mapping at
     * {@code path}; {@code context} says whose keys they are (e.g. " for trainer dl4j-mlp"). With
     * {@code suggest}, the nearest known key is suggested.
     */
    void rejectUnknown(String path, Iterator<?> keys, Collection<String> known, String context, boolean suggest) {
        while (keys.hasNext()) {
            String k = String.valueOf(keys.next());
            if (!known.contains(k)) {
                problem(path.isEmpty() ? k : path + "." + k, UnknownKeys.message(k, known, context, suggest));
            }
        }
    }

    /** A mapping node that remembers which keys were read, so the rest can be reported as unknown. */
    final class Mapping {
        final ObjectNode node;
        final String path;
        final Set<String> seen = new LinkedHashSet<>();

        Mapping(ObjectNode node, String path) {
            this.node = node;
            this.path = path;
        }

        /** The value of a key, null when absent or null. */
        JsonNode get(String key) {
            seen.add(key);
            JsonNode n = node.get(key);
            return n == null || n.isNull() ? null : n;
        }

        void rejectUnknown(Collection<String> known) {
            rejectUnknown(known, "");
        }

        void rejectUnknown(Collection<String> known, String context) {
            SpecTree.this.rejectUnknown(path, node.fieldNames(), known, context, true);
        }

        String child(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }
    }

    /** The node as a mapping; null (reported) when it is something else, null when absent. */
    Mapping object(JsonNode node, String path) {
        if (node == null || node.isNull()) return null;
        if (!node.isObject()) {
            problem(path, "must be a mapping of keys to values, got " + plain(node));
            return null;
        }
        return new Mapping((ObjectNode) node, path);
    }

    /** A mapping already known to be one (a domain written as a mapping). */
    Mapping mapping(ObjectNode node, String path) {
        return new Mapping(node, path);
    }

    /** Non-blank text under a key; null when absent (reported if required) or not text (reported). */
    String text(Mapping o, String key, boolean required) {
        JsonNode n = o.get(key);
        String path = o.child(key);
        if (n == null) {
            if (required) problem(path, "missing");
            return null;
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            problem(path, "must be text, got " + plain(n));
            return null;
        }
        return n.asText();
    }

    /** A single value: a Long, a Double, a Boolean or a String; null (reported) for anything else. */
    Object scalar(JsonNode n, String path) {
        if (n == null || n.isNull()) {
            problem(path, "missing a value");
            return null;
        }
        if (n.isIntegralNumber()) {
            if (!n.canConvertToLong()) {
                problem(path, "integer out of range: " + n);
                return null;
            }
            return n.asLong();
        }
        if (n.isNumber()) {
            double d = n.asDouble();
            if (!Double.isFinite(d)) {
                problem(path, "must be a finite number, got " + n);
                return null;
            }
            return d;
        }
        if (n.isBoolean()) return n.asBoolean();
        if (n.isTextual()) {
            Double d = numericText(n.asText());
            return d != null ? (Object) d : n.asText();
        }
        problem(path, "must be a single value (text, number or true/false), got " + plain(n));
        return null;
    }

    /** Seconds from a number of seconds or text such as 500ms, 90s, 10m, 1.5h, 2d; null when absent or invalid (reported). */
    Double duration(JsonNode n, String path) {
        if (n == null) return null;
        Double seconds = null;
        if (n.isNumber()) {
            seconds = n.asDouble();
        } else if (n.isTextual()) {
            Matcher m = DURATION.matcher(n.asText().trim());
            if (m.matches()) {
                double v = Double.parseDouble(m.group(1));
                seconds = switch (m.group(2)) {
                    case "ms" -> v / 1000;
                    case "s" -> v;
                    case "m", "min" -> v * 60;
                    case "h" -> v * 3600;
                    default -> v * 86400;
                };
            }
        }
        if (seconds == null || !(seconds > 0) || !Double.isFinite(seconds)) {
            problem(path, "must be a positive duration: seconds (e.g. 90) or text such as 500ms, 90s, 10m, 1.5h, 2d; got " + plain(n));
            return null;
        }
        return seconds;
    }

    /** A real number from a number node, or from YAML text such as {@code 1e-4} that YAML 1.1 leaves as a string. */
    static Double number(JsonNode n) {
        if (n == null) return null;
        if (n.isNumber()) return Double.isFinite(n.asDouble()) ? n.asDouble() : null;
        if (n.isTextual()) return numericText(n.asText());
        return null;
    }

    private static Double numericText(String s) {
        if (!EXPONENT_NUMBER.matcher(s.trim()).matches()) return null;
        double d = Double.parseDouble(s.trim());
        return Double.isFinite(d) ? d : null;
    }

    /** A node as a message shows it: text quoted, a mapping or list by its kind. */
    static String plain(JsonNode n) {
        if (n == null) return "nothing";
        if (n.isTextual()) return "'" + n.asText() + "'";
        if (n.isObject()) return "a mapping";
        if (n.isArray()) return "a list";
        return n.toString();
    }

    static List<String> allowedWith(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }

    /** "; did you mean 'x'?" for the nearest known name within a small edit distance, else "". */
    static String suggestion(String given, Collection<String> known) {
        return UnknownKeys.suggestion(given, known);
    }
}
