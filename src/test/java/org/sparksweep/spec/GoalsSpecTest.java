package org.sparksweep.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparksweep.trial.Constraint;
import org.sparksweep.trial.Direction;
import org.sparksweep.trial.Goals;
import org.sparksweep.trial.Scalarization;

/** objectives:, scalarization: and constraints: in a spec, and what a user is told when they are wrong. */
class GoalsSpecTest {
    static final String HEAD = """
            name: g
            data: {source: iris}
            model: {trainer: dl4j-mlp, epochs: 1}
            search: {strategy: random, trials: 3}
            space: {width: {choice: [4, 8]}}
            """;

    @Test
    void readsObjectivesScalarizationAndConstraints() throws Exception {
        SweepSpec spec = SpecReader.parse(HEAD + """
                objectives:
                  - {metric: accuracy, direction: maximize}
                  - {metric: param_count, direction: minimize}
                scalarization: {method: chebyshev, weights: [0.7, 0.3], references: [1, 0]}
                constraints: ["params <= 1_000_000", "memoryMb <= 4096", "trainSeconds < 300"]
                """, "s.yaml", false);
        Goals goals = spec.goals();
        assertEquals(2, goals.objectives().size());
        assertEquals("accuracy", spec.objective().metric(), "objective is the first of the objectives");
        assertEquals(Scalarization.Method.CHEBYSHEV, goals.scalarization().method());
        assertEquals(List.of(new Constraint("param_count", Constraint.Comparison.AT_MOST, 1_000_000),
                new Constraint("memory_mb", Constraint.Comparison.AT_MOST, 4096),
                new Constraint("train_seconds", Constraint.Comparison.BELOW, 300)), goals.constraints(), "the names users write, as columns");
        assertEquals(Direction.MINIMIZE, goals.primary().direction());
        // chebyshev: max(0.7 * (1 - 0.9), 0.3 * (500 - 0))
        assertEquals(150.0, goals.primaryValue(java.util.Map.of("accuracy", 0.9, "param_count", 500.0)), 1e-9);
    }

    @Test
    void aSingleObjectiveSpecKeepsItsGoals() throws Exception {
        SweepSpec spec = SpecReader.parse(HEAD + "objective: {metric: accuracy, direction: maximize}\n", "s.yaml", false);
        assertEquals(Goals.of(spec.objective()), spec.goals());
    }

    @Test
    void badGoalsAreReportedWithTheirFieldAndFix() {
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.parse(HEAD + """
                objectives:
                  - {metric: accuracy, direction: maximize}
                  - {metric: acuracy, direction: up}
                scalarization: {method: chebychev, weights: [1]}
                constraints: ["parameters <= 10", "memory_mb => 4"]
                """, "s.yaml", false));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains("objectives[1].metric: trainer dl4j-mlp does not report 'acuracy'; did you mean 'accuracy'?"), all);
        assertTrue(all.contains("objectives[1].direction: must be maximize or minimize, got 'up'"), all);
        assertTrue(all.contains("scalarization.method: must be weightedSum or chebyshev, got 'chebychev'; did you mean 'chebyshev'?"), all);
        assertTrue(all.contains("constraints[0]: 'parameters' is not a quantity a trial reports"), all);
        assertTrue(all.contains("constraints[1]: must be text like \"param_count <= 1_000_000\""), all);
        SpecException both = assertThrows(SpecException.class, () -> SpecReader.parse(HEAD
                + "objective: {metric: accuracy, direction: maximize}\nobjectives: [{metric: accuracy, direction: maximize}]\n", "s.yaml", false));
        assertTrue(String.join("\n", both.problems()).contains("objectives: give objective: (one) or objectives: (a list), not both"));
        SpecException weights = assertThrows(SpecException.class, () -> SpecReader.parse(HEAD + """
                objectives: [{metric: accuracy, direction: maximize}, {metric: param_count, direction: minimize}]
                scalarization: {method: weightedSum, weights: [1]}
                """, "s.yaml", false));
        assertTrue(String.join("\n", weights.problems()).contains("scalarization.weights: must be a list of 2 numbers, one per objective"),
                weights.problems().toString());
    }
}
