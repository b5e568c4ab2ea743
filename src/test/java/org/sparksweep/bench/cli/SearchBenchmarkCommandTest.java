package org.sparksweep.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.sparksweep.cli.Main;
import org.sparksweep.testing.CommandLineRun;

/** search-benchmark end to end on small runs: the table's columns, rows and figures; pairing with Optuna's per-seed results. */
class SearchBenchmarkCommandTest {

    /** The table lines of one function: the header after its title, up to the next blank-line-title or the end. */
    static List<String[]> rows(CommandLineRun r, String function) {
        List<String> lines = r.lines();
        int title = -1;
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith(function + " (optimum")) title = i;
        assertTrue(title >= 0, "no table for " + function + ":\n" + r.out());
        assertEquals(SearchBenchmarkCommand.COLUMNS, Arrays.asList(lines.get(title + 1).trim().split("\\s+")), "header of " + function);
        List<String[]> rows = new ArrayList<>();
        for (int i = title + 2; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                if (i + 1 < lines.size() && lines.get(i + 1).contains("(optimum")) break;
                continue;
            }
            rows.add(line.trim().split("\\s+"));
        }
        return rows;
    }

    @Test
    void perSeedPrintsEachSeedsRegretWhoseMedianIsTheTables() {
        CommandLineRun r = CommandLineRun.bench("search-benchmark", "--strategies", "random", "--reference", "none", "--functions", "branin",
                "--budgets", "5,12", "--seeds", "5", "--per-seed");
        assertEquals(0, r.exit(), r.err());
        List<double[]> seeds = new ArrayList<>();
        for (String line : r.err().split("\n")) {
            if (!line.startsWith("search-benchmark: branin random seed ")) continue;
            String[] f = line.trim().split("\\s+");
            assertEquals("seed " + seeds.size(), f[3] + " " + f[4], line);
            seeds.add(new double[] {Double.parseDouble(f[f.length - 2].substring(2)), Double.parseDouble(f[f.length - 1].substring(3))});
        }
        assertEquals(5, seeds.size(), r.err());
        double[] at12 = seeds.stream().mapToDouble(v -> v[1]).sorted().toArray();
        String[] row12 = rows(r, "branin").get(1);
        assertEquals("12", row12[1]);
        assertEquals(at12[2], Double.parseDouble(row12[2]), 1e-3 * at12[2] + 1e-12, "the table's median is the middle seed's regret");
        for (double[] v : seeds) assertTrue(v[1] <= v[0], "12 trials never leave a worse best than 5: " + Arrays.toString(v));
    }

    @Test
    void printsOneRowPerStrategyAndBudgetWithEveryColumn() {
        CommandLineRun r = CommandLineRun.bench("search-benchmark", "--strategies", "random,sobol", "--reference", "random", "--functions",
                "branin,mixed6", "--budgets", "5,12", "--seeds", "6");
        assertEquals(0, r.exit(), r.err());
        for (String f : List.of("branin", "mixed6")) {
            List<String[]> rows = rows(r, f);
            assertEquals(4, rows.size(), "2 strategies x 2 budgets");
            for (String[] row : rows) {
                assertEquals(SearchBenchmarkCommand.COLUMNS.size(), row.length, String.join(" ", row));
                double median = Double.parseDouble(row[2]), low = Double.parseDouble(row[3]), high = Double.parseDouble(row[4]);
                assertTrue(median >= 0 && low <= median && median <= high, "interval around the median: " + String.join(" ", row));
                assertEquals("-", row[6], "no baseline without --optuna");
                if (row[0].equals("random")) assertEquals("-", row[8]);
                else assertTrue(Double.parseDouble(row[8]) >= 0 && Double.parseDouble(row[8]) <= 1 && Double.parseDouble(row[9]) <= 1);
                assertTrue(Double.parseDouble(row[10]) >= 0, "ms per trial");
            }
            // more trials never leave a worse best on the same seeds
            assertTrue(Double.parseDouble(rows.get(2)[2]) <= Double.parseDouble(rows.get(0)[2]));
        }
    }

    @Test
    void referenceIsAddedAndParallelRunsWork() {
        CommandLineRun r = CommandLineRun.bench("search-benchmark", "--strategies", "random", "--reference", "tpe", "--functions", "hartmann6",
                "--budgets", "8", "--seeds", "3", "--parallelism", "3");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("3 trial(s) at a time"), r.out());
        List<String[]> rows = rows(r, "hartmann6");
        assertEquals(List.of("random", "tpe"), rows.stream().map(row -> row[0]).toList());
    }

    @Test
    void badInputIsRefused() {
        assertEquals(Main.BAD_INPUT, CommandLineRun.bench("search-benchmark", "--functions", "nope").exit());
        assertEquals(Main.BAD_INPUT, CommandLineRun.bench("search-benchmark", "--optuna-samplers", "cmaes").exit());
        assertEquals(Main.BAD_INPUT, CommandLineRun.bench("search-benchmark", "--seeds", "0").exit());
    }

    @Test
    void pairsWithSavedOptunaResults(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path tsv = dir.resolve("optuna.tsv");
        StringBuilder text = new StringBuilder("# optuna 3.1.0\n# parallelism 1\nfunction\tsampler\tseed\tbudget\tbest\tms_per_trial\n");
        // Optuna at 1e9 on every seed: every run of ours beats it
        for (int seed = 0; seed < 4; seed++) text.append("branin\toptuna-tpe\t").append(seed).append("\t5\t1e9\t2.5\n");
        Files.writeString(tsv, text);
        CommandLineRun r = CommandLineRun.bench("search-benchmark", "--strategies", "random", "--reference", "none", "--functions", "branin",
                "--budgets", "5", "--seeds", "4", "--optuna-from", tsv.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("baseline = optuna-tpe (Optuna 3.1.0)"), r.out());
        List<String[]> rows = rows(r, "branin");
        assertEquals(List.of("random", "optuna-tpe"), rows.stream().map(row -> row[0]).toList());
        assertEquals("1.00", rows.get(0)[6], "wins on all 4 seeds");
        assertEquals(0.125, Double.parseDouble(rows.get(0)[7]), 1e-9, "2 / 2^4");
        assertEquals(2.5, Double.parseDouble(rows.get(1)[10]), 1e-9);
        // a file from another parallelism, or missing a seed, is refused
        assertEquals(Main.ERROR, CommandLineRun.bench("search-benchmark", "--strategies", "random", "--functions", "branin", "--budgets", "5",
                "--seeds", "4", "--parallelism", "2", "--optuna-from", tsv.toString()).exit());
        assertEquals(Main.ERROR, CommandLineRun.bench("search-benchmark", "--strategies", "random", "--functions", "branin", "--budgets", "5",
                "--seeds", "5", "--optuna-from", tsv.toString()).exit());
    }

    @Test
    void parsesTheChildsPerSeedRows() {
        List<String> lines = List.of("# optuna 3.1.0", "# parallelism 2", "function\tsampler\tseed\tbudget\tbest\tms_per_trial",
                "mixed6\toptuna-tpe\t0\t10\t1.5\t2.0", "mixed6\toptuna-tpe\t1\t10\t0.5\t4.0", "mixed6\toptuna-tpe\t2\t10\t9\t4.0");
        SearchBenchmarkCommand.OptunaRuns runs = SearchBenchmarkCommand.parseOptuna(lines, List.of(10), 2, 2);
        assertEquals("3.1.0", runs.version());
        SearchBenchmarkCommand.Results r = runs.results().get("mixed6").get("optuna-tpe");
        assertEquals(List.of(1.5, 0.5), Arrays.stream(r.best()[0]).boxed().toList(), "seeds beyond --seeds are left out");
        assertEquals(3.0, r.msPerTrial()[0], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> SearchBenchmarkCommand.parseOptuna(lines, List.of(10), 2, 1));
    }

    /** With Debian's python3-optuna: Optuna's rows come back from the child process and are paired. */
    @Test
    void runsOptunaAsAChildProcess() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "needs /usr/bin/python3");
        CommandLineRun r = CommandLineRun.bench("search-benchmark", "--strategies", "random", "--reference", "none", "--functions", "mixed6",
                "--budgets", "4", "--seeds", "2", "--optuna", "--optuna-samplers", "tpe,random,qmc", "--parallelism", "2");
        Assumptions.assumeFalse(r.err().contains("No module named 'optuna'"), "needs python3-optuna");
        assertEquals(0, r.exit(), r.err());
        List<String[]> rows = rows(r, "mixed6");
        assertEquals(List.of("random", "optuna-tpe", "optuna-random", "optuna-qmc"), rows.stream().map(row -> row[0]).toList());
        assertEquals("-", rows.get(1)[6]);
        assertTrue(Double.parseDouble(rows.get(2)[6]) <= 1);
    }
}
