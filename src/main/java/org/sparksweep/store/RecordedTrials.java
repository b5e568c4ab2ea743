package org.sparksweep.store;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sparksweep.space.Parameter;
import org.sparksweep.space.SearchSpace;
import org.sparksweep.space.TrialConfig;
import org.sparksweep.trial.Direction;
import org.sparksweep.trial.TrialCourse;
import org.sparksweep.trial.TrialResult;
import org.sparksweep.trial.TrialStatus;

/**
 * The trials a sweep already has durable records of: the indices a resumed run skips (sorted, so
 * the driver holds 8 bytes per finished trial and never the search space) and the best objective
 * recorded so far.
 *
 * @param best the best COMPLETED objective, or null when none completed
 */
public record RecordedTrials(long[] indices, Double best) {
    public static final RecordedTrials NONE = new RecordedTrials(new long[0], null);

    /** Reads the sweep's record files (fold the journal in first, see {@link TrialRecords#compactJournal}). */
    public static RecordedTrials read(SparkSession spark, String recordsPath, Direction direction) throws IOException {
        if (!hasRecordFiles(spark, recordsPath)) return NONE;
        List<Row> rows = spark.read().parquet(recordsPath).select(col(Columns.TRIAL_INDEX), col(Columns.STATUS), col(Columns.OBJECTIVE))
                .collectAsList();
        long[] indices = new long[rows.size()];
        Double best = null;
        int n = 0;
        for (Row r : rows) {
            indices[n++] = r.getLong(0);
            if ("COMPLETED".equals(r.getString(1)) && !r.isNullAt(2)) {
                double v = r.getDouble(2);
                if (best == null || direction.better(v, best)) best = v;
            }
        }
        Arrays.sort(indices);
        // a trial recorded twice (a journal record folded in after its batch) counts once
        int distinct = 0;
        for (int i = 0; i < indices.length; i++) if (i == 0 || indices[i] != indices[i - 1]) indices[distinct++] = indices[i];
        return new RecordedTrials(Arrays.copyOf(indices, distinct), best);
    }

    /**
     * The recorded trials as results (config from the {@code param_*} columns, status, objective, metrics,
     * rung, budget and parent), in
     * index order: what an adaptive strategy learns from when a sweep is resumed. Reads every record,
     * so it is for adaptive sweeps, whose trial counts are modest; index-based strategies only need
     * {@link #read}.
     */
    public static List<TrialResult> results(SparkSession spark, String recordsPath, SearchSpace space, List<String> metricNames)
            throws IOException {
        if (!hasRecordFiles(spark, recordsPath)) return List.of();
        List<Column> columns = new ArrayList<>(List.of(col(Columns.TRIAL_ID), col(Columns.TRIAL_INDEX), col(Columns.SEED),
                col(Columns.STATUS), col(Columns.OBJECTIVE), col(Columns.ERROR), col(Columns.STARTED_AT), col(Columns.FINISHED_AT),
                col(Columns.TRAIN_SECONDS)));
        for (Parameter p : space.parameters()) columns.add(col(Columns.param(p.name())));
        Dataset<Row> records = spark.read().parquet(recordsPath);
        Set<String> present = Set.of(records.columns());
        List<String> metrics = new ArrayList<>(); // what multi-objective strategies and constraints look at
        for (String m : metricNames) {
            if (present.contains(Columns.metric(m))) {
                metrics.add(m);
                columns.add(col(Columns.metric(m)));
            }
        }
        int firstMetric = 9 + space.parameters().size();
        // successive halving's course: which rung a trial reached and which trial it continued
        List<String> course = List.of(Columns.RUNG, Columns.BUDGET, Columns.PARENT_TRIAL_ID, Columns.STOP_REASON);
        boolean withCourse = present.containsAll(course);
        if (withCourse) for (String c : course) columns.add(col(c));
        int firstCourse = firstMetric + metrics.size();
        List<Row> rows = records.select(columns.toArray(new Column[0]))
                .dropDuplicates(Columns.TRIAL_INDEX).orderBy(Columns.TRIAL_INDEX).collectAsList();
        List<TrialResult> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < space.parameters().size(); i++) {
                if (!r.isNullAt(9 + i)) values.put(space.parameters().get(i).name(), r.get(9 + i));
            }
            Map<String, Double> metricValues = new LinkedHashMap<>();
            for (int i = 0; i < metrics.size(); i++) {
                if (!r.isNullAt(firstMetric + i)) metricValues.put(metrics.get(i), r.getDouble(firstMetric + i));
            }
            TrialCourse trialCourse = !withCourse ? TrialCourse.NONE : new TrialCourse(
                    r.isNullAt(firstCourse) ? null : ((Number) r.get(firstCourse)).intValue(),
                    r.isNullAt(firstCourse + 1) ? null : ((Number) r.get(firstCourse + 1)).longValue(),
                    r.isNullAt(firstCourse + 2) ? null : r.getString(firstCourse + 2), List.of(),
                    r.isNullAt(firstCourse + 3) ? null : r.getString(firstCourse + 3));
            out.add(new TrialResult(r.getString(0), r.getLong(1), new TrialConfig(values), r.getLong(2), TrialStatus.valueOf(r.getString(3)),
                    metricValues, r.isNullAt(4) ? null : r.getDouble(4), r.isNullAt(5) ? null : r.getString(5),
                    r.getTimestamp(6).toInstant(), r.getTimestamp(7).toInstant(), r.getDouble(8), null, null, List.of(), null, trialCourse));
        }
        return out;
    }

    private static boolean hasRecordFiles(SparkSession spark, String recordsPath) throws IOException {
        Path dir = new Path(recordsPath);
        FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
        return fs.exists(dir) && fs.listStatus(dir, p -> p.getName().endsWith(".parquet") && !p.getName().startsWith("_")).length > 0;
    }

    public int count() {
        return indices.length;
    }

    public boolean contains(long index) {
        return Arrays.binarySearch(indices, index) >= 0;
    }

    /** How many recorded indices lie in [from, to). */
    public long countIn(long from, long to) {
        return lowerBound(to) - lowerBound(from);
    }

    private int lowerBound(long value) {
        int i = Arrays.binarySearch(indices, value);
        if (i < 0) return -i - 1;
        while (i > 0 && indices[i - 1] == value) i--;
        return i;
    }
}
