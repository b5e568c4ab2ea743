package org.sparksweep.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.sparksweep.engine.SweepBusyException;
import org.sparksweep.engine.SweepChangedException;
import org.sparksweep.engine.SweepFailedException;
import org.sparksweep.engine.SweepRunner;
import org.sparksweep.engine.TrialResources;
import org.sparksweep.engine.SweepSummary;
import org.sparksweep.progress.ProgressDisplay;
import org.sparksweep.search.Strategies;
import org.sparksweep.spec.SpecException;
import org.sparksweep.spec.SpecReader;
import org.sparksweep.spec.SweepSpec;
import org.sparksweep.store.SweepManifest;
import org.sparksweep.store.SweepStore;
import org.sparksweep.trial.TrialResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true, description = "Runs a sweep, or resumes it when it has records already:"
        + " shows its progress (a bar on a terminal, lines in a log), then the top of the leaderboard.")
class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SPEC", description = "sweep spec (.yaml, .yml or .json)")
    Path specFile;

    @picocli.CommandLine.Mixin
    SparkOptions sparkOptions;

    @Option(names = "--output", description = "leaderboard root, a path or Hadoop FileSystem URI (default: the spec's output)")
    String output;

    @Option(names = "--allow-local-output", description = "allow a local (file:) leaderboard root on a cluster, when every executor sees that path")
    boolean allowLocalOutput;

    @Option(names = "--top", defaultValue = "10", description = "leaderboard rows to print at the end (default: ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--progress", defaultValue = "auto", description = "bar (redrawn in place), lines (for logs) or auto: bar on a terminal,"
            + " else lines (default: ${DEFAULT-VALUE})")
    ProgressMode progress;

    @Option(names = "--progress-every", defaultValue = "30", paramLabel = "SECONDS",
            description = "lines: a progress line at most this often (default: ${DEFAULT-VALUE})")
    int progressEvery;

    @Option(names = {"-v", "--verbose"}, description = "with the progress bar, also a line per finished trial (always printed as lines)")
    boolean verbose;

    @Option(names = "--new", description = "delete the sweep's earlier records and run every trial (default: resume, running only trials without a record)")
    boolean fresh;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec command;

    enum ProgressMode { auto, bar, lines }

    @Override
    public Integer call() throws Exception {
        return execute(fresh, false);
    }

    /** @param mustResume refuse to start a sweep that has no records yet (the resume command) */
    Integer execute(boolean startOver, boolean mustResume) throws Exception {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        SweepSpec spec;
        try {
            spec = SpecReader.read(specFile);
        } catch (SpecException e) {
            err.println(e.getMessage());
            return Main.BAD_INPUT;
        }
        if (output != null) spec = spec.withOutput(output);
        out.println("sweep " + spec.name() + ": " + Strategies.get(spec.search().strategy()).plan(spec.search(), spec.space())
                + ", trainer " + spec.model().trainer() + ", objective " + spec.objective().direction().label() + " "
                + spec.objective().metric());
        out.flush();
        SweepSummary summary;
        try (Sessions.Handle session = sparkOptions.open("sparksweep " + spec.name())) {
            SparkSession spark = session.spark();
            String sparkMaster = spark.sparkContext().master();
            if (spec.output().startsWith("file:") && !sparkMaster.startsWith("local") && !allowLocalOutput) {
                err.println(spec.source() + ": output: " + spec.output() + " is on this machine's disk, but the executors of "
                        + sparkMaster + " write to their own disks, so results would be lost. Set output: to a filesystem every"
                        + " executor shares (hdfs://..., s3a://...), or pass --allow-local-output if this path is on all of them"
                        + " (one machine, or a shared mount).");
                return Main.BAD_INPUT;
            }
            out.println("spark " + spark.version() + " master " + spark.sparkContext().master() + ", "
                    + spark.sparkContext().defaultParallelism() + " task slots; leaderboard " + SweepStore.at(spec.output()).root());
            if (!spec.resources().isDefault()) {
                out.println("resources per trial: " + spec.resources().cpus() + " cpus"
                        + (spec.resources().gpus() > 0 ? ", " + spec.resources().gpus() + " gpus" : "")
                        + (TrialResources.appliesTo(sparkMaster) ? " (a stage-level resource profile on the trial tasks)"
                                : " (not reserved on " + sparkMaster + ": an embedded Spark runs one trial per task slot,"
                                + " one core each)"));
            }
            out.flush();
            if (mustResume && SweepManifest.read(SweepStore.at(spec.output()), spec.name(),
                    spark.sparkContext().hadoopConfiguration()).isEmpty()) {
                err.println(spec.source() + ": sweep " + spec.name() + " has no records under " + SweepStore.at(spec.output()).root()
                        + " to resume; start it with: sparksweep run " + specFile);
                return Main.BAD_INPUT;
            }
            RunRecord record = RunRecord.start(specFile);
            String outcome = "stopped";
            try (ProgressDisplay display = progressDisplay(spark, spec, out)) {
                summary = new SweepRunner(spark).run(spec, display, startOver);
                outcome = "finished";
            } catch (SweepChangedException e) {
                outcome = "refused: " + e.getMessage();
                err.println(e.getMessage());
                return Main.BAD_INPUT;
            } catch (SweepBusyException e) {
                record = null; // the sweep's provenance is the running driver's to write
                err.println(e.getMessage());
                return Main.ERROR;
            } catch (SweepFailedException e) {
                outcome = "stopped: " + e.getMessage();
                err.println("sweep " + spec.name() + " failed: " + e.getMessage());
                return Main.ERROR;
            } finally {
                if (record != null) record.finish(spark, spec, outcome, err);
            }
            out.println();
            if (summary.resumed() > 0) out.println("resumed: " + summary.resumed() + " trials were already recorded and not run again");
            if (summary.stopReason() != null) out.println("stopped early: " + summary.stopReason() + "; run the same spec again to resume");
            out.println(String.format(Locale.ROOT, "%d trials in %.1f s (%s), %.1f trials a minute; slots training %.0f%% of the time "
                            + "(training seconds / (wall seconds x %d slots); trainings that share a core each take longer)",
                    summary.trials(), summary.wallSeconds(), summary.byStatus(), summary.wallSeconds() > 0 ? 60 * summary.trials() / summary.wallSeconds() : 0,
                    100 * summary.efficiency(), summary.slots()));
            TrialResult best = summary.best();
            if (best != null) {
                out.println(String.format(Locale.ROOT, "best: trial %s %s=%s  %s", best.trialId(), spec.objective().metric(),
                        best.objective(), best.config().brief()));
            }
            out.println("leaderboard: " + summary.leaderboardPath());
            out.println();
            TableWriter.print(LeaderboardCommand.brief(LeaderboardCommand.top(spark, SweepStore.at(spec.output()), spec.name(), top), false),
                    TableWriter.Format.table, out);
            out.flush();
        }
        if (summary.failed() > 0) {
            err.println(summary.failed() + " of " + summary.trials() + " trials did not complete " + summary.byStatus()
                    + "; their errors are in the leaderboard's error column");
            return Main.TRIALS_FAILED;
        }
        return Main.OK;
    }

    private ProgressDisplay progressDisplay(SparkSession spark, SweepSpec spec, PrintWriter out) {
        boolean bar = progress == ProgressMode.bar || (progress == ProgressMode.auto && System.console() != null);
        long planned = SweepRunner.newStrategy(spec).plannedTrials().orElse(-1);
        SparkContext sc = spark.sparkContext();
        ProgressDisplay display = new ProgressDisplay(out, bar ? ProgressDisplay.Style.BAR : ProgressDisplay.Style.LINES, !bar || verbose,
                spec.name(), spec.objective(), planned, System::nanoTime, () -> SweepJobs.runningTrials(sc, spec.name()),
                Math.max(1, progressEvery) * 1000L, terminalWidth());
        return display.start(bar ? 500 : 1000);
    }

    private static int terminalWidth() {
        try {
            return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "120"));
        } catch (NumberFormatException e) {
            return 120;
        }
    }
}
