package org.sparksweep.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sparksweep.trainer.Trainer;
import org.sparksweep.trial.Constraint;
import org.sparksweep.trial.Direction;
import org.sparksweep.trial.Goals;
import org.sparksweep.trial.Objective;
import org.sparksweep.trial.Scalarization;

/**
 * Reads what a sweep aims for: {@code objective:} (one) or {@code objectives:} (several), the
 * {@code scalarization:} that folds several into one, and {@code constraints:} on what a trial reports.
 */
final class GoalsReader {
    private static final Pattern CONSTRAINT = Pattern.compile(
            "\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s*(<=|>=|<|>)\\s*([-+]?[0-9][0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?)\\s*");

    private final SpecTree tree;
    private final Trainer trainer;

    /** @param trainer the spec's trainer, whose metrics the goals name; null when it has none (metric names are not checked) */
    GoalsReader(SpecTree tree, Trainer trainer) {
        this.tree = tree;
        this.trainer = trainer;
    }

    /** The goals under the spec's root mapping; null when any part has a problem (reported). */
    Goals read(SpecTree.Mapping root) {
        JsonNode single = root.get("objective"), several = root.get("objectives");
        List<Objective> objectives = new ArrayList<>();
        int before = tree.problemCount();
        if (single != null && several != null) {
            tree.problem("objectives", "give objective: (one) or objectives: (a list), not both");
        } else if (single != null) {
            Objective o = objective(single, "objective");
            if (o != null) objectives.add(o);
        } else if (several != null) {
            if (!several.isArray() || several.isEmpty()) {
                tree.problem("objectives", "must be a non-empty list, e.g. [{metric: accuracy, direction: maximize}, {metric: param_count, direction: minimize}]");
            } else {
                Set<String> seen = new LinkedHashSet<>();
                for (int i = 0; i < several.size(); i++) {
                    Objective o = objective(several.get(i), "objectives[" + i + "]");
                    if (o == null) continue;
                    if (!seen.add(o.metric())) tree.problem("objectives[" + i + "].metric", "'" + o.metric() + "' is already an objective; list each metric once");
                    else objectives.add(o);
                }
            }
        } else {
            tree.problem("objective", "missing: add objective: {metric: NAME, direction: maximize|minimize}, or objectives: [...] for several"
                    + (trainer == null ? "" : "; " + trainer.name() + " reports " + trainer.metrics()));
        }
        Scalarization scalarization = scalarization(root.get("scalarization"), objectives.size(), tree.problemCount() > before);
        List<Constraint> constraints = constraints(root.get("constraints"));
        if (tree.problemCount() > before || objectives.isEmpty()) return null;
        return new Goals(objectives, scalarization, constraints);
    }

    private Objective objective(JsonNode node, String path) {
        SpecTree.Mapping o = tree.object(node, path);
        if (o == null) return null;
        o.rejectUnknown(List.of("metric", "direction"));
        String metric = tree.text(o, "metric", true);
        if (metric != null && trainer != null && !trainer.metrics().contains(metric)) {
            tree.problem(path + ".metric", "trainer " + trainer.name() + " does not report '" + metric + "'"
                    + SpecTree.suggestion(metric, trainer.metrics()) + "; it reports " + trainer.metrics());
        }
        String dir = tree.text(o, "direction", true);
        Direction direction = null;
        if (dir != null) {
            if (dir.equals("maximize")) direction = Direction.MAXIMIZE;
            else if (dir.equals("minimize")) direction = Direction.MINIMIZE;
            else tree.problem(path + ".direction", "must be maximize or minimize, got '" + dir + "'");
        }
        return metric == null || direction == null ? null : new Objective(metric, direction);
    }

    private Scalarization scalarization(JsonNode node, int objectives, boolean objectivesBroken) {
        if (node == null) return null;
        SpecTree.Mapping o = tree.object(node, "scalarization");
        if (o == null) return null;
        o.rejectUnknown(List.of("method", "weights", "references"));
        String method = tree.text(o, "method", true);
        Scalarization.Method m = null;
        if (method != null) {
            for (Scalarization.Method each : Scalarization.Method.values()) if (each.label().equals(method)) m = each;
            if (m == null) tree.problem("scalarization.method", "must be weightedSum or chebyshev, got '" + method + "'"
                    + SpecTree.suggestion(method, List.of("weightedSum", "chebyshev")));
        }
        if (objectivesBroken) return null;
        if (objectives < 2) {
            tree.problem("scalarization", "combines several objectives, but the spec has " + objectives
                    + ": list them under objectives: or remove scalarization");
            return null;
        }
        List<Double> weights = numbers(o.get("weights"), "scalarization.weights", objectives, null);
        List<Double> references = numbers(o.get("references"), "scalarization.references", objectives, 0.0);
        if (weights != null) {
            for (int i = 0; i < weights.size(); i++) {
                if (weights.get(i) < 0) tree.problem("scalarization.weights[" + i + "]", "must be >= 0, got " + weights.get(i));
            }
            if (weights.stream().allMatch(w -> w == 0)) tree.problem("scalarization.weights", "at least one weight must be above 0");
        }
        return m == null || weights == null || references == null ? null : new Scalarization(m, weights, references);
    }

    /** A list of one number per objective; {@code fill} stands in for a missing list (null: the list is required). */
    private List<Double> numbers(JsonNode node, String path, int size, Double fill) {
        if (node == null) {
            if (fill != null) return Collections.nCopies(size, fill);
            tree.problem(path, "missing: give one number per objective, in the order of objectives:, e.g. [0.5, 0.5]");
            return null;
        }
        if (!node.isArray() || node.size() != size) {
            tree.problem(path, "must be a list of " + size + " numbers, one per objective in the order of objectives:, got " + SpecTree.plain(node)
                    + (node.isArray() ? " of " + node.size() : ""));
            return null;
        }
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Double v = SpecTree.number(node.get(i));
            if (v == null) {
                tree.problem(path + "[" + i + "]", "must be a number, got " + SpecTree.plain(node.get(i)));
                return null;
            }
            out.add(v);
        }
        return out;
    }

    /** constraints: a list of "QUANTITY OP NUMBER", the quantity a metric the trainer reports or train_seconds. */
    private List<Constraint> constraints(JsonNode node) {
        List<Constraint> out = new ArrayList<>();
        if (node == null) return out;
        if (!node.isArray()) {
            tree.problem("constraints", "must be a list of bounds, e.g. [\"param_count <= 1_000_000\", \"train_seconds <= 300\"]");
            return out;
        }
        List<String> known = new ArrayList<>(trainer == null ? List.of() : trainer.metrics());
        known.add(Constraint.TRAIN_SECONDS);
        for (int i = 0; i < node.size(); i++) {
            String path = "constraints[" + i + "]";
            JsonNode n = node.get(i);
            Matcher m = n.isTextual() ? CONSTRAINT.matcher(n.asText()) : null;
            if (m == null || !m.matches()) {
                tree.problem(path, "must be text like \"param_count <= 1_000_000\" (a quantity, one of <= < >= >, a number), got " + SpecTree.plain(n));
                continue;
            }
            String quantity = m.group(1);
            if (trainer != null && !known.contains(quantity)) {
                String loose = loose(quantity);
                String match = known.stream().filter(k -> loose(k).equals(loose)).findFirst()
                        .orElse(loose.equals("params") && known.contains("param_count") ? "param_count" : null);
                if (match != null) {
                    quantity = match; // memoryMb is memory_mb, trainSeconds train_seconds, params param_count
                } else {
                    tree.problem(path, "'" + quantity + "' is not a quantity a trial reports" + SpecTree.suggestion(quantity, known) + "; trainer "
                            + trainer.name() + " reports " + trainer.metrics() + ", and every trial has train_seconds");
                    continue;
                }
            }
            out.add(new Constraint(quantity, Constraint.Comparison.of(m.group(2)), Double.parseDouble(m.group(3).replace("_", ""))));
        }
        return out;
    }

    private static String loose(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }
}
