/**
 * The engine benchmark: scenarios that run real sweeps and print one table of figures each
 * (engine overhead on sleep trials, real trials beside the sequential limit and peer libraries,
 * scale of the grid and the leaderboard, growth with the trial count). The {@code benchmark}
 * command runs them; peers plug in through {@link org.sparksweep.bench.Peer}.
 * Beside the command line at the top: depends on engine, store, spec, search, data, trial and space.
 */
package org.sparksweep.bench;
