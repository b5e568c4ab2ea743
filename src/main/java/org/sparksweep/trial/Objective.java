package org.sparksweep.trial;

import java.io.Serializable;

/** The metric a sweep optimises, and in which direction. */
public record Objective(String metric, Direction direction) implements Serializable {}
