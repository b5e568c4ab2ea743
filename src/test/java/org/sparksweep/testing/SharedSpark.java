package org.sparksweep.testing;

import org.apache.spark.sql.SparkSession;

/** One local[2] SparkSession for the whole test JVM, bound to loopback, without a UI; stopped at exit. */
public final class SharedSpark {
    private static SparkSession spark;

    private SharedSpark() {}

    public static synchronized SparkSession get() {
        if (spark == null || spark.sparkContext().isStopped()) {
            spark = SparkSession.builder()
                    .master("local[2]")
                    .appName("sparksweep-tests")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.ui.enabled", "false")
                    .config("spark.ui.showConsoleProgress", "false")
                    .config("spark.sql.shuffle.partitions", "4")
                    .getOrCreate();
            SparkSession s = spark;
            Runtime.getRuntime().addShutdownHook(new Thread(s::stop));
        }
        return spark;
    }
}
