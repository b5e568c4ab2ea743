package org.sparksweep.report;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sparksweep.trial.Direction;
import org.sparksweep.store.Columns;
import org.sparksweep.store.Leaderboard;
import org.sparksweep.store.SweepProvenance;
import org.sparksweep.store.SweepStore;

/**
 * Reads one sweep's leaderboard and provenance into a {@link SweepReport}, through the same
 * leaderboard read every query uses. A browser page holds a few ten thousand rows comfortably; a
 * bigger sweep is shown by its best {@link #MAX_ROWS} trials (the report says so).
 */
public final class ReportReader {
    public static final int MAX_ROWS = 20_000;

    private ReportReader() {}

    /**
     * @param sweep the sweep to report, or null to take the only sweep under the root
     * @throws IllegalArgumentException when the sweep is not there, or when null and the root has none or several
     */
    public static SweepReport read(SparkSession spark, SweepStore store, String sweep) throws IOException {
        Dataset<Row> all = Leaderboard.read(spark, store);
        List<String> sweeps = all.select(Columns.SWEEP).distinct().orderBy(Columns.SWEEP).as(Encoders.STRING()).collectAsList();
        if (sweeps.isEmpty()) {
            throw new IllegalArgumentException("no sweep under " + store.leaderboardRoot() + ": run one first (sparksweep run SPEC), or point"
                    + " --output/--spec at the right leaderboard root");
        }
        if (sweep == null) {
            if (sweeps.size() > 1) {
                throw new IllegalArgumentException(store.root() + " holds " + sweeps.size() + " sweeps " + sweeps + ": choose one with --sweep");
            }
            sweep = sweeps.get(0);
        } else if (!sweeps.contains(sweep)) {
            throw new IllegalArgumentException("no sweep '" + sweep + "' under " + store.leaderboardRoot() + "; sweeps there: " + sweeps);
        }
        Dataset<Row> rows = all.filter(col(Columns.SWEEP).equalTo(sweep));
        long total = rows.count();
        if (total > MAX_ROWS) rows = rows.orderBy(col(Columns.RANK).asc_nulls_last(), col(Columns.TRIAL_INDEX)).limit(MAX_ROWS);
        rows = rows.orderBy(col(Columns.TRIAL_INDEX));
        String[] names = rows.columns();
        List<Map<String, Object>> collected = new ArrayList<>();
        for (Row r : rows.collectAsList()) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) m.put(names[i], plain(r.isNullAt(i) ? null : r.get(i)));
            collected.add(m);
        }
        // the union of every sweep's columns: keep only those this sweep has values in
        List<String> columns = new ArrayList<>();
        for (String c : names) {
            boolean optional = c.startsWith(Columns.PARAM_PREFIX) || c.startsWith(Columns.METRIC_PREFIX);
            if (!optional || collected.stream().anyMatch(m -> m.get(c) != null)) columns.add(c);
        }
        for (Map<String, Object> m : collected) m.keySet().retainAll(columns);
        Map<String, Object> first = collected.isEmpty() ? Map.of() : collected.get(0);
        String metric = first.get(Columns.OBJECTIVE_METRIC) == null ? Columns.OBJECTIVE : String.valueOf(first.get(Columns.OBJECTIVE_METRIC));
        Direction direction = "minimize".equalsIgnoreCase(String.valueOf(first.get(Columns.OBJECTIVE_DIRECTION))) ? Direction.MINIMIZE : Direction.MAXIMIZE;
        SweepProvenance provenance = SweepProvenance.read(store, sweep, spark.sparkContext().hadoopConfiguration()).orElse(null);
        List<SweepReport.ObjectiveAxis> axes = objectives(provenance, columns);
        if (axes.isEmpty()) axes = List.of(new SweepReport.ObjectiveAxis(Columns.OBJECTIVE, metric, direction));
        return new SweepReport(sweep, columns, collected, total, axes, SweepReport.paramsOf(columns, collected), provenance);
    }

    /**
     * A sweep with several objectives plots them against each other: they are read from the spec its
     * run recorded ({@code objectives:}), each the leaderboard column of its metric. Empty when the sweep
     * has one objective, or its spec is not recorded or unreadable (the report then shows the objective alone).
     */
    static List<SweepReport.ObjectiveAxis> objectives(SweepProvenance provenance, List<String> columns) {
        if (provenance == null || provenance.specText() == null) return List.of();
        try {
            JsonNode list = new ObjectMapper(new YAMLFactory()).readTree(provenance.specText()).path("objectives");
            if (!list.isArray() || list.size() < 2) return List.of();
            List<SweepReport.ObjectiveAxis> axes = new ArrayList<>();
            for (JsonNode o : list) {
                String m = o.path("metric").asText(null);
                if (m == null || !columns.contains(Columns.metric(m))) return List.of();
                axes.add(new SweepReport.ObjectiveAxis(Columns.metric(m), m,
                        "minimize".equalsIgnoreCase(o.path("direction").asText()) ? Direction.MINIMIZE : Direction.MAXIMIZE));
            }
            return axes;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static Object plain(Object v) {
        if (v == null || v instanceof Number || v instanceof String || v instanceof Boolean) return v;
        if (v instanceof java.sql.Timestamp t) return t.toInstant().toString();
        if (v instanceof java.time.Instant t) return t.toString();
        return String.valueOf(v);
    }
}
