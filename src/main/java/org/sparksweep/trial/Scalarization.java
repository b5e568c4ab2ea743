package org.sparksweep.trial;

import java.io.Serializable;
import java.util.List;

/**
 * How several objectives become one number for a strategy that optimises a single value (grid,
 * random, sobol, tpe), and for the leaderboard's {@code rank}. Each objective is first turned into a
 * loss to minimise, {@code (value - reference)} for minimise and {@code (reference - value)} for
 * maximise; then the weighted sum of the losses, or their weighted maximum (Chebyshev, which can
 * reach points of a non-convex front that no weighted sum reaches). The result is always minimised.
 *
 * @param weights    one per objective, in the spec's order, each >= 0
 * @param references one per objective: the ideal value the loss is measured from (0 unless given)
 */
public record Scalarization(Method method, List<Double> weights, List<Double> references) implements Serializable {

    /** The two ways to combine the losses. */
    public enum Method {
        WEIGHTED_SUM("weightedSum"), CHEBYSHEV("chebyshev");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Scalarization {
        weights = List.copyOf(weights);
        references = List.copyOf(references);
        if (weights.size() != references.size()) throw new IllegalArgumentException("one weight and one reference per objective");
    }

    /** The combined loss of one trial's objective values (in the objectives' order); NaN when one is missing. */
    public double combine(double[] values, List<Objective> objectives) {
        double sum = 0, max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            double loss = objectives.get(i).direction() == Direction.MINIMIZE ? values[i] - references.get(i) : references.get(i) - values[i];
            double weighted = weights.get(i) * loss;
            sum += weighted;
            max = Math.max(max, weighted);
        }
        return method == Method.WEIGHTED_SUM ? sum : max;
    }

    public String describe() {
        return method.label() + " with weights " + weights + (references.stream().allMatch(r -> r == 0) ? "" : " and references " + references);
    }
}
