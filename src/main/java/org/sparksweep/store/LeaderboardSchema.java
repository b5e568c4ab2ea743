package org.sparksweep.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.sparksweep.EngineVersion;
import org.sparksweep.space.Parameter;
import org.sparksweep.space.TrialConfig;
import org.sparksweep.trial.CurvePoint;
import org.sparksweep.trial.TrialCourse;
import org.sparksweep.trial.FoldScores;
import org.sparksweep.trial.TrialResult;
import org.sparksweep.trial.TrialStatus;

/**
 * The columns of one sweep's trial rows: fixed columns, one typed column per hyperparameter
 * ({@code param_*}, null when a conditional parameter is inactive) and one per metric
 * ({@code metric_*}); successive halving's {@code rung}, {@code budget} and {@code parent_trial_id}, and why a
 * stopping rule ended the trial early ({@code stop_reason}), null for trials they do not apply to; with k-fold cross-validation, per metric also its standard deviation across
 * folds ({@code metric_*_std}) and its per-fold values ({@code metric_*_folds}, an array). The sweep
 * name is the Parquet partition column, not stored in the rows.
 */
public final class LeaderboardSchema implements java.io.Serializable {
    private final List<String> metrics;
    private final List<Parameter> parameters;
    private final boolean crossValidated;
    private final RowProvenance provenance;
    private final StructType recordType;
    private final StructType curveType;

    /**
     * @param metrics        the metrics the sweep's trainer reports, one column each
     * @param parameters     the search space's parameters, one column each
     * @param crossValidated whether trials report per-fold values (then each metric also gets fold columns)
     * @param provenance     what every row records alike about how its trial was made
     */
    public LeaderboardSchema(List<String> metrics, List<Parameter> parameters, boolean crossValidated, RowProvenance provenance) {
        this.metrics = List.copyOf(metrics);
        this.parameters = List.copyOf(parameters);
        this.crossValidated = crossValidated;
        this.provenance = provenance;
        List<StructField> f = new ArrayList<>();
        f.add(field(Columns.TRIAL_ID, DataTypes.StringType, false));
        f.add(field(Columns.TRIAL_INDEX, DataTypes.LongType, false));
        f.add(field(Columns.STATUS, DataTypes.StringType, false));
        f.add(field(Columns.OBJECTIVE, DataTypes.DoubleType, true));
        f.add(field(Columns.ERROR, DataTypes.StringType, true));
        f.add(field(Columns.RUNG, DataTypes.IntegerType, true));
        f.add(field(Columns.BUDGET, DataTypes.LongType, true));
        f.add(field(Columns.PARENT_TRIAL_ID, DataTypes.StringType, true));
        f.add(field(Columns.STOP_REASON, DataTypes.StringType, true));
        for (String m : metrics) f.add(field(Columns.metric(m), DataTypes.DoubleType, true));
        for (String m : folded()) f.add(field(Columns.metricStd(m), DataTypes.DoubleType, true));
        for (String m : folded()) f.add(field(Columns.metricFolds(m), DataTypes.createArrayType(DataTypes.DoubleType, false), true));
        for (Parameter p : parameters) f.add(field(Columns.param(p.name()), sparkType(p), true));
        f.add(field(Columns.CONFIG_JSON, DataTypes.StringType, false));
        f.add(field(Columns.SEED, DataTypes.LongType, false));
        f.add(field(Columns.STARTED_AT, DataTypes.TimestampType, false));
        f.add(field(Columns.FINISHED_AT, DataTypes.TimestampType, false));
        f.add(field(Columns.TRAIN_SECONDS, DataTypes.DoubleType, false));
        f.add(field(Columns.EXECUTOR_HOST, DataTypes.StringType, true));
        f.add(field(Columns.EXECUTOR_ID, DataTypes.StringType, true));
        f.add(field(Columns.EXECUTOR_PID, DataTypes.LongType, true));
        f.add(field(Columns.TRAINER, DataTypes.StringType, false));
        f.add(field(Columns.STRATEGY, DataTypes.StringType, false));
        f.add(field(Columns.OBJECTIVE_METRIC, DataTypes.StringType, false));
        f.add(field(Columns.OBJECTIVE_DIRECTION, DataTypes.StringType, false));
        f.add(field(Columns.SPEC_HASH, DataTypes.StringType, false));
        f.add(field(Columns.ENGINE_VERSION, DataTypes.StringType, false));
        this.recordType = new StructType(f.toArray(new StructField[0]));
        List<StructField> c = new ArrayList<>();
        c.add(field(Columns.TRIAL_ID, DataTypes.StringType, false));
        c.add(field(Columns.TRIAL_INDEX, DataTypes.LongType, false));
        c.add(field(Columns.STEP, DataTypes.LongType, false));
        c.add(field(Columns.RUNG, DataTypes.IntegerType, true));
        for (String m : metrics) c.add(field(Columns.metric(m), DataTypes.DoubleType, true));
        this.curveType = new StructType(c.toArray(new StructField[0]));
    }

    /** The columns of the learning-curves table: one row per trial and step a trainer reported. */
    public StructType curveType() {
        return curveType;
    }

    /** A trial's learning curve as rows of {@link #curveType()}, in step order; none when its trainer reported no steps. */
    public List<Row> curveRows(TrialResult r) {
        List<Row> rows = new ArrayList<>(r.course().curve().size());
        for (CurvePoint p : r.course().curve()) {
            List<Object> v = new ArrayList<>(curveType.size());
            v.add(r.trialId());
            v.add(r.index());
            v.add(p.step());
            v.add(r.course().rung());
            for (String m : metrics) v.add(p.metrics().get(m));
            rows.add(RowFactory.create(v.toArray()));
        }
        return rows;
    }

    /** The columns of a trial record (everything but rank and the sweep partition). */
    public StructType recordType() {
        return recordType;
    }

    public Row toRow(TrialResult r) {
        List<Object> v = new ArrayList<>(recordType.size());
        v.add(r.trialId());
        v.add(r.index());
        v.add(r.status().name());
        v.add(r.objective());
        v.add(r.error());
        v.add(r.course().rung());
        v.add(r.course().budget());
        v.add(r.course().parentTrialId());
        v.add(r.course().stopReason());
        for (String m : metrics) v.add(r.metrics().get(m));
        for (String m : folded()) v.add(FoldScores.std(r.folds(), m));
        for (String m : folded()) v.add(FoldScores.list(r.folds(), m));
        for (Parameter p : parameters) v.add(r.config().get(p.name()));
        v.add(r.config().canonicalJson());
        v.add(r.seed());
        v.add(Timestamp.from(r.startedAt()));
        v.add(Timestamp.from(r.finishedAt()));
        v.add(r.trainSeconds());
        v.add(r.executorHost());
        v.add(r.executorId());
        v.add(r.executorPid());
        v.add(provenance.trainer());
        v.add(provenance.strategy());
        v.add(provenance.objective().metric());
        v.add(provenance.objective().direction().label());
        v.add(provenance.specHash());
        v.add(EngineVersion.VALUE);
        return RowFactory.create(v.toArray());
    }

    /** The metrics that get fold columns: all of them when the sweep cross-validates, else none. */
    private List<String> folded() {
        return crossValidated ? metrics : List.of();
    }

    /** A trial's result back from its journal record (see {@link TrialJournal}), with its config decoded again from the index. */
    public TrialResult fromRecord(JsonNode n, TrialConfig config) {
        Map<String, Double> values = new HashMap<>();
        for (String m : metrics) {
            JsonNode v = n.get(Columns.metric(m));
            if (v != null && !v.isNull()) values.put(m, number(v));
        }
        List<Map<String, Double>> folds = new ArrayList<>();
        for (String m : folded()) {
            JsonNode perFold = n.get(Columns.metricFolds(m));
            if (perFold == null || !perFold.isArray()) continue;
            for (int i = 0; i < perFold.size(); i++) {
                while (folds.size() <= i) folds.add(new HashMap<>());
                folds.get(i).put(m, number(perFold.get(i)));
            }
        }
        return new TrialResult(n.get(Columns.TRIAL_ID).asText(), n.get(Columns.TRIAL_INDEX).asLong(), config, n.get(Columns.SEED).asLong(),
                TrialStatus.valueOf(n.get(Columns.STATUS).asText()), values,
                n.hasNonNull(Columns.OBJECTIVE) ? number(n.get(Columns.OBJECTIVE)) : null,
                n.hasNonNull(Columns.ERROR) ? n.get(Columns.ERROR).asText() : null,
                Instant.parse(n.get(Columns.STARTED_AT).asText()), Instant.parse(n.get(Columns.FINISHED_AT).asText()),
                n.get(Columns.TRAIN_SECONDS).asDouble(),
                n.hasNonNull(Columns.EXECUTOR_HOST) ? n.get(Columns.EXECUTOR_HOST).asText() : null,
                n.hasNonNull(Columns.EXECUTOR_ID) ? n.get(Columns.EXECUTOR_ID).asText() : null,
                folds,
                n.hasNonNull(Columns.EXECUTOR_PID) ? n.get(Columns.EXECUTOR_PID).asLong() : null,
                new TrialCourse(n.hasNonNull(Columns.RUNG) ? n.get(Columns.RUNG).asInt() : null,
                        n.hasNonNull(Columns.BUDGET) ? n.get(Columns.BUDGET).asLong() : null,
                        n.hasNonNull(Columns.PARENT_TRIAL_ID) ? n.get(Columns.PARENT_TRIAL_ID).asText() : null, List.of(),
                        n.hasNonNull(Columns.STOP_REASON) ? n.get(Columns.STOP_REASON).asText() : null));
    }

    /** A double as the journal writes it: a JSON number, or text for NaN and the infinities. */
    private static double number(JsonNode v) {
        return v.isTextual() ? Double.parseDouble(v.asText()) : v.asDouble();
    }

    private static DataType sparkType(Parameter p) {
        return switch (p.domain().type()) {
            case LONG -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
            case BOOLEAN -> DataTypes.BooleanType;
            case STRING -> DataTypes.StringType;
        };
    }

    private static StructField field(String name, DataType type, boolean nullable) {
        return DataTypes.createStructField(name, type, nullable);
    }
}
