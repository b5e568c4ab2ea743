package org.sparksweep.data;

import java.util.List;
import java.util.Map;
import org.sparksweep.plugin.Knob;
import org.sparksweep.space.ValueType;

/** The options file-based sources share, declared once, and typed access to their values. */
final class Options {
    static final Knob PATH = Knob.of("path", ValueType.STRING, null,
            "a file or directory: a Hadoop FileSystem URI (file://, hdfs://, s3a://) or a local path");
    static final Knob LABEL = Knob.of("label", ValueType.STRING, null, "the label (target) column's name");
    static final Knob TASK = Knob.oneOf("task", LabelKind.NAMES, "auto",
            "classification, regression, or auto: classification for text labels or at most 20 whole-number values");
    static final Knob SHAPE = Knob.listOf("shape", ValueType.LONG,
            "shape of one example's features, e.g. [1, 8, 8] for 8x8 one-channel images; flat when not given");

    private Options() {}

    static String text(Map<String, Object> options, String name) {
        Object v = options.get(name);
        if (v == null) throw new IllegalArgumentException("data option '" + name + "' is missing");
        return String.valueOf(v);
    }

    static List<String> texts(Map<String, Object> options, String name) {
        Object v = options.get(name);
        if (v == null) return List.of();
        if (v instanceof List<?> l) return l.stream().map(String::valueOf).toList();
        return List.of(String.valueOf(v));
    }

    static int[] ints(Map<String, Object> options, String name) {
        Object v = options.get(name);
        if (!(v instanceof List<?> l) || l.isEmpty()) return null;
        return l.stream().mapToInt(o -> Math.toIntExact(((Number) o).longValue())).toArray();
    }

    static LabelKind task(Map<String, Object> options) {
        Object v = options.get(TASK.name());
        return v == null ? LabelKind.AUTO : LabelKind.of(v);
    }
}
