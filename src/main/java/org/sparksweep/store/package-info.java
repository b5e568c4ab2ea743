/**
 * Where a sweep's results live on a Hadoop FileSystem: the per-trial journal and records, the sweep's
 * manifest, the ranked Parquet leaderboard (Pareto ranks included), learning curves and the SQL view.
 * Depends on spec, search, train, data, trial and space.
 */
package org.sparksweep.store;
