/**
 * The engine benchmark: scenarios that run real sweeps and print one table of figures each
 * (engine overhead on sleep trials, real trials beside the sequential limit and peer libraries,
 * scale of the grid and the leaderboard, growth with the trial count), and the statistics of the search
 * benchmarks. The commands of {@link org.sparksweep.bench.cli} run them ({@code ./sparksweep bench benchmark});
 * peers plug in through {@link org.sparksweep.bench.Peer}. Built from src/bench with the tests, not part of the
 * application. Depends on engine, store, spec, search, data, trial and space, never on a command line
 * (BenchArchitectureTest).
 */
package org.sparksweep.bench;
