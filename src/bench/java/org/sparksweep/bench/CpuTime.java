package org.sparksweep.bench;

import java.lang.management.ManagementFactory;

/**
 * The CPU time of this JVM, to tell how many cores a run actually got: on a machine shared with
 * other work, a limit that assumes every slot has a free core may be out of reach.
 */
final class CpuTime {
    private CpuTime() {}

    /** CPU nanoseconds of every thread of this process so far; -1 when the JVM does not say. */
    static long ofProcess() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) return os.getProcessCpuTime();
        return -1;
    }

    /** Cores used on average since {@code startNanos} (from {@link #ofProcess()}) over {@code wallSeconds}; NaN when unknown. */
    static double cores(long startNanos, double wallSeconds) {
        long now = ofProcess();
        if (startNanos < 0 || now < 0 || wallSeconds <= 0) return Double.NaN;
        return (now - startNanos) / 1e9 / wallSeconds;
    }
}
