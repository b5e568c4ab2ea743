package org.sparksweep.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sparksweep.plugin.Knob;
import org.sparksweep.space.Condition;
import org.sparksweep.space.Domain;
import org.sparksweep.space.Parameter;
import org.sparksweep.space.ValueType;
import org.sparksweep.trainer.Trainer;

/**
 * Reads the {@code space:} block: one domain per searched knob of the trainer (a value, a choice, an
 * integer range, a uniform or log-uniform interval), each fitted to its knob's type, and the
 * {@code when:} conditions between parameters, which must not form a cycle.
 */
final class SpaceReader {
    static final List<String> DOMAIN_KINDS = List.of("value", "choice", "range", "uniform", "logUniform");

    private final SpecTree tree;
    private final ModelReader model;
    private boolean cyclic;

    SpaceReader(SpecTree tree, ModelReader model) {
        this.tree = tree;
        this.model = model;
    }

    /** Whether the conditions read form a cycle (reported): then no search space can be built from the parameters. */
    boolean cyclic() {
        return cyclic;
    }

    /** The parameters whose domains and conditions read cleanly, in the spec's order; empty without a space. */
    List<Parameter> read(JsonNode node) {
        List<Parameter> parameters = new ArrayList<>();
        if (node == null) return parameters;
        SpecTree.Mapping space = tree.object(node, "space");
        if (space == null) return parameters;
        Trainer trainer = model.trainer();
        Map<String, Knob> knobs = model.knobs();
        Map<String, JsonNode> whens = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> f : space.node.properties()) {
            String name = f.getKey();
            String path = "space." + name;
            space.seen.add(name);
            if (trainer != null && !knobs.containsKey(name)) {
                tree.problem(path, "trainer " + trainer.name() + " has no setting '" + name + "'" + SpecTree.suggestion(name, knobs.keySet())
                        + "; it has " + knobs.keySet());
                continue;
            }
            Domain d = domain(f.getValue(), path);
            if (d == null) continue;
            if (trainer != null) d = model.fitToKnob(d, knobs.get(name), path);
            if (d == null) continue;
            JsonNode when = f.getValue().isObject() ? f.getValue().get("when") : null;
            if (when != null) whens.put(name, when);
            parameters.add(new Parameter(name, d, null));
        }
        // conditions, once every parameter's domain is known
        Map<String, Parameter> byName = new LinkedHashMap<>();
        for (Parameter p : parameters) byName.put(p.name(), p);
        for (Map.Entry<String, JsonNode> w : whens.entrySet()) {
            Condition c = condition(w.getValue(), "space." + w.getKey() + ".when", w.getKey(), byName);
            if (c != null) byName.put(w.getKey(), new Parameter(w.getKey(), byName.get(w.getKey()).domain(), c));
        }
        checkCycles(byName);
        return new ArrayList<>(byName.values());
    }

    private Domain domain(JsonNode node, String path) {
        if (node.isArray()) return choice(node, path);
        if (!node.isObject()) {
            Object v = tree.scalar(node, path);
            return v == null ? null : new Domain.Fixed(v);
        }
        SpecTree.Mapping o = tree.mapping((ObjectNode) node, path);
        List<String> kinds = DOMAIN_KINDS.stream().filter(k -> node.get(k) != null).toList();
        if (kinds.size() != 1) {
            tree.problem(path, kinds.isEmpty() ? "give exactly one of " + DOMAIN_KINDS + " (or a plain value to fix it)"
                    : "give only one of " + kinds);
            o.rejectUnknown(SpecTree.allowedWith(DOMAIN_KINDS, "step", "q", "points", "when"));
            return null;
        }
        String kind = kinds.get(0);
        o.get("when");
        return switch (kind) {
            case "value" -> {
                o.rejectUnknown(List.of("value", "when"));
                Object v = tree.scalar(o.get("value"), path + ".value");
                yield v == null ? null : new Domain.Fixed(v);
            }
            case "choice" -> {
                o.rejectUnknown(List.of("choice", "when"));
                yield choice(o.get("choice"), path + ".choice");
            }
            case "range" -> {
                o.rejectUnknown(List.of("range", "step", "when"));
                yield range(o, path);
            }
            default -> {
                o.rejectUnknown(List.of(kind, "q", "points", "when"));
                yield continuous(o, kind, path);
            }
        };
    }

    private Domain choice(JsonNode node, String path) {
        if (!node.isArray() || node.isEmpty()) {
            tree.problem(path, "must be a non-empty list of values, e.g. [relu, tanh]");
            return null;
        }
        List<Object> raw = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            Object v = tree.scalar(node.get(i), path + "[" + i + "]");
            if (v == null) return null;
            raw.add(v);
        }
        ValueType type = ValueType.common(raw);
        List<Object> values = raw.stream().map(type::coerce).toList();
        if (new LinkedHashSet<>(values).size() != values.size()) {
            tree.problem(path, "lists a value twice: " + values);
            return null;
        }
        return new Domain.Choice(values);
    }

    private Domain range(SpecTree.Mapping o, String path) {
        JsonNode bounds = o.get("range");
        if (!bounds.isArray() || bounds.size() != 2 || !bounds.get(0).isIntegralNumber() || !bounds.get(1).isIntegralNumber()) {
            tree.problem(path + ".range", "must be [lower, upper] with integer bounds, e.g. [16, 128]; use uniform for real numbers");
            return null;
        }
        long lower = bounds.get(0).asLong(), upper = bounds.get(1).asLong();
        long step = 1;
        JsonNode s = o.get("step");
        if (s != null) {
            if (!s.isIntegralNumber() || s.asLong() < 1) {
                tree.problem(path + ".step", "must be an integer >= 1, got " + s);
                return null;
            }
            step = s.asLong();
        }
        if (lower > upper) {
            tree.problem(path + ".range", "lower bound must be <= upper bound, got [" + lower + ", " + upper + "]");
            return null;
        }
        if (upper - lower < 0) { // the difference overflowed
            tree.problem(path + ".range", "spans more integers than a grid can index; narrow it, or use uniform");
            return null;
        }
        return new Domain.IntRange(lower, upper, step);
    }

    private Domain continuous(SpecTree.Mapping o, String kind, String path) {
        JsonNode bounds = o.get(kind);
        if (!bounds.isArray() || bounds.size() != 2 || SpecTree.number(bounds.get(0)) == null || SpecTree.number(bounds.get(1)) == null) {
            tree.problem(path + "." + kind, "must be [lower, upper] with numeric bounds, e.g. [0.0001, 0.1]");
            return null;
        }
        double lower = SpecTree.number(bounds.get(0)), upper = SpecTree.number(bounds.get(1));
        boolean ok = true;
        if (kind.equals("logUniform") && !(lower > 0)) {
            tree.problem(path, "logUniform lower bound must be > 0, got " + SpecTree.plain(bounds.get(0)));
            ok = false;
        }
        if (!(lower < upper)) {
            tree.problem(path + "." + kind, "lower bound must be < upper bound, got [" + SpecTree.plain(bounds.get(0)) + ", "
                    + SpecTree.plain(bounds.get(1)) + "]" + " (for a single value write the value itself)");
            ok = false;
        }
        Double q = null;
        JsonNode qn = o.get("q");
        if (qn != null) {
            q = SpecTree.number(qn);
            if (q == null || !(q > 0)) {
                tree.problem(path + ".q", "must be a number > 0 (values are rounded to multiples of q), got " + SpecTree.plain(qn));
                ok = false;
            } else if (ok && Math.floor(upper / q + 1e-9) < Math.ceil(lower / q - 1e-9)) {
                tree.problem(path + ".q", "no multiple of " + q + " lies in [" + lower + ", " + upper + "]");
                ok = false;
            }
        }
        Integer points = null;
        JsonNode pn = o.get("points");
        if (pn != null) {
            if (!pn.isIntegralNumber() || pn.asLong() < 1 || pn.asLong() > 1_000_000) {
                tree.problem(path + ".points", "must be an integer in [1, 1000000] (grid points across the range), got " + SpecTree.plain(pn));
                ok = false;
            } else {
                points = pn.asInt();
            }
        }
        if (!ok) return null;
        return kind.equals("uniform") ? new Domain.Uniform(lower, upper, q, points) : new Domain.LogUniform(lower, upper, q, points);
    }

    private Condition condition(JsonNode node, String path, String child, Map<String, Parameter> byName) {
        if (!node.isObject() || node.size() != 1) {
            tree.problem(path, "must name one parameter and its values, e.g. when: {updater: [nesterovs, sgd]}");
            return null;
        }
        Map.Entry<String, JsonNode> e = node.properties().iterator().next();
        String parentName = e.getKey();
        String parentPath = path + "." + parentName;
        Parameter parent = byName.get(parentName);
        if (parent == null || parentName.equals(child)) {
            tree.problem(parentPath, (parentName.equals(child) ? "a parameter cannot depend on itself" : "no parameter '" + parentName + "' in space"
                    + SpecTree.suggestion(parentName, byName.keySet())));
            return null;
        }
        if (!parent.domain().discrete()) {
            tree.problem(parentPath, parentName + " is " + parent.domain().describe()
                    + "; a condition needs a parameter with a list of values (choice, range or a fixed value)");
            return null;
        }
        List<Object> values = new ArrayList<>();
        JsonNode vs = e.getValue();
        List<JsonNode> items = new ArrayList<>();
        if (vs.isArray()) vs.forEach(items::add);
        else items.add(vs);
        if (items.isEmpty()) {
            tree.problem(parentPath, "list at least one value of " + parentName);
            return null;
        }
        for (JsonNode item : items) {
            Object v = tree.scalar(item, parentPath);
            if (v == null) return null;
            Object typed = v;
            ValueType t = parent.domain().type();
            if (t == ValueType.DOUBLE && v instanceof Number n) typed = n.doubleValue();
            else if (t == ValueType.STRING) typed = String.valueOf(v);
            if (parent.domain().indexOf(typed) < 0) {
                tree.problem(parentPath, parentName + " never takes the value " + v + "; it is " + parent.domain().describe());
                return null;
            }
            values.add(typed);
        }
        return new Condition(parentName, new LinkedHashSet<>(values));
    }

    private void checkCycles(Map<String, Parameter> byName) {
        for (Parameter p : byName.values()) {
            Set<String> chain = new LinkedHashSet<>();
            for (Parameter a = p; a != null && a.conditional(); a = byName.get(a.when().parent())) {
                if (!chain.add(a.name())) {
                    tree.problem("space." + p.name() + ".when", "conditions form a cycle: " + String.join(" -> ", chain) + " -> " + a.name());
                    cyclic = true;
                    return;
                }
            }
        }
    }
}
