/**
 * Named plug-ins (trainers, data sources, search strategies) found with {@link java.util.ServiceLoader},
 * and the typed settings ({@link org.sparksweep.plugin.Knob}s) they declare so a spec can be checked against them.
 */
package org.sparksweep.plugin;
