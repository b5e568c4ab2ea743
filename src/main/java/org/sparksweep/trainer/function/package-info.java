/**
 * Standard optimisation test functions (Branin, Hartmann-6, Rosenbrock, ZDT1 …) as a trainer with known optima, to check
 * search strategies and measure the engine without training a model. Depends on trainer, plugin and space.
 */
package org.sparksweep.trainer.function;
