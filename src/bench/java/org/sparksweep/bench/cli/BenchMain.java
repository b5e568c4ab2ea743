package org.sparksweep.bench.cli;

import java.io.PrintWriter;
import org.sparksweep.cli.Main;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The benchmark command line, {@code ./sparksweep bench <command>}: the engine, search, dispatch and
 * early-stopping benchmarks. Built with the tests (src/bench), never part of the application jar; the
 * launcher runs it with target/test-classes on the classpath. Exit codes as {@link Main}'s.
 */
@Command(name = "sparksweep-bench", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Benchmarks of the sparksweep engine and its search strategies (not part of the application jar).",
        subcommands = {BenchmarkCommand.class, SearchBenchmarkCommand.class, Dl4jSearchBenchmarkCommand.class, DispatchBenchmarkCommand.class,
                EarlyStoppingBenchmarkCommand.class, CommandLine.HelpCommand.class})
public final class BenchMain implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs a benchmark command line with the given streams and returns its exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return Main.execute(new BenchMain(), "sparksweep bench", out, err, args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
