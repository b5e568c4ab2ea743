package org.sparksweep.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The runs of scenario 2, round by round: every runner once a round, the order rotated each round so
 * that drift in the machine's load hits every runner alike. Each run is read against the reachable
 * limit of its own round; a runner's figure over the rounds is the median, with the min–max spread.
 */
final class RealRounds {
    /** The engine's target: its median wall within this factor of the reachable limit. */
    static final double TARGET_RATIO = 1.10;

    private final String raw;
    private final String ideal;
    private final String reachable;
    private final String engine;
    private final List<String> runners;
    private final List<Entry> entries = new ArrayList<>();

    private record Entry(int round, int order, String runner, RealRun run) {}

    /** A runner's figures over the rounds (failed runs left out); NaN where no run finished. */
    record Summary(String runner, int runs, double medianWall, double minWall, double maxWall, double medianRatio,
                   double bestAccuracy, double medianSecondsPerTrial) {}

    /**
     * @param runners   every runner, in the first round's order: the {@code raw} one (DL4J's API in a plain loop;
     *                  null when not run), the {@code ideal} one (the engine's trial body in a plain loop), the
     *                  {@code reachable} one, the {@code engine}, and its peers (the others)
     */
    RealRounds(List<String> runners, String raw, String ideal, String reachable, String engine) {
        if (!runners.containsAll(List.of(ideal, reachable, engine)) || (raw != null && !runners.contains(raw))) {
            throw new IllegalArgumentException(runners + " lacks a runner");
        }
        this.runners = List.copyOf(runners);
        this.raw = raw;
        this.ideal = ideal;
        this.reachable = reachable;
        this.engine = engine;
    }

    /** The order of round {@code round} (from 0): the first round's order rotated left by {@code round}. */
    static <T> List<T> rotated(List<T> first, int round) {
        List<T> order = new ArrayList<>(first);
        if (!order.isEmpty()) Collections.rotate(order, -(round % order.size()));
        return order;
    }

    /** Median of the finite values; NaN when there are none. */
    static double median(double[] values) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
        return finite.length == 0 ? Double.NaN : SearchStats.median(finite);
    }

    void add(int round, int order, String runner, RealRun run) {
        if (!runners.contains(runner)) throw new IllegalArgumentException("unknown runner " + runner);
        entries.add(new Entry(round, order, runner, run));
    }

    /** The reachable limit of a round; NaN when it was not measured. */
    double reachableWall(int round) {
        return entries.stream().filter(e -> e.round == round && e.runner.equals(reachable)).mapToDouble(e -> e.run.wallSeconds())
                .findFirst().orElse(Double.NaN);
    }

    private double ratio(Entry e) {
        return e.run.wallSeconds() / reachableWall(e.round);
    }

    Summary summary(String runner) {
        List<Entry> runs = entries.stream().filter(e -> e.runner.equals(runner) && Double.isFinite(e.run.wallSeconds())).toList();
        double[] walls = runs.stream().mapToDouble(e -> e.run.wallSeconds()).toArray();
        return new Summary(runner, runs.size(), median(walls),
                Arrays.stream(walls).min().orElse(Double.NaN), Arrays.stream(walls).max().orElse(Double.NaN),
                median(runs.stream().mapToDouble(this::ratio).toArray()),
                runs.stream().mapToDouble(e -> e.run.bestAccuracy()).filter(Double::isFinite).max().orElse(Double.NaN),
                median(runs.stream().mapToDouble(e -> e.run.secondsPerTrial()).toArray()));
    }

    private List<String> peers() {
        return runners.stream().filter(r -> !List.of(ideal, reachable, engine).contains(r) && !r.equals(raw)).toList();
    }

    /** Whether this run met the target, said as a sentence: the engine within 10% of the reachable limit, ahead of every peer. */
    Verdict verdict() {
        Summary e = summary(engine);
        List<String> parts = new ArrayList<>();
        boolean met = e.medianRatio() <= TARGET_RATIO;
        parts.add("engine / reachable " + BenchTable.number(e.medianRatio()) + (met ? " ≤ " : " > ") + BenchTable.number(TARGET_RATIO));
        List<String> peers = peers();
        if (peers.isEmpty()) {
            met = false;
            parts.add("no peers run (--peers runs them)");
        }
        for (String peer : peers) {
            Summary p = summary(peer);
            boolean ahead = e.medianWall() < p.medianWall();
            met &= ahead;
            parts.add((ahead ? "ahead of " : "not ahead of ") + peer + " (" + BenchTable.number(e.medianWall()) + " s vs "
                    + BenchTable.number(p.medianWall()) + " s)");
        }
        return new Verdict(met, (met ? "met" : "not met") + ": " + String.join("; ", parts));
    }

    record Verdict(boolean met, String sentence) {}

    BenchTable perRoundTable(String title) {
        BenchTable t = new BenchTable(title, "runner", "round", "order", "wall s", "wall / reachable", "best accuracy", "s / trial",
                "cores used", "how");
        for (Entry e : entries) {
            t.row(e.runner, String.valueOf(e.round + 1), String.valueOf(e.order + 1), e.run.wallSeconds(), ratio(e), e.run.bestAccuracy(),
                    e.run.secondsPerTrial(), e.run.coresUsed(), e.run.how());
        }
        return t;
    }

    BenchTable summaryTable(String title) {
        BenchTable t = new BenchTable(title, "runner", "runs", "median wall s", "min–max s", "median wall / reachable", "best accuracy");
        for (String runner : runners) {
            Summary s = summary(runner);
            t.row(runner, String.valueOf(s.runs()), s.medianWall(), range(s.minWall(), s.maxWall()), s.medianRatio(), s.bestAccuracy());
        }
        return t;
    }

    /**
     * Σ training seconds / trials of the runners that say, beside the raw DL4J loop's and the engine's trial
     * body's in a plain loop (both alone in this JVM) and the reachable limit's.
     */
    BenchTable perTrialTable(String title) {
        BenchTable t = new BenchTable(title, "per trial", "median s", "min–max", "× raw DL4J", "× trial body loop", "× reachable");
        double rawLoop = raw == null ? Double.NaN : summary(raw).medianSecondsPerTrial();
        double loop = summary(ideal).medianSecondsPerTrial();
        double shared = summary(reachable).medianSecondsPerTrial();
        for (String runner : runners) {
            double[] values = entries.stream().filter(e -> e.runner.equals(runner)).mapToDouble(e -> e.run.secondsPerTrial())
                    .filter(Double::isFinite).toArray();
            if (values.length == 0) continue;
            double m = median(values);
            t.row(perTrialName(runner), m, range(Arrays.stream(values).min().orElseThrow(), Arrays.stream(values).max().orElseThrow()),
                    m / rawLoop, m / loop, m / shared);
        }
        return t;
    }

    private String perTrialName(String runner) {
        if (runner.equals(raw)) return "raw DL4J API, plain loop";
        if (runner.equals(ideal)) return "engine trial body, plain loop";
        if (runner.equals(engine)) return "engine on Spark (" + engine + ")";
        return runner;
    }

    private static String range(double min, double max) {
        return BenchTable.number(min) + "–" + BenchTable.number(max);
    }
}
