/**
 * The {@code sparksweep} command line (run, resume, validate, leaderboard, sql, pareto, report), the same
 * entry point for the local launcher and spark-submit. At the top: it may depend on every other package.
 * The benchmarks have their own command line, org.sparksweep.bench.cli in src/bench.
 */
package org.sparksweep.cli;
