package org.sparksweep.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The SparkSession a command runs on: one already running in this JVM (a notebook, a test, an
 * application embedding the CLI) is used and left running; otherwise the cluster's when started by
 * spark-submit (which sets {@code spark.master}), else an embedded {@code local[*]} Spark bound to loopback.
 * Public for the benchmark commands in src/bench.
 */
public final class Sessions {
    private Sessions() {}

    /** A session to run on; closing the handle stops the session only when {@link #open} started it. */
    public static final class Handle implements AutoCloseable {
        private final SparkSession spark;
        private final boolean owned;

        private Handle(SparkSession spark, boolean owned) {
            this.spark = spark;
            this.owned = owned;
        }

        public SparkSession spark() {
            return spark;
        }

        @Override
        public void close() {
            if (owned) spark.stop();
        }
    }

    static final String AUTH_SECRET = "spark.authenticate.secret";
    /** Where a standalone worker hands a driver it launches the cluster's secret (Spark's SecurityManager reads the same). */
    static final String AUTH_SECRET_ENV = "_SPARK_AUTH_SECRET";

    /**
     * The authentication secret a driver was given through its environment. A standalone worker
     * that launches a driver ({@code --deploy-mode cluster}) strips {@code spark.authenticate.secret}
     * from the driver's command line and passes it in the environment instead, but the driver's
     * SparkContext only accepts it as configuration; without this, an authenticated standalone
     * cluster could not run a cluster-mode sweep. Null when nothing needs to be set.
     */
    static String inheritedAuthSecret(SparkConf conf, java.util.Map<String, String> env) {
        if (!conf.getBoolean("spark.authenticate", false) || conf.contains(AUTH_SECRET)) return null;
        String secret = env.get(AUTH_SECRET_ENV);
        return secret == null || secret.isEmpty() ? null : secret;
    }

    private static volatile boolean started;

    /** Whether a command of this JVM has opened a session (so the cluster manager has seen this driver's SparkContext). */
    static boolean started() {
        return started;
    }

    public static Handle open(String appName, String masterOverride) {
        started = true;
        SparkSession running = SparkSession.getActiveSession().getOrElse(() -> SparkSession.getDefaultSession().getOrElse(() -> null));
        if (running != null && !running.sparkContext().isStopped()) return new Handle(running, false);
        SparkConf conf = new SparkConf(); // picks up spark.* system properties, as spark-submit passes them
        String secret = inheritedAuthSecret(conf, System.getenv());
        SparkSession.Builder b = SparkSession.builder().appName(appName)
                .config("spark.ui.showConsoleProgress", "false");
        String master = masterOverride != null ? masterOverride : conf.get("spark.master", "local[*]");
        b.master(master);
        if (secret != null) b.config(AUTH_SECRET, secret);
        if (master.startsWith("local")) {
            b.config("spark.driver.host", conf.get("spark.driver.host", "127.0.0.1"));
            b.config("spark.driver.bindAddress", conf.get("spark.driver.bindAddress", "127.0.0.1"));
        }
        return new Handle(b.getOrCreate(), true);
    }
}
