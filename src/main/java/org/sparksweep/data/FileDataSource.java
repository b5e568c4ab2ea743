package org.sparksweep.data;

import java.util.Map;

/**
 * A data source that reads the files at its {@code path} option (any Hadoop FileSystem URI): the
 * path is made absolute on the driver, and the cache is keyed by the files' modification times.
 */
interface FileDataSource extends DataSource {

    @Override
    default Map<String, Object> resolve(Map<String, Object> options) {
        return DataSource.absolutePath(options);
    }

    @Override
    default String fingerprint(Map<String, Object> options) {
        return DataFiles.fingerprint(Options.text(options, "path"));
    }
}
