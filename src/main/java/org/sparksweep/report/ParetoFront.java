package org.sparksweep.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.sparksweep.report.SweepReport.ObjectiveAxis;
import org.sparksweep.store.Columns;
import org.sparksweep.trial.ParetoRanking;

/** The trials no other trial beats on both of two objectives, each in its own direction. */
final class ParetoFront {
    private ParetoFront() {}

    /**
     * The non-dominated rows, ordered by the first objective (rows lacking either value are ignored):
     * the leaderboard's {@code pareto_rank = 1} rows when it ranked the sweep (which also honours its
     * constraints and every other objective), else the first front {@link ParetoRanking} finds among
     * the two objectives.
     */
    static List<Map<String, Object>> of(List<Map<String, Object>> rows, ObjectiveAxis a, ObjectiveAxis b) {
        List<Map<String, Object>> front = new ArrayList<>();
        if (rows.stream().anyMatch(r -> r.get(Columns.PARETO_RANK) != null)) {
            for (Map<String, Object> r : rows) if (Double.valueOf(1).equals(SweepReport.number(r, Columns.PARETO_RANK))) front.add(r);
        } else {
            List<Map<String, Object>> valued = new ArrayList<>();
            for (Map<String, Object> r : rows) if (SweepReport.number(r, a.column()) != null && SweepReport.number(r, b.column()) != null) valued.add(r);
            double[][] losses = new double[valued.size()][];
            for (int i = 0; i < losses.length; i++) {
                Map<String, Object> r = valued.get(i);
                losses[i] = new double[] {a.direction().loss(SweepReport.number(r, a.column())), b.direction().loss(SweepReport.number(r, b.column()))};
            }
            int[] ranks = ParetoRanking.ranks(losses);
            for (int i = 0; i < ranks.length; i++) if (ranks[i] == 1) front.add(valued.get(i));
        }
        front.sort(Comparator.comparingDouble(r -> SweepReport.number(r, a.column())));
        return front;
    }
}
