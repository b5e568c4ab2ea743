package org.sparksweep.cli;

import picocli.CommandLine.Option;

/** The options every command that starts Spark shares (public for the benchmark commands in src/bench). */
public final class SparkOptions {
    @Option(names = "--master", description = "Spark master (default: spark-submit's, else local[*])")
    String master;

    /** The --master given, or null for spark-submit's (else local[*]). */
    public String master() {
        return master;
    }

    public Sessions.Handle open(String appName) {
        return Sessions.open(appName, master);
    }
}
