package org.sparksweep.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.sparksweep.report.SweepReport.ObjectiveAxis;
import org.sparksweep.store.Columns;

/** The trials no other trial beats on both of two objectives, each in its own direction. */
final class ParetoFront {
    private ParetoFront() {}

    /**
     * The non-dominated rows, ordered by the first objective (rows lacking either value are ignored):
     * the leaderboard's {@code pareto_rank = 1} rows when it ranked the sweep (which also honours its
     * constraints and every other objective), else found here by comparing the two objectives.
     */
    static List<Map<String, Object>> of(List<Map<String, Object>> rows, ObjectiveAxis a, ObjectiveAxis b) {
        if (rows.stream().anyMatch(r -> r.get(Columns.PARETO_RANK) != null)) {
            List<Map<String, Object>> front = new ArrayList<>(rows.stream()
                    .filter(r -> Double.valueOf(1).equals(SweepReport.number(r, Columns.PARETO_RANK))).toList());
            front.sort(Comparator.comparingDouble(r -> SweepReport.number(r, a.column())));
            return front;
        }
        List<Map<String, Object>> front = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Double ra = SweepReport.number(r, a.column()), rb = SweepReport.number(r, b.column());
            if (ra == null || rb == null) continue;
            boolean dominated = false;
            for (Map<String, Object> o : rows) {
                Double oa = SweepReport.number(o, a.column()), ob = SweepReport.number(o, b.column());
                if (o == r || oa == null || ob == null) continue;
                boolean noWorse = !a.direction().better(ra, oa) && !b.direction().better(rb, ob);
                boolean better = a.direction().better(oa, ra) || b.direction().better(ob, rb);
                if (noWorse && better) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) front.add(r);
        }
        front.sort(Comparator.comparingDouble(r -> SweepReport.number(r, a.column())));
        return front;
    }
}
