package org.sparksweep.trial;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a sweep aims for: one or more objectives, how a strategy that optimises a single number
 * combines them (when the spec says), and the constraints a trial must keep to count. A spec with
 * one objective and no constraints has the goals of a plain single-objective sweep.
 *
 * @param scalarization null: single-objective strategies (and {@code rank}) follow the first objective
 */
public record Goals(List<Objective> objectives, Scalarization scalarization, List<Constraint> constraints) implements Serializable {
    /** The metric name under which a scalarized objective appears (in messages and the objective_metric column). */
    public static final String SCALARIZED = "scalarized";

    public Goals {
        objectives = List.copyOf(objectives);
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
        if (objectives.isEmpty()) throw new IllegalArgumentException("at least one objective");
        if (scalarization != null && scalarization.weights().size() != objectives.size()) {
            throw new IllegalArgumentException("one scalarization weight per objective");
        }
    }

    /** The goals of a single-objective sweep without constraints. */
    public static Goals of(Objective objective) {
        return new Goals(List.of(objective), null, List.of());
    }

    public boolean multiObjective() {
        return objectives.size() > 1;
    }

    /**
     * The one value a single-objective strategy optimises and the leaderboard ranks by: the first
     * objective, or the scalarization's combined loss (minimised) when there is one.
     */
    public Objective primary() {
        return scalarization == null ? objectives.get(0) : new Objective(SCALARIZED, Direction.MINIMIZE);
    }

    /** The objective metrics' values in the objectives' order, or null when one is missing or not finite. */
    public double[] values(Map<String, Double> metrics) {
        double[] v = new double[objectives.size()];
        for (int i = 0; i < v.length; i++) {
            Double x = metrics.get(objectives.get(i).metric());
            if (x == null || !Double.isFinite(x)) return null;
            v[i] = x;
        }
        return v;
    }

    /** The value of {@link #primary()} for these metrics; null when an objective is missing. */
    public Double primaryValue(Map<String, Double> metrics) {
        if (scalarization == null) return metrics.get(objectives.get(0).metric());
        double[] v = values(metrics);
        return v == null ? null : scalarization.combine(v, objectives);
    }

    /** The values turned into losses to minimise (maximised objectives negated), for dominance. */
    public double[] losses(double[] values) {
        double[] l = new double[values.length];
        for (int i = 0; i < l.length; i++) l[i] = objectives.get(i).direction().loss(values[i]);
        return l;
    }

    /** The constraints that can be checked from a config alone, given the quantities a trainer predicts. */
    public List<Constraint> predictable(List<String> predicted) {
        return constraints.stream().filter(c -> predicted.contains(c.quantity())).toList();
    }

    /** Total violation over all constraints (0 = feasible). */
    public double violation(Map<String, Double> metrics, double trainSeconds) {
        double total = 0;
        for (Constraint c : constraints) total += c.violation(c.valueIn(metrics, trainSeconds));
        return total;
    }

    /** The constraints these values break, as a spec writes them with the value, e.g. "param_count <= 1000 (was 1203)". */
    public List<String> broken(List<Constraint> among, Map<String, Double> values, double trainSeconds) {
        List<String> out = new ArrayList<>();
        for (Constraint c : among) {
            Double v = c.valueIn(values, trainSeconds);
            if (!c.holds(v)) out.add(c.describe() + " (was " + (v == null ? "not reported" : format(v)) + ")");
        }
        return out;
    }

    /** Whether a COMPLETED trial keeps every constraint; any other trial is not feasible. */
    public boolean feasible(TrialResult r) {
        return r.status() == TrialStatus.COMPLETED && violation(r.metrics(), r.trainSeconds()) == 0;
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
