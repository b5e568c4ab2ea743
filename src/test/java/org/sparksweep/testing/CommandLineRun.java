package org.sparksweep.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.sparksweep.bench.cli.BenchMain;
import org.sparksweep.cli.Main;

/** One sparksweep command line run in this JVM, with what it printed and its exit code. */
public record CommandLineRun(int exit, String out, String err) {

    public static CommandLineRun of(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int exit = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CommandLineRun(exit, out.toString(), err.toString());
    }

    /** A benchmark command line ({@code ./sparksweep bench ...}) run in this JVM. */
    public static CommandLineRun bench(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int exit = BenchMain.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CommandLineRun(exit, out.toString(), err.toString());
    }

    /**
     * The one row a query returns over a leaderboard root, as column → value, read with the CLI's
     * {@code sql} command in this JVM; fails the test when the command fails or returns another number of rows.
     */
    public static java.util.Map<String, String> sqlRow(String root, String sql) {
        CommandLineRun r = of("sql", "--output", root, "--format", "csv", sql);
        org.junit.jupiter.api.Assertions.assertEquals(0, r.exit(), r.err());
        List<String> lines = r.lines();
        org.junit.jupiter.api.Assertions.assertEquals(2, lines.size(), r.out());
        String[] header = lines.get(0).split(","), values = lines.get(1).split(",", -1);
        java.util.Map<String, String> row = new java.util.HashMap<>();
        for (int i = 0; i < header.length; i++) row.put(header[i], values[i]);
        return row;
    }

    public List<String> lines() {
        return out.lines().toList();
    }
}
