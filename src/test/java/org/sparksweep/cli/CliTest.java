package org.sparksweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparksweep.testing.CommandLineRun;
import org.sparksweep.testing.SharedSpark;

/** The commands a user types, end to end on the shared local Spark: run, leaderboard and sql with every format. */
class CliTest {
    @TempDir
    static Path dir;
    static Path root;

    static CommandLineRun cli(String... args) {
        return CommandLineRun.of(args);
    }

    @BeforeAll
    static void sweep() throws Exception {
        SharedSpark.get();
        root = dir.resolve("board");
        Path spec = dir.resolve("rosen.yaml");
        Files.writeString(spec, """
                name: rosen
                model: {trainer: function, function: rosenbrock, dimensions: 2}
                objective: {metric: value, direction: minimize}
                search: {strategy: grid}
                space:
                  x1: {choice: [0.0, 1.0, 2.0]}
                  x2: {choice: [0.0, 1.0]}
                output: %s
                """.formatted(root));
        CommandLineRun r = cli("run", spec.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(6, r.lines().stream().filter(l -> l.matches("\\[\\d/6] trial [0-9a-f]{16} #\\d COMPLETED .*")).count(), r.out());
        assertTrue(r.out().contains("best: trial"), r.out());
        String header = r.lines().stream().filter(l -> l.startsWith("rank")).findFirst().orElseThrow(() -> new AssertionError(r.out()));
        assertEquals(List.of("rank", "trial_id", "status", "objective", "param_x1", "param_x2", "train_seconds"), List.of(header.split("\\s+")),
                "the run's table: one sweep, so no sweep column; no error column when no trial failed");
        assertTrue(r.lines().stream().allMatch(l -> l.length() <= 200), r.out());
    }

    @Test
    void leaderboardAsCsvIsBestFirst() {
        CommandLineRun r = cli("leaderboard", "--output", root.toString(), "--format", "csv");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.lines();
        List<String> header = Arrays.asList(lines.get(0).split(","));
        assertTrue(header.containsAll(List.of("sweep", "rank", "trial_id", "status", "objective", "metric_value", "param_x1", "param_x2",
                "train_seconds", "error")), header.toString());
        assertEquals(7, lines.size(), "header + 6 trials");
        String[] best = lines.get(1).split(",", -1);
        assertEquals("rosen", best[header.indexOf("sweep")]);
        assertEquals("1", best[header.indexOf("rank")]);
        assertEquals("1.0", best[header.indexOf("param_x1")]);
        assertEquals("1.0", best[header.indexOf("param_x2")]);
        assertEquals("0.0", best[header.indexOf("objective")]);
    }

    @Test
    void leaderboardTopLimitsRowsAndTableFormatCountsThem() {
        CommandLineRun r = cli("leaderboard", "--output", root.toString(), "--sweep", "rosen", "--top", "2");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("(2 rows; 1 column empty in every row not shown)"), r.out());
    }

    @Test
    void theTableShowsTheColumnsAPersonReadsFirstAndWideOrColumnsShowTheRest() {
        CommandLineRun brief = cli("leaderboard", "--output", root.toString(), "--top", "3");
        assertEquals(0, brief.exit(), brief.err());
        assertEquals(List.of("sweep", "rank", "trial_id", "status", "objective", "param_x1", "param_x2", "train_seconds"),
                List.of(brief.lines().get(0).split("\\s+")), brief.out());

        CommandLineRun wide = cli("leaderboard", "--output", root.toString(), "--top", "3", "--wide");
        assertEquals(0, wide.exit(), wide.err());
        assertTrue(wide.lines().get(0).contains("metric_value"), wide.out());

        CommandLineRun chosen = cli("leaderboard", "--output", root.toString(), "--top", "1", "--columns", "param_x2,objective");
        assertEquals(0, chosen.exit(), chosen.err());
        assertEquals(List.of("param_x2", "objective"), List.of(chosen.lines().get(0).split("\\s+")), chosen.out());
        assertEquals(List.of("1.0", "0.0"), List.of(chosen.lines().get(2).split("\\s+")), "the best trial: x2 = 1, value 0");

        CommandLineRun unknown = cli("leaderboard", "--output", root.toString(), "--columns", "objective,acuracy");
        assertEquals(Main.BAD_INPUT, unknown.exit());
        assertTrue(unknown.err().contains("no leaderboard column 'acuracy'") && unknown.err().contains("metric_value"), unknown.err());
    }

    @Test
    void sqlRunsOnTheTrialsViewAsJson() throws Exception {
        CommandLineRun r = cli("sql", "--output", root.toString(), "--format", "json",
                "SELECT sweep, count(*) AS n, min(objective) AS best FROM trials GROUP BY sweep");
        assertEquals(0, r.exit(), r.err());
        JsonNode rows = new ObjectMapper().readTree(r.out());
        assertEquals(1, rows.size());
        assertEquals("rosen", rows.get(0).get("sweep").asText());
        assertEquals(6, rows.get(0).get("n").asLong());
        assertEquals(0.0, rows.get(0).get("best").asDouble());
    }

    @Test
    void aSqlSessionAnswersEveryQueryOnOneSparkStartAndSurvivesABadOne() throws Exception {
        java.io.InputStream stdin = System.in;
        String queries = String.join("\n", "SELECT count(*) AS n FROM trials",
                "SELECT no_such_column FROM trials",
                new ObjectMapper().writeValueAsString("SELECT min(objective) AS best\nFROM trials WHERE sweep = 'rosen'"), "");
        CommandLineRun r;
        try {
            System.setIn(new java.io.ByteArrayInputStream(queries.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            r = cli("sql", "--session", "--output", root.toString());
        } finally {
            System.setIn(stdin);
        }
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.lines();
        assertEquals(3, lines.size(), "one JSON line per query: " + lines);
        ObjectMapper json = new ObjectMapper();
        assertEquals(6, json.readTree(lines.get(0)).get("rows").get(0).get("n").asLong());
        assertTrue(json.readTree(lines.get(1)).get("error").asText().contains("no_such_column"), lines.get(1));
        assertEquals(0.0, json.readTree(lines.get(2)).get("rows").get(0).get("best").asDouble(), "a JSON-quoted query with a line break");

        CommandLineRun both = cli("sql", "--session", "--output", root.toString(), "SELECT 1");
        assertEquals(Main.BAD_INPUT, both.exit());
        assertTrue(both.err().contains("drop the QUERY argument"), both.err());
    }

    @Test
    void aBadQueryIsBadInput() {
        CommandLineRun r = cli("sql", "--output", root.toString(), "SELECT no_such_column FROM trials");
        assertEquals(Main.BAD_INPUT, r.exit());
        assertTrue(r.err().contains("query error") && r.err().contains("no_such_column"), r.err());
    }

    @Test
    void noLeaderboardYetSaysWhere() {
        Path empty = dir.resolve("nothing-here");
        CommandLineRun r = cli("leaderboard", "--output", empty.toString());
        assertEquals(Main.ERROR, r.exit());
        assertTrue(r.err().contains("no leaderboard under") && r.err().contains("nothing-here"), r.err());
    }

    @Test
    void failedTrialsGiveExitCodeThreeAndASummary() throws Exception {
        Path spec = dir.resolve("faulty.yaml");
        Files.writeString(spec, """
                name: faulty-cli
                model: {trainer: test-faulty}
                objective: {metric: score, direction: maximize}
                search: {strategy: grid}
                space:
                  mode: {choice: [ok, throw, diverge]}
                output: %s
                """.formatted(dir.resolve("faulty-board")));
        CommandLineRun r = cli("run", spec.toString());
        assertEquals(Main.TRIALS_FAILED, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("2 of 3 trials did not complete"), r.err());
        assertTrue(r.lines().stream().anyMatch(l -> l.contains(" FAILED ") && l.contains("deliberate failure")), r.out());
        assertTrue(r.lines().stream().anyMatch(l -> l.contains(" DIVERGED ") && l.contains("loss exploded")), r.out());
    }
}
