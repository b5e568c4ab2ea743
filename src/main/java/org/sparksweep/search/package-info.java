/**
 * Search strategies behind one {@link org.sparksweep.search.Strategy} interface (ask for trials, tell
 * results): grid, random, sobol, tpe, gp, asha, hyperband, median stopping, nsga2, and the warm start
 * that can precede any of them. Depends on trial, plugin and space only, so strategies run and are
 * tested without Spark or a trainer.
 */
package org.sparksweep.search;
