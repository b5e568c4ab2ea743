package org.sparksweep.bench;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.sparksweep.engine.SweepSummary;
import org.sparksweep.spec.SweepSpec;

/**
 * Scenario 4: how wall time and driver heap grow with the number of trivial (0 s) trials. The
 * heap is measured after a full collection when half the trials have finished (the driver loop,
 * its queued jobs and pending records all alive), against the heap before the sweep.
 */
public final class Growth {
    private final SparkSession spark;
    private final Path root;

    public Growth(SparkSession spark, Path root) {
        this.spark = spark;
        this.root = root;
    }

    public BenchTable run(List<Long> sizes) throws Exception {
        BenchTable table = new BenchTable("4. growth: trivial trials on " + spark.sparkContext().master() + ", driver max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB",
                "trials", "wall s", "trials/s", "wall ms/trial", "heap before MiB", "heap mid-sweep MiB", "growth MiB");
        BenchSweeps.runFresh(spark, BenchSweeps.sleep("bench-growth-warmup", 300, 0, root), (r, f, p) -> {});
        for (long n : sizes) {
            SweepSpec spec = BenchSweeps.sleep("bench-growth-" + n, n, 0, root);
            double before = BenchSweeps.heapAfterGc();
            double[] mid = {Double.NaN};
            SweepSummary s = BenchSweeps.runFresh(spark, spec, (r, finished, planned) -> {
                if (finished == Math.max(1, n / 2)) mid[0] = BenchSweeps.heapAfterGc();
            });
            table.row(String.valueOf(n), s.wallSeconds(), s.trials() / s.wallSeconds(), 1000 * s.wallSeconds() / s.trials(), before, mid[0], mid[0] - before);
        }
        table.note("wall ms/trial flat from row to row = constant cost per trial; heap growth flat = the driver holds no per-trial state");
        table.note("(one full GC at half-way is inside the wall time).");
        return table;
    }
}
