package org.sparksweep.train.dl4j;

import org.nd4j.linalg.factory.Nd4j;

/**
 * One ND4J thread per trial unless the environment says otherwise: trials already run in parallel,
 * one per task slot, and ND4J's default of one thread per core would oversubscribe every core.
 * {@code OMP_NUM_THREADS} (read by the native library when it loads) takes precedence.
 */
final class Nd4jThreads {
    static final String ENV = "OMP_NUM_THREADS";

    private static volatile boolean configured;

    private Nd4jThreads() {}

    /** Once per JVM. */
    static void configure() {
        if (configured) return;
        synchronized (Nd4jThreads.class) {
            if (configured) return;
            if (System.getenv(ENV) == null) {
                Nd4j.getEnvironment().setMaxThreads(1);
                Nd4j.getEnvironment().setMaxMasterThreads(1);
            }
            configured = true;
        }
    }
}
