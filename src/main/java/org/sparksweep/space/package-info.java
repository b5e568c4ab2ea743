/**
 * Search spaces: parameter domains, conditions between parameters, and the two pure ways a trial's
 * config is drawn (an index decoded in mixed radix for grids, counter-based sampling for random). At
 * the bottom: depends on no other sparksweep package.
 */
package org.sparksweep.space;
