package org.sparksweep.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import org.sparksweep.EngineVersion;

/**
 * The sparksweep command line; the same entry point for the local launcher and for spark-submit.
 * Exit codes: 0 success, 1 the sweep or query could not run (among others: another driver holds the
 * sweep's lease, or more trials failed than the spec allows), 2 bad input (spec, options, query),
 * 3 the sweep finished but some trials failed.
 */
@Command(name = "sparksweep", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Hyperparameter sweeps on Apache Spark, with a Parquet leaderboard you query with Spark SQL.",
        footer = {"", "Benchmarks (from a source checkout; not in the application jar):", "  ./sparksweep bench --help"},
        subcommands = {RunCommand.class, ResumeCommand.class, ValidateCommand.class, LeaderboardCommand.class, SqlCommand.class, ReportCommand.class,
                ParetoCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int BAD_INPUT = 2;
    public static final int TRIALS_FAILED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        Outcome outcome = run(new Main(), "sparksweep", new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        if ("cluster".equals(System.getProperty("spark.submit.deployMode"))) {
            // In cluster deploy mode the driver runs inside the cluster manager, which reads an early
            // System.exit as a crash: see ClusterExit for what each outcome becomes.
            String what = "sparksweep " + String.join(" ", args) + " ended with exit code " + outcome.code();
            switch (ClusterExit.of(outcome.code(), outcome.unexpected())) {
                case RETURN -> {
                    return;
                }
                case RERUN -> throw new IllegalStateException(what + " (an error a new application attempt may not meet: it resumes the sweep)");
                case FAIL_FINAL -> {
                    if (ClusterExit.onYarn() && ClusterExit.failYarnApplicationForGood(what + ": a rerun would fail the same way; see the driver's"
                            + " stderr")) {
                        System.err.println("sparksweep: the YARN application ends as FAILED without another attempt: a rerun would fail the same way");
                    }
                    throw new IllegalStateException(what);
                }
            }
        }
        System.exit(outcome.code());
    }

    /** A command's exit code, and whether it ended in an unexpected error (an exception no command handled) rather than a verdict. */
    record Outcome(int code, boolean unexpected) {}

    /** Runs a command line with the given streams and returns its exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return run(new Main(), "sparksweep", out, err, args).code();
    }

    /**
     * Runs a command line whose top command is {@code command} (this one, or another built like it, such as the
     * benchmarks') with the given streams and returns its exit code: an exception no command handled is printed
     * as "{@code name}: type: message" and ends with {@link #ERROR}.
     */
    public static int execute(Object command, String name, PrintWriter out, PrintWriter err, String... args) {
        return run(command, name, out, err, args).code();
    }

    static Outcome run(Object command, String name, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(command);
        cl.setOut(out);
        cl.setErr(err);
        boolean[] unexpected = {false};
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            unexpected[0] = true;
            commandLine.getErr().println(name + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return ERROR;
        });
        int code = cl.execute(args);
        return new Outcome(code, unexpected[0]);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The engine's version after the name of the command asked for it ({@code sparksweep}, {@code sparksweep-bench}). */
    public static final class Version implements CommandLine.IVersionProvider {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public String[] getVersion() {
            return new String[] {spec.name() + " " + EngineVersion.VALUE};
        }
    }
}
