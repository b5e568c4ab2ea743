/**
 * sparksweep: hyperparameter sweeps as a Spark application, from a spec to a Parquet leaderboard. This
 * package holds only {@link org.sparksweep.EngineVersion}; every package may use it. The packages below
 * depend one way, from the command line down to the values: cli → bench → progress, report → engine →
 * store → spec → search → trainer → data → trial, plugin → space; a package may use those after it, never
 * one before it, and none depends on Spark or Deeplearning4j without need (checked by ArchitectureTest).
 */
package org.sparksweep;
