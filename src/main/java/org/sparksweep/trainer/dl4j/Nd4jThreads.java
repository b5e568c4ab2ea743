package org.sparksweep.trainer.dl4j;

import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J threads = the cores a trial holds. Trials already run in parallel, one per task slot, and
 * ND4J's default of one thread per core would oversubscribe every core: a one-core trial gets one
 * thread unless {@code OMP_NUM_THREADS} (read by the native library when it loads) says otherwise;
 * a trial given several cores ({@code resources: {cpus: N}}) gets N threads. ND4J's thread count
 * is one per JVM, which fits: all trials of a sweep on an executor ask for the same cores.
 *
 * <p>Before ND4J first loads, it also turns off JavaCPP's physical-memory guard ({@value #MAX_PHYSICAL_BYTES}
 * = 0) unless the JVM was given a value: with the guard on, every native array ND4J allocates asks the OS
 * for the process's resident size ({@code Pointer.physicalBytesInaccurate}), which took about 30% of a
 * small MLP trial's time in a profile. That guard runs the GC, and fails the allocation if that does not
 * help, when the resident size passes its limit (by default 4× the heap); the heap-sized guard on JavaCPP's
 * own allocations ({@code maxBytes}) stays. Training and its results do not change.
 */
final class Nd4jThreads {
    static final String ENV = "OMP_NUM_THREADS";
    /** JavaCPP's limit on the process's resident bytes; read once, when its Pointer class loads. */
    static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";

    private static int configured; // 0: not yet

    private Nd4jThreads() {}

    static void configure() {
        configure(1);
    }

    /** Sizes ND4J's threads for a trial holding {@code cpus} cores. */
    static synchronized void configure(int cpus) {
        if (configured == 0) skipPhysicalMemoryChecks();
        int threads = cpus > 1 ? cpus : fromEnvironment();
        if (configured == threads) return;
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        configured = threads;
    }

    /** Sets {@link #MAX_PHYSICAL_BYTES} to 0 when neither spelling JavaCPP reads was given (too late once JavaCPP has loaded: harmless then). */
    static void skipPhysicalMemoryChecks() {
        if (System.getProperty(MAX_PHYSICAL_BYTES) == null && System.getProperty(MAX_PHYSICAL_BYTES.toLowerCase(java.util.Locale.ROOT)) == null) {
            System.setProperty(MAX_PHYSICAL_BYTES, "0");
        }
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
