package org.sparksweep.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sparksweep.plugin.Knob;

/**
 * Where a sweep's data comes from, named by {@code data.source} in the spec. Implementations are
 * found with {@link java.util.ServiceLoader} like trainers, and are called on the executors.
 */
public interface DataSource {

    String name();

    /** The options this source reads from the spec's {@code data:} block (besides the split options). */
    List<Knob> knobs();

    /** Loads the whole data set; called at most once per JVM for the same options and {@link #fingerprint}. */
    Examples load(Map<String, Object> options) throws Exception;

    /**
     * On the driver, when the spec is read: the options as every executor must see them, e.g. a
     * relative path made absolute. The options are already type-checked against {@link #knobs()}.
     */
    default Map<String, Object> resolve(Map<String, Object> options) {
        return options;
    }

    /**
     * On the driver, when the spec is read: what is cheap to check before any Spark job (the file
     * exists, its header has the label column), so a typo is refused up front. Throws with a message
     * naming the file and the problem.
     */
    default void check(Map<String, Object> options) throws Exception {}

    /**
     * What identifies the data's current content (for files: URIs, modification times, lengths);
     * when it changes, a cached copy is loaded again. Constant for data that cannot change.
     */
    default String fingerprint(Map<String, Object> options) {
        return "";
    }

    /** The options with {@code path} made an absolute URI (a plain path is a {@code file:} path on the driver). */
    static Map<String, Object> absolutePath(Map<String, Object> options) {
        Map<String, Object> out = new LinkedHashMap<>(options);
        Object path = out.get("path");
        if (path != null) out.put("path", DataFiles.absolute(String.valueOf(path)));
        return out;
    }
}
