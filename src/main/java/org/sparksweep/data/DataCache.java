package org.sparksweep.data;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One loaded and split data set per JVM and data spec: every trial an executor runs shares it,
 * so data is read once per executor, not once per trial (and the driver never ships it).
 */
public final class DataCache {
    private static final ConcurrentMap<DataSpec, TrainingData> CACHE = new ConcurrentHashMap<>();
    private static final AtomicInteger LOADS = new AtomicInteger();

    private DataCache() {}

    public static TrainingData get(DataSpec spec) {
        return CACHE.computeIfAbsent(spec, s -> {
            LOADS.incrementAndGet();
            try {
                Dataset all = DataSources.get(s.source()).load(s.options());
                return TrainingData.split(all, s.validationFraction(), s.splitSeed());
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("could not load data source '" + s.source() + "': " + e.getMessage(), e);
            }
        });
    }

    /** How many times this JVM has loaded a data set (for tests of the once-per-JVM promise). */
    public static int loads() {
        return LOADS.get();
    }
}
