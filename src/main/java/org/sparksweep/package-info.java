/**
 * sparksweep: hyperparameter sweeps as a Spark application, from a spec to a Parquet leaderboard. This
 * package holds only {@link org.sparksweep.EngineVersion}; every package may use it. The packages below
 * depend one way, from the command line down to the values: cli, bench → engine, progress, report →
 * store → spec → search → train → data → trial, plugin → space (checked by the architecture test).
 */
package org.sparksweep;
