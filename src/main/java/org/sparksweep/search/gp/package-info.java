/**
 * Gaussian-process regression over a search space and the acquisition function that the {@code gp}
 * strategy maximises: the space encoded as points of the unit cube, a Matérn-5/2 model fitted by
 * maximum a posteriori, log expected improvement, and the bounded optimiser both use.
 */
package org.sparksweep.search.gp;
