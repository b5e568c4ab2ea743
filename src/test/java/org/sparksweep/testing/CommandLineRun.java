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

    public List<String> lines() {
        return out.lines().toList();
    }
}
