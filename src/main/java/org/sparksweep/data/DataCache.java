package org.sparksweep.data;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One loaded and split data set per JVM and data spec: every trial an executor runs shares it,
 * so data is read once per executor, not once per trial (and the driver never ships it). Each use
 * checks the source's fingerprint (for files: URI, modification time and length), so a file changed
 * since it was read is read again. Bad data (a {@link DataException}) is remembered the same way:
 * the trials fail with its message without re-reading the file until it changes.
 */
public final class DataCache {
    private static final ConcurrentMap<DataSpec, Loaded> CACHE = new ConcurrentHashMap<>();
    private static final AtomicInteger LOADS = new AtomicInteger();

    /** Splits, or the bad-data error the same content will always give (kept so every trial does not re-read it). */
    private record Loaded(String fingerprint, List<TrainingData> splits, DataException bad) {}

    private DataCache() {}

    /** The training/validation split (the first fold when cross-validating). */
    public static TrainingData get(DataSpec spec) {
        return splits(spec).get(0);
    }

    /** The splits a trial trains on: one, or one per fold of {@code data.folds}. */
    public static List<TrainingData> splits(DataSpec spec) {
        DataSource source = DataSources.get(spec.source());
        String fingerprint = source.fingerprint(spec.options());
        Loaded loaded = CACHE.compute(spec, (s, cached) -> {
            if (cached != null && cached.fingerprint().equals(fingerprint)) return cached;
            LOADS.incrementAndGet();
            try {
                return new Loaded(fingerprint, s.split(source.load(s.options())), null);
            } catch (DataException e) {
                return new Loaded(fingerprint, null, e);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("could not load data source '" + s.source() + "': " + e.getMessage(), e);
            }
        });
        if (loaded.bad() != null) throw new DataException(loaded.bad().getMessage());
        return loaded.splits();
    }

    /** How many times this JVM has loaded a data set (for tests of the once-per-JVM promise). */
    public static int loads() {
        return LOADS.get();
    }
}
