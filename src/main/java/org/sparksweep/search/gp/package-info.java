/**
 * Gaussian-process regression over a search space and the acquisition function that the {@code gp}
 * strategy maximises: the space encoded as points of the unit cube, a Matérn-5/2 model fitted by
 * maximum a posteriori, log expected improvement, and the bounded optimiser both use.
 * Depends on space only (and EJML for the linear algebra); the {@code gp} strategy in search uses it.
 */
package org.sparksweep.search.gp;
