package org.sparksweep.data;

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

    /** Loads the whole data set; called at most once per JVM for the same options. */
    Dataset load(Map<String, Object> options) throws Exception;
}
