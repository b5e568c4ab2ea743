/**
 * The benchmark command line ({@link org.sparksweep.bench.cli.BenchMain}, {@code ./sparksweep bench}): benchmark,
 * search-benchmark, dl4j-search-benchmark, dispatch-benchmark and early-stopping-benchmark, and the fault campaign.
 * Built from src/bench with the tests, not shipped in the application jar. At the very top: it may depend on every
 * package, including the user's command line (org.sparksweep.cli) for its Spark sessions and exit codes.
 */
package org.sparksweep.bench.cli;
