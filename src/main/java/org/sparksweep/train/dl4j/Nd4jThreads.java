package org.sparksweep.train.dl4j;

import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J threads = the cores a trial holds. Trials already run in parallel, one per task slot, and
 * ND4J's default of one thread per core would oversubscribe every core: a one-core trial gets one
 * thread unless {@code OMP_NUM_THREADS} (read by the native library when it loads) says otherwise;
 * a trial given several cores ({@code resources: {cpus: N}}) gets N threads. ND4J's thread count
 * is one per JVM, which fits: all trials of a sweep on an executor ask for the same cores.
 */
final class Nd4jThreads {
    static final String ENV = "OMP_NUM_THREADS";

    private static int configured; // 0: not yet

    private Nd4jThreads() {}

    static void configure() {
        configure(1);
    }

    /** Sizes ND4J's threads for a trial holding {@code cpus} cores. */
    static synchronized void configure(int cpus) {
        int threads = cpus > 1 ? cpus : fromEnvironment();
        if (configured == threads) return;
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        configured = threads;
    }

    private static int fromEnvironment() {
        try {
            String env = System.getenv(ENV);
            return env == null ? 1 : Math.max(1, Integer.parseInt(env.trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
