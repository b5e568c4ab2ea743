package org.sparksweep.engine;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sparksweep.search.SearchSettings;
import org.sparksweep.search.StartConfigs;
import org.sparksweep.search.Strategies;
import org.sparksweep.search.Strategy;
import org.sparksweep.space.Parameter;
import org.sparksweep.spec.SweepSpec;
import org.sparksweep.store.Columns;
import org.sparksweep.store.SweepStore;

/**
 * Warm start from an earlier sweep: {@code search.warmStart: {sweep: NAME, top: K}} reads the best K
 * completed trials of sweep NAME's leaderboard under the same root, on the driver, and hands their configs
 * to the strategy as start configs after the user's own {@code startWith}. An earlier trial's values for
 * parameters this space lacks are dropped; a config that does not fit this space (a value outside a
 * domain, a parameter missing) is skipped.
 */
final class WarmStart {
    static final String OPTION = "warmStart";
    private static final ObjectMapper JSON = new ObjectMapper();

    private WarmStart() {}

    /** The spec's strategy, with an earlier sweep's best configs among its start configs when it asks for them. */
    static Strategy strategy(SparkSession spark, SweepSpec spec) throws IOException {
        Object option = spec.search().option(OPTION);
        if (!(option instanceof Map<?, ?> ws)) return spec.newStrategy();
        String sweep = String.valueOf(ws.get("sweep"));
        int top = ws.get("top") instanceof Number n ? n.intValue() : 5;
        List<Object> start = new ArrayList<>();
        if (spec.search().option(StartConfigs.OPTION) instanceof List<?> given) start.addAll(given);
        start.addAll(best(spark, SweepStore.at(spec.output()), sweep, top, spec));
        SearchSettings settings = spec.search().withOption(StartConfigs.OPTION, start);
        return Strategies.get(settings.strategy()).create(settings, spec.space(), spec.objective());
    }

    /** The configs of a sweep's best completed trials, best first, restricted to this space's parameters and fitting it. */
    static List<Map<String, Object>> best(SparkSession spark, SweepStore store, String sweep, int top, SweepSpec spec) throws IOException {
        Path ranked = new Path(store.leaderboard(sweep));
        if (!ranked.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(ranked)) {
            throw new IOException("search.warmStart.sweep: no leaderboard of sweep '" + sweep + "' under " + store.root()
                    + " to start from; run that sweep first, or fix the name");
        }
        List<Row> rows = spark.read().parquet(store.leaderboard(sweep)).filter(col(Columns.STATUS).equalTo("COMPLETED"))
                .orderBy(col(Columns.RANK), col(Columns.TRIAL_INDEX)).select(Columns.CONFIG_JSON).limit(top).collectAsList();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> values = JSON.readValue(r.getString(0), new TypeReference<LinkedHashMap<String, Object>>() {});
            Map<String, Object> kept = new LinkedHashMap<>();
            for (Parameter p : spec.space().parameters()) if (values.containsKey(p.name())) kept.put(p.name(), values.get(p.name()));
            List<org.sparksweep.search.StrategyFactory.SearchProblem> problems = new ArrayList<>();
            StartConfigs.read(Map.of(StartConfigs.OPTION, List.of(kept)), spec.space(), problems);
            if (problems.isEmpty()) out.add(kept);
        }
        return out;
    }
}
