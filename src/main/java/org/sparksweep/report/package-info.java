/**
 * The HTML report of a sweep: its leaderboard, charts and Pareto front in one self-contained page, read
 * from the stored leaderboard. Depends on store and trial.
 */
package org.sparksweep.report;
