package org.sparksweep.cli;

import java.util.concurrent.Callable;
import org.sparksweep.store.Leaderboard;
import org.sparksweep.store.LearningCurves;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "sql", mixinStandardHelpOptions = true, description = "Runs a Spark SQL query with every sweep's trials registered as the view `trials` and their learning curves as `curves`.")
final class SqlCommand implements Callable<Integer> {
    @Mixin
    QueryOptions query;

    @Parameters(paramLabel = "QUERY", description = "e.g. \"SELECT sweep, count(*) FROM trials GROUP BY sweep\"")
    String sql;

    @Override
    public Integer call() throws Exception {
        return query.withSpark(spark -> {
            Leaderboard.registerView(spark, query.store());
            LearningCurves.registerView(spark, query.store());
            return spark.sql(sql);
        });
    }
}
