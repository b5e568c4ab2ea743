package org.sparksweep.store;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.sparksweep.EngineVersion;
import org.sparksweep.space.Parameter;
import org.sparksweep.spec.SweepSpec;
import org.sparksweep.train.Trainers;
import org.sparksweep.trial.TrialResult;

/**
 * The columns of one sweep's trial rows: fixed columns, one typed column per hyperparameter
 * ({@code param_*}, null when a conditional parameter is inactive) and one per metric
 * ({@code metric_*}). The sweep name is the Parquet partition column, not stored in the rows.
 */
public final class LeaderboardSchema implements java.io.Serializable {
    private final SweepSpec spec;
    private final List<String> metrics;
    private final StructType recordType;

    public LeaderboardSchema(SweepSpec spec) {
        this.spec = spec;
        this.metrics = Trainers.get(spec.model().trainer()).metrics();
        List<StructField> f = new ArrayList<>();
        f.add(field(Columns.TRIAL_ID, DataTypes.StringType, false));
        f.add(field(Columns.TRIAL_INDEX, DataTypes.LongType, false));
        f.add(field(Columns.STATUS, DataTypes.StringType, false));
        f.add(field(Columns.OBJECTIVE, DataTypes.DoubleType, true));
        f.add(field(Columns.ERROR, DataTypes.StringType, true));
        for (String m : metrics) f.add(field(Columns.metric(m), DataTypes.DoubleType, true));
        for (Parameter p : spec.space().parameters()) f.add(field(Columns.param(p.name()), sparkType(p), true));
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
        for (String m : metrics) v.add(r.metrics().get(m));
        for (Parameter p : spec.space().parameters()) v.add(r.config().get(p.name()));
        v.add(r.config().canonicalJson());
        v.add(r.seed());
        v.add(Timestamp.from(r.startedAt()));
        v.add(Timestamp.from(r.finishedAt()));
        v.add(r.trainSeconds());
        v.add(r.executorHost());
        v.add(r.executorId());
        v.add(r.executorPid());
        v.add(spec.model().trainer());
        v.add(spec.search().strategy());
        v.add(spec.objective().metric());
        v.add(spec.objective().direction().label());
        v.add(spec.specHash());
        v.add(EngineVersion.VALUE);
        return RowFactory.create(v.toArray());
    }

    /** A trial's result back from its journal record (see {@link TrialJournal}), with its config decoded again from the index. */
    public TrialResult fromRecord(com.fasterxml.jackson.databind.JsonNode n, org.sparksweep.space.TrialConfig config) {
        java.util.Map<String, Double> values = new java.util.HashMap<>();
        for (String m : metrics) {
            com.fasterxml.jackson.databind.JsonNode v = n.get(Columns.metric(m));
            if (v != null) values.put(m, v.isTextual() ? Double.parseDouble(v.asText()) : v.asDouble());
        }
        return new TrialResult(n.get(Columns.TRIAL_ID).asText(), n.get(Columns.TRIAL_INDEX).asLong(), config, n.get(Columns.SEED).asLong(),
                org.sparksweep.trial.TrialStatus.valueOf(n.get(Columns.STATUS).asText()), values,
                n.hasNonNull(Columns.OBJECTIVE) ? n.get(Columns.OBJECTIVE).asDouble() : null,
                n.hasNonNull(Columns.ERROR) ? n.get(Columns.ERROR).asText() : null,
                java.time.Instant.parse(n.get(Columns.STARTED_AT).asText()), java.time.Instant.parse(n.get(Columns.FINISHED_AT).asText()),
                n.get(Columns.TRAIN_SECONDS).asDouble(),
                n.hasNonNull(Columns.EXECUTOR_HOST) ? n.get(Columns.EXECUTOR_HOST).asText() : null,
                n.hasNonNull(Columns.EXECUTOR_ID) ? n.get(Columns.EXECUTOR_ID).asText() : null,
                n.hasNonNull(Columns.EXECUTOR_PID) ? n.get(Columns.EXECUTOR_PID).asLong() : null);
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
