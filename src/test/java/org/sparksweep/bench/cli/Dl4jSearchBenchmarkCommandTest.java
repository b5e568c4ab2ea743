package org.sparksweep.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sparksweep.testing.CommandLineRun;

/** A smoke run of dl4j-search-benchmark: real dl4j-mlp trials on digits, one seed, three trials per strategy. */
class Dl4jSearchBenchmarkCommandTest {

    @Test
    void everyStrategyReachesASensibleAccuracy() {
        CommandLineRun r = CommandLineRun.bench("dl4j-search-benchmark", "--strategies", "gp,tpe,random", "--seeds", "1", "--budgets", "1,3",
                "--epochs", "2");
        assertEquals(0, r.exit(), r.err() + r.out());
        List<String> lines = r.lines();
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("strategy")).findFirst().orElseThrow());
        assertEquals(List.of("strategy", "N", "median_acc", "mean_acc", "ci95_low", "ci95_high", "seconds", "failed", "per_seed"),
                List.of(lines.get(header).trim().split("\\s+")));
        int paired = lines.indexOf(lines.stream().filter(l -> l.startsWith("gp against each other strategy")).findFirst().orElseThrow());
        List<String[]> rows = lines.subList(header + 1, paired).stream().filter(l -> !l.isBlank()).map(l -> l.trim().split("\\s+")).toList();
        assertEquals(6, rows.size(), r.out());
        for (String[] row : rows) {
            double accuracy = Double.parseDouble(row[2]);
            // ten classes: chance is 0.1. One config of the space may sit at chance (a learning rate of 0.3 with sgd),
            // but the best of three is past it
            if (row[1].equals("3")) assertTrue(accuracy > 0.2 && accuracy <= 1, String.join(" ", row));
            else assertTrue(Double.isNaN(accuracy) || accuracy >= 0 && accuracy <= 1, String.join(" ", row));
            assertEquals(row[2], row[3], "one seed: median = mean");
            assertEquals("0", row[7], "no failed trials");
        }
        assertEquals(List.of("gp", "tpe", "random"), rows.subList(3, 6).stream().map(row -> row[0]).toList());

        // the paired table: gp against tpe and random at each budget, its W-L-T counting the one seed
        List<String[]> pairs = lines.subList(paired + 2, lines.size()).stream().filter(l -> !l.isBlank()).map(l -> l.trim().split("\\s+")).toList();
        assertEquals(List.of("strategy", "against", "N", "W-L-T", "sign_p", "mean_diff", "ci95_low", "ci95_high"),
                List.of(lines.get(paired + 1).trim().split("\\s+")));
        assertEquals(4, pairs.size(), r.out());
        for (String[] pair : pairs) {
            assertEquals("gp", pair[0]);
            int[] wlt = java.util.Arrays.stream(pair[3].split("-")).mapToInt(Integer::parseInt).toArray();
            assertEquals(1, wlt[0] + wlt[1] + wlt[2], "one seed: " + String.join(" ", pair));
            double gp = Double.parseDouble(rows.get(pair[2].equals("1") ? 0 : 3)[2]);
            double other = Double.parseDouble(rows.stream().filter(row -> row[0].equals(pair[1]) && row[1].equals(pair[2])).findFirst().orElseThrow()[2]);
            // three printed values, each rounded to 4 decimals: they can disagree by 1.5e-4
            assertEquals(gp - other, Double.parseDouble(pair[5]), 1.5e-4 + 1e-9, "the difference is gp's accuracy less the other's: " + String.join(" ", pair));
        }
    }
}
