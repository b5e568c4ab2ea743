package org.sparksweep.testing;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.sparksweep.spec.SpecReader;
import org.sparksweep.spec.SweepSpec;
import org.sparksweep.store.Leaderboard;
import org.sparksweep.store.LearningCurves;
import org.sparksweep.store.SweepStore;

/** A test's leaderboard root: specs that write under it, and Spark SQL over the sweeps in it. */
public record SweepRoot(Path output) {

    /** The spec in {@code yaml} with its output set to this root. */
    public SweepSpec spec(String yaml) throws Exception {
        return SpecReader.parse(yaml + "\noutput: " + output.toUri() + "\n", "test spec", false);
    }

    /** A query over the views {@code trials} and {@code curves} of every sweep under this root, on the shared session. */
    public List<Row> sql(String query) throws Exception {
        Leaderboard.registerView(SharedSpark.get(), SweepStore.at(output.toUri().toString()));
        LearningCurves.registerView(SharedSpark.get(), SweepStore.at(output.toUri().toString()));
        return SharedSpark.get().sql(query).collectAsList();
    }
}
