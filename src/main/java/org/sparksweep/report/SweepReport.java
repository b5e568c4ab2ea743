package org.sparksweep.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sparksweep.trial.Direction;
import org.sparksweep.store.Columns;
import org.sparksweep.store.SweepProvenance;

/**
 * One sweep's leaderboard as the report shows it, independent of Spark: the rows in trial order,
 * which columns are objectives and which are hyperparameters, and the run's provenance.
 *
 * <p>{@code objectives} is a list so that a sweep with several objectives plots its Pareto front;
 * today's leaderboard has one objective column, so the list has one entry.
 *
 * @param rows        leaderboard rows in trial order, column name to a Long, Double, Integer, Boolean or String value (null when empty)
 * @param totalTrials trials in the leaderboard; more than {@code rows.size()} when the report shows only the best
 * @param provenance  the run's provenance, or null when the sweep was run before it was recorded
 */
public record SweepReport(String sweep, List<String> columns, List<Map<String, Object>> rows, long totalTrials,
                          List<ObjectiveAxis> objectives, List<ParamAxis> params, SweepProvenance provenance) {

    public SweepReport {
        columns = List.copyOf(columns);
        List<Map<String, Object>> copy = new ArrayList<>(rows.size());
        for (Map<String, Object> r : rows) copy.add(Collections.unmodifiableMap(new LinkedHashMap<>(r)));
        rows = Collections.unmodifiableList(copy);
        objectives = List.copyOf(objectives);
        params = List.copyOf(params);
    }

    /** A column to optimise: its leaderboard column, how to label it, and which way is better. */
    public record ObjectiveAxis(String column, String label, Direction direction) {}

    /** A hyperparameter column; numeric ones are plotted on a scale, the others per value. */
    public record ParamAxis(String column, String name, boolean numeric) {}

    public List<Map<String, Object>> completed() {
        return rows.stream().filter(r -> "COMPLETED".equals(r.get(Columns.STATUS))).toList();
    }

    public ObjectiveAxis objective() {
        return objectives.get(0);
    }

    /** Numeric value of a cell, or null when empty or not a number. */
    static Double number(Map<String, Object> row, String column) {
        Object v = row.get(column);
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? d : null;
        }
        return null;
    }

    /** Hyperparameter columns in the order the rows have them, typed by their values: any non-number makes a column categorical. */
    static List<ParamAxis> paramsOf(List<String> columns, List<Map<String, Object>> rows) {
        List<ParamAxis> out = new ArrayList<>();
        for (String c : columns) {
            if (!c.startsWith(Columns.PARAM_PREFIX)) continue;
            boolean any = false, numeric = true;
            for (Map<String, Object> r : rows) {
                Object v = r.get(c);
                if (v == null) continue;
                any = true;
                if (!(v instanceof Number)) numeric = false;
            }
            if (any) out.add(new ParamAxis(c, c.substring(Columns.PARAM_PREFIX.length()), numeric));
        }
        return out;
    }
}
