package org.sparksweep.bench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.sparksweep.cli.Main;
import org.sparksweep.cli.Sessions;
import org.sparksweep.engine.SweepListener;
import org.sparksweep.engine.SweepRunner;
import org.sparksweep.engine.SweepSummary;
import org.sparksweep.search.IndexDecoder;
import org.sparksweep.search.Proposal;
import org.sparksweep.search.Strategy;
import org.sparksweep.spec.SpecReader;
import org.sparksweep.spec.SweepSpec;
import org.sparksweep.trial.TrialResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Slot utilisation of an adaptive strategy (tpe) when trials take uneven time: the engine's
 * asynchronous dispatch (a finished trial's slot gets the next proposal at once) against dispatch in
 * waves (propose one trial per slot, wait for the whole wave, propose again), both as real Spark
 * sweeps in one run. Trials sleep for a duration drawn from a range, so CPU contention does not blur
 * the figure. Utilisation = Σ trial seconds / (seconds until the last result × slots).
 */
@Command(name = "dispatch-benchmark", mixinStandardHelpOptions = true,
        description = "Slot utilisation of asynchronous dispatch vs waves for tpe with trials of uneven duration.")
final class DispatchBenchmarkCommand implements Callable<Integer> {
    @Option(names = "--trials", defaultValue = "64", description = "trials per sweep (default: ${DEFAULT-VALUE})")
    int trials;

    @Option(names = "--min-seconds", defaultValue = "0.2", description = "shortest trial (default: ${DEFAULT-VALUE})")
    double minSeconds;

    @Option(names = "--max-seconds", defaultValue = "2.0", description = "longest trial (default: ${DEFAULT-VALUE})")
    double maxSeconds;

    @Option(names = "--master", defaultValue = "local[4]", description = "Spark master; sleeping trials can use more slots than cores (default: ${DEFAULT-VALUE})")
    String master;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = command.commandLine().getOut();
        Path dir = Files.createTempDirectory("sparksweep-dispatch");
        SweepSpec spec = SpecReader.parse("""
                name: dispatch
                model: {trainer: function, function: branin}
                objective: {metric: value, direction: minimize}
                search: {strategy: tpe, trials: %d, seed: 1}
                space:
                  x1: {uniform: [-5, 10]}
                  x2: {uniform: [0, 15]}
                  costSeconds: {uniform: [%s, %s]}
                output: %s
                """.formatted(trials, minSeconds, maxSeconds, dir.toUri()), "dispatch benchmark spec", false);
        try (Sessions.Handle session = Sessions.open("sparksweep dispatch-benchmark", master)) {
            SparkSession spark = session.spark();
            int slots = spark.sparkContext().defaultParallelism();
            out.println("spark " + spark.version() + " master " + spark.sparkContext().master() + ", " + slots + " task slots; tpe, "
                    + trials + " trials sleeping " + minSeconds + "–" + maxSeconds + " s each");
            out.println();
            out.println(String.format(Locale.ROOT, "%-14s %9s %11s %12s %12s %10s", "dispatch", "trials s", "Σ trial s",
                    "utilization", "best value", "trials"));
            SweepRunner runner = new SweepRunner(spark);
            new SweepRunner(spark).run(spec, SweepListener.NONE, true); // warm-up: JIT, Spark SQL, first Parquet write
            row(out, "asynchronous", runner.run(spec, SweepRunner.newStrategy(spec), SweepListener.NONE, true));
            row(out, "waves", runner.run(spec, new Waves(SweepRunner.newStrategy(spec)), SweepListener.NONE, true));
            out.flush();
        }
        return Main.OK;
    }

    private static void row(PrintWriter out, String name, SweepSummary s) {
        out.println(String.format(Locale.ROOT, "%-14s %9.1f %11.1f %12.3f %12.4f %10d", name, s.trialSeconds(), s.trainSeconds(),
                s.trainSeconds() / (s.trialSeconds() * s.slots()), s.best() == null ? Double.NaN : s.best().objective(), s.trials()));
        out.flush();
    }

    /**
     * Dispatch in waves, as a synchronous batch optimiser does: while any trial of the last wave is
     * running, propose nothing; then propose one trial per free slot.
     */
    static final class Waves implements Strategy {
        private final Strategy inner;
        private final Set<Long> running = new HashSet<>();

        Waves(Strategy inner) {
            this.inner = inner;
        }

        @Override
        public Proposal ask(int max) {
            if (!running.isEmpty()) return new Proposal.Wait();
            Proposal p = inner.ask(max);
            if (p instanceof Proposal.Indices range) for (long i = range.from(); i < range.to(); i++) running.add(i);
            return p;
        }

        @Override
        public void tell(TrialResult result) {
            running.remove(result.index());
            inner.tell(result);
        }

        @Override
        public OptionalLong plannedTrials() {
            return inner.plannedTrials();
        }

        @Override
        public IndexDecoder decoder() {
            return inner.decoder();
        }

        @Override
        public boolean adaptive() {
            return true;
        }
    }
}
