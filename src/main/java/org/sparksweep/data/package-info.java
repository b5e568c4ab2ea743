/**
 * Data sources (the bundled data sets, csv, libsvm, parquet), how their rows are split into training,
 * validation, test and folds, and the per-JVM cache that loads a data set once per executor. Depends on
 * plugin and space.
 */
package org.sparksweep.data;
