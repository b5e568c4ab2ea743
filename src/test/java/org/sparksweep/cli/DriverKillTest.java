package org.sparksweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparksweep.store.Leaderboard;
import org.sparksweep.store.SweepStore;
import org.sparksweep.testing.ChildSweep;
import org.sparksweep.testing.CommandLineRun;
import org.sparksweep.testing.SharedSpark;

/**
 * A sweep's driver JVM is SIGKILLed in the middle of the sweep; resuming runs only what had not
 * finished, every trial ends up exactly once, and the trials finished before the kill keep their
 * record (same start time, same process) instead of being trained again.
 */
class DriverKillTest {
    static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void spark() {
        spark = SharedSpark.get();
    }

    @Test
    void aSweepWhoseDriverIsKilledResumesWithEveryTrialExactlyOnceAndNothingFinishedTrainedAgain() throws Exception {
        Path spec = dir.resolve("killed.yaml");
        Files.writeString(spec, """
                name: killed
                model: {trainer: test-faulty, seconds: 0.25}
                objective: {metric: score, direction: maximize}
                search: {strategy: grid}
                space:
                  x: {range: [1, 24]}
                output: %s
                """.formatted(dir.resolve("sweeps").toUri()));
        SweepStore store = SweepStore.at(dir.resolve("sweeps").toUri().toString());
        Path journal = Path.of(java.net.URI.create(store.records("killed") + "/_journal"));

        Map<String, JsonNode> before;
        long childPid;
        try (ChildSweep child = ChildSweep.start(dir, "run", spec.toString(), "--master", "local[2]")) {
            childPid = child.pid();
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (ChildSweep.journal(journal).size() < 6) {
                assertTrue(child.alive(), "the child sweep ended before it could be killed:\n" + child.log());
                assertTrue(System.nanoTime() < deadline, "no trial finished in the child within 2 minutes:\n" + child.log());
                Thread.sleep(50);
            }
            child.kill();
            // every record on storage at the moment of the kill (batches are 10 s apart: all of them are in the journal here)
            before = ChildSweep.journal(journal);
        }
        assertTrue(before.size() >= 6 && before.size() < 24, "killed mid-sweep: " + before.size() + " trials recorded");

        // before any leaderboard exists, a query shows every trial recorded so far (unranked)
        Leaderboard.registerView(spark, store);
        Row sofar = spark.sql("SELECT count(*), count(DISTINCT trial_id), count(rank) FROM trials WHERE sweep = 'killed'").collectAsList().get(0);
        assertEquals(List.of((long) before.size(), (long) before.size(), 0L), List.of(sofar.getLong(0), sofar.getLong(1), sofar.getLong(2)));

        CommandLineRun resumed = CommandLineRun.of("resume", spec.toString());
        assertEquals(0, resumed.exit(), resumed.err() + resumed.out());
        assertTrue(resumed.out().contains("resumed: " + before.size() + " trials were already recorded"), resumed.out());

        Leaderboard.registerView(spark, store);
        List<Row> counts = spark.sql("SELECT count(*), count(DISTINCT trial_id), count(DISTINCT trial_index), min(param_x), max(param_x) "
                + "FROM trials WHERE sweep = 'killed'").collectAsList();
        assertEquals(List.of(24L, 24L, 24L, 1L, 24L), List.of(counts.get(0).getLong(0), counts.get(0).getLong(1), counts.get(0).getLong(2),
                counts.get(0).getLong(3), counts.get(0).getLong(4)), "every trial exactly once");
        Map<String, Row> rows = new HashMap<>();
        for (Row r : spark.sql("SELECT trial_id, started_at, executor_pid FROM trials WHERE sweep = 'killed'").collectAsList()) {
            rows.put(r.getString(0), r);
        }
        for (Map.Entry<String, JsonNode> e : before.entrySet()) {
            Row r = rows.get(e.getKey());
            assertEquals(Timestamp.from(Instant.parse(e.getValue().get("started_at").asText())), r.getTimestamp(1),
                    "trial " + e.getKey() + " finished before the kill and was not trained again");
            assertEquals(childPid, r.getLong(2), "trial " + e.getKey() + " ran in the killed driver's JVM");
        }
        long ranInChild = rows.values().stream().filter(r -> r.getLong(2) == childPid).count();
        assertEquals(before.size(), ranInChild, "the trials that had not finished ran after the resume, in this JVM");
    }
}
