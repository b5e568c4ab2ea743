package org.sparksweep.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparksweep.spec.SpecReader;
import org.sparksweep.spec.SweepSpec;
import org.sparksweep.store.Leaderboard;
import org.sparksweep.store.LeaderboardSchema;
import org.sparksweep.store.SweepStore;
import org.sparksweep.store.TrialJournal;
import org.sparksweep.testing.SharedSpark;
import org.sparksweep.trial.TrialResult;
import org.sparksweep.trial.TrialStatus;

/** Resume, spec-change refusal, stop rules, timeouts and failure budgets on local[2], checked through the leaderboard. */
class DurabilityTest {
    static SparkSession spark;

    @TempDir
    Path output;

    @BeforeAll
    static void spark() {
        spark = SharedSpark.get();
    }

    private SweepSpec spec(String yaml) throws Exception {
        return SpecReader.parse(yaml + "\noutput: " + output.toUri() + "\n", "test spec", false);
    }

    private List<Row> sql(String query) throws Exception {
        Leaderboard.registerView(spark, SweepStore.at(output.toUri().toString()));
        return spark.sql(query).collectAsList();
    }

    private Map<String, Timestamp> startedAt(String sweep) throws Exception {
        Map<String, Timestamp> m = new HashMap<>();
        for (Row r : sql("SELECT trial_id, started_at FROM trials WHERE sweep = '" + sweep + "'")) m.put(r.getString(0), r.getTimestamp(1));
        return m;
    }

    private static final String TWELVE = """
            name: %s
            model: {trainer: test-faulty, seconds: 0.2}
            objective: {metric: score, direction: maximize}
            search: {strategy: grid}
            space:
              x: {choice: [0.1, 0.2, 0.3, 0.4, 0.5, 0.95, 0.6, 0.7, 0.8, 0.85, 0.9, 0.75]}
            """;

    private static final String FORTY = """
            name: stop-resume
            model: {trainer: test-faulty, seconds: 0.2}
            objective: {metric: score, direction: maximize}
            search: {strategy: grid}
            space:
              x: {range: [1, 40]}
            """;

    @Test
    void aTargetObjectiveStopsTheSweepAndTheNextRunResumesWithoutRetrainingWhatFinished() throws Exception {
        SweepSpec stopping = spec(FORTY + "stop: {objective: 6}\n");
        SweepSummary first = new SweepRunner(spark).run(stopping, SweepListener.NONE);
        assertNotNull(first.stopReason(), "the sweep says why it stopped");
        assertTrue(first.stopReason().contains("stop objective 6.0 (score=6.0)"), first.stopReason());
        assertEquals(5, first.best().index(), "grid order: x=6 is the first good-enough trial");
        Map<String, Timestamp> before = startedAt("stop-resume");
        assertTrue(before.size() < 30, "the running trials were cancelled and the rest not started: " + before.size());
        assertTrue(before.size() >= 6, "the trials up to the good-enough one are recorded: " + before.size());

        // the same search without the stop rule: a resume that runs only what is missing
        SweepSummary second = new SweepRunner(spark).run(spec(FORTY), SweepListener.NONE);
        assertEquals(before.size(), second.resumed());
        assertEquals(40 - before.size(), second.trials(), "only the trials without a record ran");
        assertNull(second.stopReason());
        List<Row> counts = sql("SELECT count(*), count(DISTINCT trial_id), count(DISTINCT trial_index) FROM trials WHERE sweep = 'stop-resume'");
        assertEquals(List.of(40L, 40L, 40L), List.of(counts.get(0).getLong(0), counts.get(0).getLong(1), counts.get(0).getLong(2)));
        Map<String, Timestamp> after = startedAt("stop-resume");
        before.forEach((id, t) -> assertEquals(t, after.get(id), "trial " + id + " finished before the stop and was not trained again"));
        assertEquals(40.0, sql("SELECT objective FROM trials WHERE sweep = 'stop-resume' AND rank = 1").get(0).getDouble(0));

        // a third run finds the target already met and runs nothing
        SweepSummary third = new SweepRunner(spark).run(stopping, SweepListener.NONE);
        assertEquals(0, third.trials());
        assertTrue(third.stopReason().contains("already"), third.stopReason());
    }

    @Test
    void aSpecWhoseSearchChangedIsRefusedNamingTheChangeUnlessStartedAfresh() throws Exception {
        String yaml = """
                name: changing
                model: {trainer: test-faulty}
                objective: {metric: score, direction: maximize}
                search: {strategy: grid, seed: 1}
                space:
                  x: {choice: [%s]}
                """;
        new SweepRunner(spark).run(spec(yaml.formatted("1, 2, 3")), SweepListener.NONE);
        // limits and description are not part of the search: still a resume
        SweepSummary resumed = new SweepRunner(spark).run(spec(yaml.formatted("1, 2, 3") + "description: more\nbudget: {wallClock: 1h}\n"),
                SweepListener.NONE);
        assertEquals(3, resumed.resumed());

        SweepSpec changed = spec(yaml.formatted("1, 2, 3, 4").replace("seed: 1", "seed: 2"));
        SweepChangedException e = assertThrows(SweepChangedException.class, () -> new SweepRunner(spark).run(changed, SweepListener.NONE));
        assertTrue(e.getMessage().contains("search.seed (was 1, now 2)"), e.getMessage());
        assertTrue(e.getMessage().contains("space.x.choice"), e.getMessage());
        assertTrue(e.getMessage().contains("--new"), e.getMessage());
        assertEquals(3L, sql("SELECT count(*) FROM trials WHERE sweep = 'changing'").get(0).getLong(0), "the refused run changed nothing");

        SweepSummary fresh = new SweepRunner(spark).run(changed, SweepListener.NONE, true);
        assertEquals(4, fresh.trials());
        assertEquals(0, fresh.resumed());
        assertEquals(4L, sql("SELECT count(*) FROM trials WHERE sweep = 'changing' AND seed = 2").get(0).getLong(0));
        assertEquals(4L, sql("SELECT count(*) FROM trials WHERE sweep = 'changing'").get(0).getLong(0), "--new replaced the old rows");
    }

    @Test
    void aHangingTrialBecomesTimeoutAndTheSweepFinishes() throws Exception {
        SweepSpec spec = spec("""
                name: hanging
                model: {trainer: test-faulty}
                objective: {metric: score, direction: maximize}
                search: {strategy: grid}
                space:
                  mode: {choice: [ok, hang, spin]}
                  seconds: {choice: [5.0]}
                budget: {trialTimeout: 1s}
                """);
        SweepSummary summary = new SweepRunner(spark).run(spec, SweepListener.NONE);
        assertEquals(3, summary.trials());
        List<Row> rows = sql("SELECT param_mode, status, error, objective, rank FROM trials WHERE sweep = 'hanging' ORDER BY param_mode");
        assertEquals("hang", rows.get(0).getString(0));
        assertEquals("TIMEOUT", rows.get(0).getString(1));
        assertTrue(rows.get(0).getString(2).contains("trial timeout of 1 s"), rows.get(0).getString(2));
        assertTrue(rows.get(0).isNullAt(3) && rows.get(0).isNullAt(4), "a timed-out trial has no objective and no rank");
        assertEquals("ok", rows.get(1).getString(0));
        assertEquals("TIMEOUT", rows.get(1).getString(1), "5 s of training is over the 1 s budget");
        assertEquals("spin", rows.get(2).getString(0));
        assertEquals("TIMEOUT", rows.get(2).getString(1));
        assertTrue(rows.get(2).getString(2).contains("ignored the interrupt"), "a trainer that ignores interrupts is named as such: " + rows.get(2).getString(2));
        assertEquals(Map.of(TrialStatus.TIMEOUT, 3L), summary.byStatus());
    }

    @Test
    void tooManyFailedTrialsAbortTheSweepWithASummaryAndKeepWhatFinished() throws Exception {
        SweepSpec spec = spec("""
                name: failing
                model: {trainer: test-faulty}
                objective: {metric: score, direction: maximize}
                search: {strategy: grid}
                space:
                  mode: {choice: [ok, throw]}
                  x: {range: [1, 40]}
                budget: {maxFailedTrials: 3}
                """);
        java.util.Set<String> heard = java.util.concurrent.ConcurrentHashMap.newKeySet();
        SweepFailedException e = assertThrows(SweepFailedException.class,
                () -> new SweepRunner(spark).run(spec, (r, finished, planned) -> heard.add(r.trialId() + " " + r.status())));
        assertTrue(e.getMessage().contains("more than budget.maxFailedTrials = 3"), e.getMessage());
        assertTrue(e.getMessage().contains("deliberate failure for x="), "the summary quotes a failure: " + e.getMessage());
        java.util.Set<String> kept = new java.util.HashSet<>();
        for (Row r : sql("SELECT trial_id, status FROM trials WHERE sweep = 'failing'")) kept.add(r.getString(0) + " " + r.getString(1));
        assertTrue(kept.containsAll(heard), "every trial the driver had heard of is kept: missing " + heard.stream().filter(t -> !kept.contains(t)).toList());
        long failed = kept.stream().filter(t -> t.endsWith(" FAILED")).count();
        long completed = kept.stream().filter(t -> t.endsWith(" COMPLETED")).count();
        // grid order puts the 40 ok trials first; trials still running when the 4th failure arrived are cancelled
        assertTrue(completed >= 30, "the ok trials before the failures are kept: " + completed);
        assertTrue(failed >= 4 && failed < 40, "the sweep stopped soon after the 4th failure: " + failed);
    }

    @Test
    void twoSweepsRunningAtOnceUnderOneRootKeepTheirOwnRows() throws Exception {
        SweepSpec a = spec(TWELVE.formatted("side-a").replace("seconds: 0.2", "seconds: 0.05"));
        SweepSpec b = spec(TWELVE.formatted("side-b").replace("seconds: 0.2", "seconds: 0.05").replace("0.95", "0.96"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var fa = pool.submit(() -> new SweepRunner(spark).run(a, SweepListener.NONE));
            var fb = pool.submit(() -> new SweepRunner(spark).run(b, SweepListener.NONE));
            assertEquals(12, fa.get().trials());
            assertEquals(12, fb.get().trials());
        } finally {
            pool.shutdownNow();
        }
        List<Row> rows = sql("SELECT sweep, count(*), count(DISTINCT trial_id), max(objective) FROM trials GROUP BY sweep ORDER BY sweep");
        assertEquals(2, rows.size());
        assertEquals(List.of("side-a", 12L, 12L, 0.95), List.of(rows.get(0).getString(0), rows.get(0).getLong(1), rows.get(0).getLong(2), rows.get(0).getDouble(3)));
        assertEquals(List.of("side-b", 12L, 12L, 0.96), List.of(rows.get(1).getString(0), rows.get(1).getLong(1), rows.get(1).getLong(2), rows.get(1).getDouble(3)));
    }

    @Test
    void aTrialRecordedTwiceIsOneLeaderboardRowAndJournalLeftoversAreFoldedIn() throws Exception {
        SweepSpec spec = spec(TWELVE.formatted("twice").replace("seconds: 0.2", "seconds: 0.0"));
        new SweepRunner(spark).run(spec, SweepListener.NONE);
        Path journal = Path.of(java.net.URI.create(TrialJournal.of(SweepStore.at(spec.output()), "twice").dir()));
        try (Stream<Path> left = Files.exists(journal) ? Files.list(journal) : Stream.empty()) {
            assertEquals(0, left.count(), "once in Parquet, journal records are deleted");
        }
        // what a speculative copy finishing after its trial's batch leaves behind: a second record of trial 3
        Row original = sql("SELECT trial_id, objective FROM trials WHERE sweep = 'twice' AND trial_index = 3").get(0);
        TrialResult copy = new TrialResult(original.getString(0), 3, spec.space().gridConfig(3), 0, TrialStatus.COMPLETED,
                Map.of("score", original.getDouble(1), "other", 0.0), original.getDouble(1), null,
                Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2030-01-01T00:00:01Z"), 1.0, "elsewhere", "9", List.of(), 4242L);
        LeaderboardSchema schema = TrialPlan.recordSchema(spec);
        TrialJournal.of(SweepStore.at(spec.output()), "twice").write(3, schema.toRow(copy), schema.recordType(),
                spark.sparkContext().hadoopConfiguration());

        SweepSummary again = new SweepRunner(spark).run(spec, SweepListener.NONE);
        assertEquals(0, again.trials());
        List<Row> rows = sql("SELECT count(*), count(DISTINCT trial_id) FROM trials WHERE sweep = 'twice'");
        assertEquals(12L, rows.get(0).getLong(0), "one row per trial although trial 3 has two records");
        assertEquals(12L, rows.get(0).getLong(1));
        Row kept = sql("SELECT executor_host, executor_pid FROM trials WHERE sweep = 'twice' AND trial_index = 3").get(0);
        assertTrue(!"elsewhere".equals(kept.getString(0)), "the earlier record is kept");
        assertEquals(ProcessHandle.current().pid(), kept.getLong(1), "executor_pid is the JVM that trained the trial (local: this one)");
        long records = spark.read().parquet(SweepStore.at(spec.output()).records("twice")).count();
        assertEquals(13, records, "the journal leftover was folded into the records");
    }
}
