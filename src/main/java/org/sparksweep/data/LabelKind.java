package org.sparksweep.data;

import java.util.List;

/**
 * What kind of label a data source reads (its {@code task} option): classes or a real value.
 * {@code auto} (the default) makes a label classification when any value is not a number, or when
 * every value is a whole number and there are at most {@value #AUTO_MAX_CLASSES} distinct values;
 * otherwise regression.
 */
public enum LabelKind {
    AUTO, CLASSIFICATION, REGRESSION;

    static final int AUTO_MAX_CLASSES = 20;

    /** The values a spec's {@code task} option accepts. */
    static final List<Object> NAMES = List.of("auto", "classification", "regression");

    static LabelKind of(Object option) {
        return valueOf(String.valueOf(option).toUpperCase(java.util.Locale.ROOT));
    }
}
