/**
 * The sweep engine on Spark: the driver loop that asks a strategy for trials and tells it results,
 * the dispatch of trials as Spark tasks, the task body that trains and records one trial on an executor,
 * and resume. Depends on store, spec, search, trainer, data, trial and space, and on Spark.
 */
package org.sparksweep.engine;
