/**
 * Where a sweep's results live on a Hadoop FileSystem: the per-trial journal and records, the sweep's
 * manifest, the ranked Parquet leaderboard (Pareto ranks included), learning curves and the SQL view.
 * Depends on data, trial and space only: the engine hands it the values it stores, never a whole spec.
 */
package org.sparksweep.store;
