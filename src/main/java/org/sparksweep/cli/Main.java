package org.sparksweep.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import org.sparksweep.EngineVersion;

/**
 * The sparksweep command line; the same entry point for the local launcher and for spark-submit.
 * Exit codes: 0 success, 1 the sweep or query could not run, 2 bad input (spec, options, query),
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
        int code = execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        if ("cluster".equals(System.getProperty("spark.submit.deployMode"))) {
            // In cluster deploy mode the driver runs inside the cluster manager's application master,
            // which reads an early System.exit as a crash (YARN would run the whole sweep again).
            // A sweep with failed trials is a finished application; only a real error fails it.
            if (code == OK || code == TRIALS_FAILED) return;
            throw new IllegalStateException("sparksweep " + String.join(" ", args) + " ended with exit code " + code);
        }
        System.exit(code);
    }

    /** Runs a command line with the given streams and returns its exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("sparksweep: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return ERROR;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"sparksweep " + EngineVersion.VALUE};
        }
    }
}
