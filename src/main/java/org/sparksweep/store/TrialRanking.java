package org.sparksweep.store;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.sparksweep.trial.Constraint;
import org.sparksweep.trial.Goals;
import org.sparksweep.trial.ParetoRanking;

/**
 * The ranks of a table of trials ({@code rank}, {@code feasible}, {@code pareto_rank},
 * {@code crowding_distance}), worked out on the driver from the few columns they need and added back
 * to the rows by a lookup on the trial id, without a shuffle or a single-partition window: the rows
 * are read once for those columns (compact arrays per partition, a few dozen bytes per trial) and
 * once more when the ranked table is written. A sort of a million trials on the driver takes a
 * second; a window over one partition of a million wide rows takes minutes.
 */
final class TrialRanking implements Serializable {
    private static final byte COMPLETED = 1, SKIPPED = 2;
    private static final StructType RANKS = new StructType()
            .add(Columns.RANK, DataTypes.IntegerType, true)
            .add(Columns.PARETO_RANK, DataTypes.IntegerType, true)
            .add(Columns.CROWDING_DISTANCE, DataTypes.DoubleType, true)
            .add(Columns.FEASIBLE, DataTypes.BooleanType, true);

    /** Trial ids that have any of the columns, sorted for a binary search; the arrays run alongside. */
    private final String[] ids;
    private final int[] rank;          // 0: null
    private final int[] paretoRank;    // 0: null (then crowding is null too)
    private final double[] crowding;
    private final byte[] feasible;     // 0: null, 1: false, 2: true
    private final boolean duplicated;

    private TrialRanking(String[] ids, int[] rank, int[] paretoRank, double[] crowding, byte[] feasible, boolean duplicated) {
        this.ids = ids;
        this.rank = rank;
        this.paretoRank = paretoRank;
        this.crowding = crowding;
        this.feasible = feasible;
        this.duplicated = duplicated;
    }

    /**
     * Ranks the rows. {@code rankBy} is the column {@code rank} follows (smaller first, or larger first
     * with {@code descending}; COMPLETED trials only, ties share a rank, a trial without a value ranks after
     * every trial with one), or null for no {@code rank}. The Pareto columns come from {@code objectiveColumns}
     * (in the goals' order) and the goals' constraints, as {@link ParetoColumns} documents.
     */
    static TrialRanking of(Dataset<Row> rows, Goals goals, List<String> objectiveColumns, Column rankBy, boolean descending) {
        List<Constraint> constraints = goals.constraints();
        List<Column> values = new ArrayList<>();
        values.add(rankBy == null ? lit(null).cast(DataTypes.DoubleType) : rankBy.cast(DataTypes.DoubleType));
        for (String c : objectiveColumns) values.add(col(c).cast(DataTypes.DoubleType));
        for (Constraint c : constraints) values.add(col(ParetoColumns.column(c.quantity())).cast(DataTypes.DoubleType));
        List<Column> selected = new ArrayList<>(List.of(col(Columns.TRIAL_ID), col(Columns.STATUS)));
        selected.addAll(values);
        int width = values.size();
        List<Part> parts = rows.select(selected.toArray(new Column[0])).javaRDD()
                .mapPartitions((FlatMapFunction<Iterator<Row>, Part>) it -> List.of(Part.of(it, width)).iterator())
                .collect();

        int n = 0;
        for (Part p : parts) n += p.ids.length;
        String[] allIds = new String[n];
        byte[] status = new byte[n];
        double[][] v = new double[n][];
        int at = 0;
        for (Part p : parts) {
            for (int i = 0; i < p.ids.length; i++, at++) {
                allIds[at] = p.ids[i];
                status[at] = p.status[i];
                v[at] = Arrays.copyOfRange(p.values, i * width, (i + 1) * width);
            }
        }
        // rows in trial id order: the ranking does not depend on how the rows were partitioned
        Integer[] byId = new Integer[n];
        for (int i = 0; i < n; i++) byId[i] = i;
        Arrays.sort(byId, (a, b) -> allIds[a].compareTo(allIds[b]));
        boolean duplicated = false;
        for (int i = 1; i < n && !duplicated; i++) duplicated = allIds[byId[i]].equals(allIds[byId[i - 1]]);

        // only COMPLETED and SKIPPED_CONSTRAINT trials have any of the columns
        int kept = 0;
        for (int i : byId) if (status[i] != 0) kept++;
        String[] ids = new String[kept];
        int[] rows_ = new int[kept];
        int k = 0;
        for (int i : byId) if (status[i] != 0) { ids[k] = allIds[i]; rows_[k++] = i; }

        int m = objectiveColumns.size();
        int[] rank = new int[kept];
        int[] paretoRank = new int[kept];
        double[] crowding = new double[kept];
        byte[] feasible = new byte[kept];
        List<Integer> feasibleAt = new ArrayList<>();
        List<double[]> losses = new ArrayList<>();
        for (int j = 0; j < kept; j++) {
            double[] r = v[rows_[j]];
            if (status[rows_[j]] == SKIPPED) {
                feasible[j] = 1;
                continue;
            }
            double[] objectives = Arrays.copyOfRange(r, 1, 1 + m);
            boolean keeps = true;
            for (double o : objectives) keeps &= Double.isFinite(o);
            for (int c = 0; c < constraints.size() && keeps; c++) {
                double q = r[1 + m + c];
                keeps = constraints.get(c).holds(Double.isNaN(q) ? null : q);
            }
            feasible[j] = keeps ? (byte) 2 : (byte) 1;
            if (keeps) {
                feasibleAt.add(j);
                losses.add(goals.losses(objectives));
            }
        }
        double[][] points = losses.toArray(new double[0][]);
        int[] fronts = ParetoRanking.ranks(points);
        double[] distance = ParetoRanking.crowding(points, fronts);
        for (int f = 0; f < points.length; f++) {
            paretoRank[feasibleAt.get(f)] = fronts[f];
            crowding[feasibleAt.get(f)] = distance[f];
        }
        if (rankBy != null) rankCompleted(v, status, rows_, descending, rank);
        return new TrialRanking(ids, rank, paretoRank, crowding, feasible, duplicated);
    }

    /** 1 = best among the COMPLETED trials; ties share a rank (SQL's rank()); trials without a value last. */
    private static void rankCompleted(double[][] v, byte[] status, int[] rows, boolean descending, int[] rank) {
        List<Integer> completed = new ArrayList<>();
        for (int j = 0; j < rows.length; j++) if (status[rows[j]] == COMPLETED) completed.add(j);
        double[] key = new double[rows.length];
        for (int j : completed) {
            double x = v[rows[j]][0];
            key[j] = Double.isNaN(x) ? Double.NaN : descending ? -x : x;
        }
        Integer[] order = completed.toArray(new Integer[0]);
        // NaN (no value) after every number; -0.0 and 0.0 tie, as in SQL
        Arrays.sort(order, (a, b) -> {
            boolean na = Double.isNaN(key[a]), nb = Double.isNaN(key[b]);
            if (na || nb) return Boolean.compare(na, nb);
            return key[a] == key[b] ? 0 : key[a] < key[b] ? -1 : 1;
        });
        for (int p = 0; p < order.length; p++) {
            int j = order[p];
            boolean tie = p > 0 && sameKey(key[order[p - 1]], key[j]);
            rank[j] = tie ? rank[order[p - 1]] : p + 1;
        }
    }

    private static boolean sameKey(double a, double b) {
        return (Double.isNaN(a) && Double.isNaN(b)) || a == b;
    }

    /** True when some trial id has more than one row (the rows need deduplicating first). */
    boolean duplicated() {
        return duplicated;
    }

    /**
     * The rows with the columns added (replacing them if present): {@code rank} only when asked to, right
     * where the columns come in {@code ranks} order at the end. Returns the rows and the broadcast lookup,
     * to release once the rows are written.
     */
    Ranked addTo(Dataset<Row> rows, boolean withRank) {
        for (String c : List.of(Columns.RANK, Columns.PARETO_RANK, Columns.CROWDING_DISTANCE, Columns.FEASIBLE)) {
            if ((withRank || !c.equals(Columns.RANK)) && List.of(rows.columns()).contains(c)) rows = rows.drop(c);
        }
        Broadcast<TrialRanking> shared = JavaSparkContext.fromSparkContext(rows.sparkSession().sparkContext()).broadcast(this);
        UserDefinedFunction lookup = functions.udf((UDF1<String, Row>) id -> shared.value().ranksOf(id), RANKS);
        String tmp = "_trial_ranks";
        Dataset<Row> out = rows.withColumn(tmp, lookup.apply(col(Columns.TRIAL_ID)));
        if (withRank) out = out.withColumn(Columns.RANK, col(tmp + "." + Columns.RANK));
        out = out.withColumn(Columns.PARETO_RANK, col(tmp + "." + Columns.PARETO_RANK))
                .withColumn(Columns.CROWDING_DISTANCE, col(tmp + "." + Columns.CROWDING_DISTANCE))
                .withColumn(Columns.FEASIBLE, col(tmp + "." + Columns.FEASIBLE))
                .drop(tmp);
        return new Ranked(out, shared);
    }

    /** Ranked rows and the lookup they read while they are computed. */
    record Ranked(Dataset<Row> rows, Broadcast<TrialRanking> lookup) {
        /** Frees the lookup on the executors and the driver; the rows can not be computed again afterwards. */
        void release() {
            lookup.destroy();
        }
    }

    private Row ranksOf(String id) {
        int p = id == null ? -1 : Arrays.binarySearch(ids, id);
        if (p < 0) return null;
        return RowFactory.create(rank[p] == 0 ? null : rank[p], paretoRank[p] == 0 ? null : paretoRank[p],
                paretoRank[p] == 0 ? null : crowding[p], feasible[p] == 0 ? null : feasible[p] == 2);
    }

    /** One partition's ids, statuses and values (NaN for null), packed: what travels to the driver. */
    private static final class Part implements Serializable {
        final String[] ids;
        final byte[] status;
        final double[] values;

        private Part(String[] ids, byte[] status, double[] values) {
            this.ids = ids;
            this.status = status;
            this.values = values;
        }

        static Part of(Iterator<Row> rows, int width) {
            List<String> ids = new ArrayList<>();
            ByteList status = new ByteList();
            DoubleList values = new DoubleList();
            while (rows.hasNext()) {
                Row r = rows.next();
                ids.add(r.getString(0));
                String s = r.getString(1);
                status.add("COMPLETED".equals(s) ? COMPLETED : "SKIPPED_CONSTRAINT".equals(s) ? SKIPPED : (byte) 0);
                for (int i = 0; i < width; i++) values.add(r.isNullAt(2 + i) ? Double.NaN : r.getDouble(2 + i));
            }
            return new Part(ids.toArray(new String[0]), status.toArray(), values.toArray());
        }
    }

    private static final class ByteList {
        byte[] a = new byte[64];
        int n;

        void add(byte b) {
            if (n == a.length) a = Arrays.copyOf(a, n * 2);
            a[n++] = b;
        }

        byte[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }

    private static final class DoubleList {
        double[] a = new double[64];
        int n;

        void add(double d) {
            if (n == a.length) a = Arrays.copyOf(a, n * 2);
            a[n++] = d;
        }

        double[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
