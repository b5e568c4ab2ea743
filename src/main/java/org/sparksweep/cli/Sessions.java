package org.sparksweep.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The SparkSession a command runs on: one already running in this JVM (a notebook, a test, an
 * application embedding the CLI) is used and left running; otherwise the cluster's when started by
 * spark-submit (which sets {@code spark.master}), else an embedded {@code local[*]} Spark bound to loopback.
 */
final class Sessions {
    private Sessions() {}

    /** A session and whether closing this handle should stop it. */
    record Handle(SparkSession spark, boolean owned) implements AutoCloseable {
        @Override
        public void close() {
            if (owned) spark.stop();
        }
    }

    static Handle open(String appName, String masterOverride) {
        SparkSession running = SparkSession.getActiveSession().getOrElse(() -> SparkSession.getDefaultSession().getOrElse(() -> null));
        if (running != null && !running.sparkContext().isStopped()) return new Handle(running, false);
        SparkConf conf = new SparkConf(); // picks up spark.* system properties, as spark-submit passes them
        SparkSession.Builder b = SparkSession.builder().appName(appName)
                .config("spark.ui.showConsoleProgress", "false");
        String master = masterOverride != null ? masterOverride : conf.get("spark.master", "local[*]");
        b.master(master);
        if (master.startsWith("local")) {
            b.config("spark.driver.host", conf.get("spark.driver.host", "127.0.0.1"));
            b.config("spark.driver.bindAddress", conf.get("spark.driver.bindAddress", "127.0.0.1"));
        }
        return new Handle(b.getOrCreate(), true);
    }
}
