package org.sparksweep.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The SparkSession a command runs on: the cluster's when started by spark-submit (which sets
 * {@code spark.master}), otherwise an embedded {@code local[*]} Spark bound to loopback.
 */
final class Sessions {
    private Sessions() {}

    static SparkSession open(String appName, String masterOverride) {
        SparkConf conf = new SparkConf(); // picks up spark.* system properties, as spark-submit passes them
        SparkSession.Builder b = SparkSession.builder().appName(appName)
                .config("spark.ui.showConsoleProgress", "false");
        String master = masterOverride != null ? masterOverride : conf.get("spark.master", "local[*]");
        b.master(master);
        if (master.startsWith("local")) {
            b.config("spark.driver.host", conf.get("spark.driver.host", "127.0.0.1"));
            b.config("spark.driver.bindAddress", conf.get("spark.driver.bindAddress", "127.0.0.1"));
        }
        return b.getOrCreate();
    }
}
