package org.sparksweep.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sparksweep.store.Leaderboard;
import org.sparksweep.store.LearningCurves;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Spark SQL over every sweep's trials (the view {@code trials}) and learning curves ({@code curves}). One query per call, or, with
 * {@code --session}, many queries on one Spark start: a notebook or script keeps the process open,
 * writes a query per line and reads a JSON line back for each.
 */
@Command(name = "sql", mixinStandardHelpOptions = true, description = "Runs a Spark SQL query with every sweep's trials registered as the view `trials` and their learning curves as `curves`.")
final class SqlCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    QueryOptions query;

    @Parameters(paramLabel = "QUERY", arity = "0..1", description = "e.g. \"SELECT sweep, count(*) FROM trials GROUP BY sweep\"")
    String sql;

    @Option(names = "--session", description = "read queries from standard input, one per line (plain, or a JSON string for a query with"
            + " line breaks), and answer each with one JSON line: {\"rows\": [...]} or {\"error\": \"...\"}; the view sees sweeps"
            + " written meanwhile. Ends at end of input.")
    boolean session;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws Exception {
        if (session == (sql != null)) {
            command.commandLine().getErr().println(session ? "sql --session reads its queries from standard input: drop the QUERY argument"
                    : "sql needs a QUERY, or --session to read queries from standard input");
            return Main.BAD_INPUT;
        }
        if (session) return query.withSpark(this::answerEach);
        return query.withSpark(spark -> {
            Leaderboard.registerView(spark, query.store());
            LearningCurves.registerView(spark, query.store());
            return spark.sql(sql);
        });
    }

    /** The session loop; returns null: every answer is already written. */
    private Dataset<Row> answerEach(SparkSession spark) throws java.io.IOException {
        PrintWriter out = command.commandLine().getOut();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isBlank()) continue;
            Map<String, Object> answer;
            try {
                String q = line.strip().startsWith("\"") ? JSON.readValue(line, String.class) : line;
                Leaderboard.registerView(spark, query.store()); // again: sweeps may have been written since the last query
                LearningCurves.registerView(spark, query.store());
                Dataset<Row> rows = spark.sql(q);
                answer = Map.of("rows", TableWriter.jsonRows(rows.columns(), rows.collectAsList()));
            } catch (Exception e) { // a bad query is this query's answer; the session goes on
                String message = String.valueOf(e.getMessage());
                answer = Map.of("error", message.contains("\n") ? message.substring(0, message.indexOf('\n')) : message); // not the query plan
            }
            out.println(JSON.writeValueAsString(answer));
            out.flush();
        }
        return null;
    }
}
