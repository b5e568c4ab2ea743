package org.sparksweep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.Utils;
import org.sparksweep.EngineVersion;
import org.sparksweep.engine.SweepRunner;
import org.sparksweep.spec.SweepSpec;
import org.sparksweep.store.SweepProvenance;
import org.sparksweep.store.SweepStore;
import scala.Tuple2;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Records a run's provenance beside its leaderboard when the run ends, finished or not: the spec as
 * written, Spark's version, master and (redacted) settings, and the wall-clock duration. The report
 * shows it; the leaderboard rows alone cannot say where or how long the sweep ran.
 */
record RunRecord(Instant startedAt, long startNanos, String specText) {

    static RunRecord start(Path specFile) {
        String text;
        try {
            text = Files.readString(specFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            text = "(could not read " + specFile + ": " + e.getMessage() + ")";
        }
        return new RunRecord(Instant.now(), System.nanoTime(), text);
    }

    /** Writes the provenance; a failure to write it is reported but does not fail a sweep whose results are stored. */
    void finish(SparkSession spark, SweepSpec spec, String outcome, PrintWriter err) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        var sc = spark.sparkContext();
        long planned = SweepRunner.newStrategy(spec).plannedTrials().orElse(-1);
        SweepProvenance p = new SweepProvenance(spec.name(), spec.source(), specText, spec.specHash(), EngineVersion.VALUE, spark.version(),
                sc.master(), sc.applicationId(), startedAt.toString(), startedAt.plus(Duration.ofNanos((long) (seconds * 1e9))).toString(),
                seconds, planned, outcome, redacted(sc.getConf()));
        try {
            p.write(SweepStore.at(spec.output()), sc.hadoopConfiguration());
        } catch (IOException | RuntimeException e) {
            err.println("sweep " + spec.name() + ": could not record its provenance at " + SweepStore.at(spec.output()).provenance(spec.name())
                    + ": " + e.getMessage() + " (the leaderboard is unaffected; the report will lack the spec and duration)");
        }
    }

    /** Spark's settings with the values Spark itself would hide (spark.redaction.regex: secrets, passwords, tokens, keys) redacted. */
    static Map<String, String> redacted(SparkConf conf) {
        List<Tuple2<String, String>> all = new ArrayList<>(List.of(conf.getAll()));
        Map<String, String> out = new LinkedHashMap<>();
        for (Tuple2<String, String> kv : CollectionConverters.asJava(Utils.redact(conf, CollectionConverters.asScala(all).toSeq()))) {
            out.put(kv._1(), kv._2());
        }
        return out;
    }
}
