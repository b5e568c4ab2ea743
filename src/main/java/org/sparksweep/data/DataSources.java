package org.sparksweep.data;

import java.util.Map;
import org.sparksweep.plugin.Registry;

/** The data sources on the classpath, by name. */
public final class DataSources {
    private static final Registry<DataSource> REGISTRY = new Registry<>(DataSource.class, "data source", DataSource::name);

    private DataSources() {}

    public static DataSource get(String name) {
        return REGISTRY.get(name);
    }

    public static Map<String, DataSource> all() {
        return REGISTRY.all();
    }
}
