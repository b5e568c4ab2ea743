/**
 * The {@code sparksweep} command line (run, resume, validate, leaderboard, sql, pareto, report and the
 * benchmarks), the same entry point for the local launcher and spark-submit. At the top: it may depend on
 * every other package.
 */
package org.sparksweep.cli;
