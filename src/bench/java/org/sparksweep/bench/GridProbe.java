package org.sparksweep.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.sparksweep.spec.SweepSpec;

/**
 * The driver heap while a grid of 10^exponent points is being dispatched. Runs in a JVM of its own
 * started with a small heap ({@link #spawn}), so the figure is this sweep's alone and a driver that
 * held the grid would fail for lack of memory instead of only looking big: the sweep runs until
 * {@code trials} trials have finished, then the heap is measured after a full collection and the
 * sweep is stopped.
 */
public final class GridProbe {
    static final String PREFIX = "grid-probe ";

    private GridProbe() {}

    /** What a probe measured. */
    public record Result(long points, long trials, double firstResultSeconds, double seconds, double heapMib, long maxHeapMib) {
        String line() {
            return PREFIX + String.format(Locale.ROOT, "%d %d %.3f %.3f %.2f %d", points, trials, firstResultSeconds, seconds, heapMib, maxHeapMib);
        }

        static Result parse(String line) {
            String[] f = line.substring(PREFIX.length()).trim().split(" ");
            return new Result(Long.parseLong(f[0]), Long.parseLong(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]), Long.parseLong(f[5]));
        }
    }

    /** Stops the probed sweep once the heap is measured. */
    private static final class Measured extends RuntimeException {
        Measured() {
            super("grid probe measured", null, false, false);
        }
    }

    /** The probe itself, in the small-heap JVM: prints one line {@link Result#line()}. */
    public static String run(SparkSession spark, Path root, int exponent, long trials) throws Exception {
        SweepSpec spec = BenchSweeps.grid("bench-grid-1e" + exponent, exponent, root);
        long points = (long) Math.pow(10, exponent);
        long stopAt = Math.min(trials, points);
        long start = System.nanoTime();
        double[] first = {Double.NaN};
        double[] heap = {Double.NaN};
        try {
            BenchSweeps.runFresh(spark, spec, (r, finished, planned) -> {
                if (finished == 1) first[0] = (System.nanoTime() - start) / 1e9;
                if (finished == stopAt) {
                    heap[0] = BenchSweeps.heapAfterGc();
                    throw new Measured();
                }
            });
        } catch (Measured stopped) {
            // the sweep is stopped on purpose once measured
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(points, stopAt, first[0], seconds, heap[0], Runtime.getRuntime().maxMemory() >> 20).line();
    }

    /**
     * Starts {@code sparksweep bench benchmark --grid-probe} in a new JVM with this JVM's options and
     * classpath but the given heap, and reads its result.
     */
    public static Result spawn(String heap, String master, int exponent, long trials) throws Exception {
        ChildJvm probe = ChildJvm.start("grid probe of 10^" + exponent + " points with -Xmx" + heap, heap, Map.of(),
                List.of("--grid-probe", String.valueOf(exponent), "--probe-trials", String.valueOf(trials), "--master", master));
        return Result.parse(probe.await(PREFIX));
    }
}
