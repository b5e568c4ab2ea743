package org.sparksweep.bench;

import java.net.URI;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.sparksweep.engine.SweepListener;
import org.sparksweep.engine.SweepRunner;
import org.sparksweep.engine.SweepSummary;
import org.sparksweep.spec.SpecReader;
import org.sparksweep.spec.SweepSpec;

/** The sweeps the scenarios run, as specs a user could write. */
public final class BenchSweeps {
    private BenchSweeps() {}

    /** {@code trials} random Branin trials that each sleep {@code cost} seconds. */
    static SweepSpec sleep(String name, long trials, double cost, Path root) {
        return parse(name, sleepSpec(name, trials, cost, root.toUri()));
    }

    /** The text of {@link #sleep}'s spec, for a run that reads its spec from a file (the fault campaign's driver). */
    public static String sleepSpec(String name, long trials, double cost, URI output) {
        return """
                name: %s
                model: {trainer: function, function: branin, costSeconds: %s}
                objective: {metric: value, direction: minimize}
                search: {strategy: random, trials: %d, seed: 1}
                space:
                  x1: {uniform: [-5, 10]}
                  x2: {uniform: [0, 15]}
                output: %s
                """.formatted(name, cost, trials, output);
    }

    /** A grid of {@code 10^exponent} trivial trials: the Rosenbrock function over {@code exponent} inputs of 10 points each. */
    static SweepSpec grid(String name, int exponent, Path root) {
        StringBuilder space = new StringBuilder();
        for (int i = 1; i <= exponent; i++) space.append("  x").append(i).append(": {uniform: [-2, 2], points: 10}\n");
        return parse(name, """
                name: %s
                model: {trainer: function, function: rosenbrock, dimensions: %d}
                objective: {metric: value, direction: minimize}
                search: {strategy: grid}
                space:
                %s
                output: %s
                """.formatted(name, exponent, space.toString().stripTrailing(), root.toUri()));
    }

    /** Runs a sweep from scratch (records of an earlier run under the same name are replaced). */
    static SweepSummary runFresh(SparkSession spark, SweepSpec spec, SweepListener listener) throws Exception {
        return new SweepRunner(spark).run(spec, listener, true);
    }

    /** Heap in use after a full collection, in MiB. */
    static double heapAfterGc() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) / (double) (1 << 20);
    }

    private static SweepSpec parse(String name, String yaml) {
        try {
            return SpecReader.parse(yaml, "benchmark spec " + name, false);
        } catch (org.sparksweep.spec.SpecException e) {
            throw new IllegalStateException("the benchmark's own spec " + name + " is invalid: " + e.getMessage(), e);
        }
    }
}
