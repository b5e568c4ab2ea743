/**
 * Named plug-ins (trainers, data sources, search strategies) found with {@link java.util.ServiceLoader},
 * and the typed settings ({@link org.sparksweep.plugin.Knob}s) they declare so a spec can be checked against them
 * (one check of a value against its knob, {@link org.sparksweep.plugin.KnobValues}),
 * with the one message for a key a spec mapping does not know, wherever it is read ({@link org.sparksweep.plugin.UnknownKeys}).
 * Depends on space only (a knob has a value type); the packages with plug-ins depend on it.
 */
package org.sparksweep.plugin;
