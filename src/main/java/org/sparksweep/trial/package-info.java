/**
 * A trial as a value: its id, result, status, schedule and learning curve, and the goals results are
 * ranked by (objectives, scalarization, constraints, Pareto ranking). Depends on space only.
 */
package org.sparksweep.trial;
