/**
 * The sweep spec: its model ({@link org.sparksweep.spec.SweepSpec} and the records it holds) and
 * {@link org.sparksweep.spec.SpecReader}, which reads a YAML or JSON spec with one reader per block and
 * refuses a bad one with every problem's field path. Depends on search, trainer, data, trial, plugin and
 * space (to check a spec against the registered strategies, trainers and data sources), never on Spark.
 */
package org.sparksweep.spec;
