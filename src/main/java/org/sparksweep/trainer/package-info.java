/**
 * The {@link org.sparksweep.trainer.Trainer} interface and what every trainer shares: cross-validation
 * over folds, metrics, checkpoints, the context a trial reports to. Depends on data, trial, plugin and
 * space (and Hadoop's FileSystem for checkpoints), never on Spark or Deeplearning4j.
 */
package org.sparksweep.trainer;
