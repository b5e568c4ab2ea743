package org.sparksweep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.sparksweep.spec.SpecException;
import org.sparksweep.spec.SpecReader;
import org.sparksweep.spec.SweepSpec;
import org.sparksweep.store.SweepStore;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What the query commands share: where the leaderboard is, the output format, and running on Spark. */
final class QueryOptions {
    @Option(names = "--output", description = "leaderboard root, a path or Hadoop FileSystem URI (default: ./sweeps, or the --spec's output)")
    String output;

    @Option(names = "--spec", description = "take the leaderboard root from this spec's output")
    java.nio.file.Path spec;

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json (default: ${DEFAULT-VALUE})")
    TableWriter.Format format;

    @picocli.CommandLine.Mixin
    SparkOptions sparkOptions;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    interface Query {
        /** The rows to print in the chosen format, or null when the query wrote its own output. */
        Dataset<Row> on(SparkSession spark) throws IOException;
    }

    SweepStore store() {
        return storeOf(output, spec);
    }

    /** The leaderboard root: --output, else the --spec's output, else ./sweeps. */
    static SweepStore storeOf(String output, java.nio.file.Path spec) {
        if (output != null) return SweepStore.at(output);
        if (spec != null) {
            try {
                SweepSpec s = SpecReader.read(spec);
                return SweepStore.at(s.output());
            } catch (SpecException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        }
        return SweepStore.at(SweepSpec.DEFAULT_OUTPUT);
    }

    int withSpark(Query query) {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        try {
            store();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return Main.BAD_INPUT;
        }
        try (Sessions.Handle session = sparkOptions.open("sparksweep query")) {
            SparkSession spark = session.spark();
            Dataset<Row> result = query.on(spark);
            if (result != null) TableWriter.print(result, format, out);
            out.flush();
            return Main.OK;
        } catch (IOException e) {
            err.println(e.getMessage());
            return Main.ERROR;
        } catch (IllegalArgumentException e) { // a question the leaderboard cannot answer, said in the project's words
            err.println(e.getMessage());
            return Main.BAD_INPUT;
        } catch (Exception e) {
            if (!(e instanceof AnalysisException)) throw e;
            err.println("query error: " + e.getMessage());
            return Main.BAD_INPUT;
        }
    }
}
