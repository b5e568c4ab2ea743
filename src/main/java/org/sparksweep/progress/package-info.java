/**
 * The live view of a running sweep on a terminal: trials done, running and failed, the best so far. It
 * listens to the engine, so it depends on engine, trial and space.
 */
package org.sparksweep.progress;
