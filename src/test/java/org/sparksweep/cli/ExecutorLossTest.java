package org.sparksweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparksweep.store.Leaderboard;
import org.sparksweep.store.SweepStore;
import org.sparksweep.testing.ChildSweep;
import org.sparksweep.testing.SharedSpark;

/**
 * Real executor JVMs ({@code local-cluster[2,1,1024]}, run by a sweep in a JVM of its own so that
 * it can have its own SparkContext and SPARK_HOME): one executor JVM is SIGKILLed mid-sweep, with
 * speculation on and a deliberate straggler; the sweep still completes with each trial exactly once.
 */
class ExecutorLossTest {
    static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void spark() {
        spark = SharedSpark.get();
    }

    @Test
    void aKilledExecutorJvmCostsOnlyItsRunningTrialsAndTheTrialSetStaysExact() throws Exception {
        Path sparkHome = dir.resolve("spark-home");
        Files.createDirectories(sparkHome.resolve("jars")); // local-cluster executors get their classpath from extraClassPath
        Path spec = dir.resolve("lost.yaml");
        Files.writeString(spec, """
                name: lost-executor
                model: {trainer: test-faulty, seconds: 0.3}
                objective: {metric: score, direction: maximize}
                search: {strategy: grid}
                space:
                  x: {range: [1, 8]}
                  mode: {choice: [ok, slowfirst]}
                output: %s
                """.formatted(dir.resolve("sweeps").toUri()));
        SweepStore store = SweepStore.at(dir.resolve("sweeps").toUri().toString());
        Path journal = Path.of(java.net.URI.create(store.records("lost-executor") + "/_journal"));
        Map<String, String> conf = Map.of(
                "spark.executor.extraClassPath", System.getProperty("java.class.path"),
                "spark.executor.extraJavaOptions", "-XX:+IgnoreUnrecognizedVMOptions -Xss4m",
                "spark.executorEnv.OMP_NUM_THREADS", "1",
                "spark.speculation", "true",
                "spark.speculation.interval", "100ms",
                "spark.speculation.quantile", "0.25",
                "spark.speculation.minTaskRuntime", "500ms");
        Map<String, String> env = Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_SCALA_VERSION", "2.13");

        long killed;
        int exit;
        try (ChildSweep child = ChildSweep.start(dir, conf, env, "run", spec.toString(), "--master", "local-cluster[2,1,1024]")) {
            long deadline = System.nanoTime() + 150_000_000_000L;
            JsonNode first = null;
            while (first == null) {
                assertTrue(child.alive(), "the sweep ended before an executor could be killed:\n" + child.log());
                assertTrue(System.nanoTime() < deadline, "no trial finished within 150 s:\n" + child.log());
                first = ChildSweep.journal(journal).values().stream().findFirst().orElse(null);
                Thread.sleep(50);
            }
            killed = first.get("executor_pid").asLong();
            assertTrue(killed != child.pid(), "trials run in executor JVMs, not in the driver");
            ProcessHandle executor = ProcessHandle.of(killed).orElseThrow();
            executor.destroyForcibly();
            executor.onExit().get();
            exit = child.waitFor(240);
            assertEquals(0, exit, "the sweep completes after losing an executor:\n" + child.log());
        }

        Leaderboard.registerView(spark, store);
        Row r = spark.sql("SELECT count(*), count(DISTINCT trial_id), count(DISTINCT trial_index), "
                + "count_if(status = 'COMPLETED') FROM trials WHERE sweep = 'lost-executor'").collectAsList().get(0);
        assertEquals(List.of(16L, 16L, 16L, 16L), List.of(r.getLong(0), r.getLong(1), r.getLong(2), r.getLong(3)),
                "every trial exactly once, none lost with the executor");
        Set<Long> pids = new TreeSet<>();
        for (Row p : spark.sql("SELECT DISTINCT executor_pid FROM trials WHERE sweep = 'lost-executor'").collectAsList()) pids.add(p.getLong(0));
        assertTrue(pids.contains(killed), "trials the killed executor finished keep its record (a retried task returns the recorded result): " + pids);
        assertTrue(pids.size() >= 2, "the other trials ran in the surviving executor (or the one started to replace the killed one): " + pids);
        assertFalse(ProcessHandle.of(killed).map(ProcessHandle::isAlive).orElse(false));
    }
}
