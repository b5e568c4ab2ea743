package org.sparksweep.cli;

import picocli.CommandLine.Option;

/** The options every command that starts Spark shares. */
final class SparkOptions {
    @Option(names = "--master", description = "Spark master (default: spark-submit's, else local[*])")
    String master;

    Sessions.Handle open(String appName) {
        return Sessions.open(appName, master);
    }
}
