package org.sparksweep.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkContext;
import org.sparksweep.store.SweepLease;
import org.sparksweep.store.SweepStore;

/**
 * The running driver's hold on its sweep ({@link SweepLease}): taken before the sweep touches its
 * records, renewed every third of its time to live on a background thread, given up when the run
 * ends. If a renewal finds that another driver took the lease over, the driver loop stops at its
 * next pass ({@link #check}).
 */
final class DriverLease implements AutoCloseable {
    private final SweepLease lease;
    private final ScheduledExecutorService renewer;
    private volatile String lost;

    private DriverLease(SweepLease lease) {
        this.lease = lease;
        this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sparksweep-lease " + lease.file());
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, lease.ttl().toMillis() / 3);
        renewer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    static DriverLease take(SparkContext sc, SweepStore store, String sweep, SweepListener listener)
            throws SweepBusyException, IOException {
        SweepLease.Holder holder = new SweepLease.Holder(host(), sc.applicationId(),
                sc.applicationAttemptId().isDefined() ? sc.applicationAttemptId().get() : null, ProcessHandle.current().pid());
        Duration ttl = SweepLease.ttl(sc.getConf().get(SweepLease.TTL_SETTING, System.getProperty(SweepLease.TTL_SETTING)));
        SweepLease lease;
        try {
            lease = SweepLease.acquire(store, sweep, holder, ttl, Clock.systemUTC(), sc.hadoopConfiguration());
        } catch (SweepLease.HeldException e) {
            throw new SweepBusyException(e.getMessage(), e);
        }
        SweepLease.State before = lease.tookOver();
        if (before != null) {
            boolean attempt = before.holder().applicationId().equals(holder.applicationId());
            boolean expired = !before.expiresAt().isAfter(java.time.Instant.now());
            listener.notice("sweep " + sweep + ": took over the lease of " + (attempt ? "attempt " + before.holder().attemptId()
                    + " of this application" : expired ? "a driver that stopped renewing it" : "a driver whose process is gone") + " (host " + before.holder().host() + ", application "
                    + before.holder().applicationId() + ", since " + before.since() + ", last renewed " + before.renewedAt() + ")");
        }
        return new DriverLease(lease);
    }

    private void renew() {
        try {
            lease.renew();
        } catch (SweepLease.LostException e) {
            lost = e.getMessage();
            renewer.shutdown();
        } catch (IOException | RuntimeException e) {
            // the file system was briefly unreachable: retried at the next renewal
        }
    }

    /** Throws when another driver has taken the sweep over. */
    void check() throws SweepBusyException {
        if (lost != null) throw new SweepBusyException(lost, null);
    }

    @Override
    public void close() {
        renewer.shutdownNow();
        try {
            lease.release();
        } catch (IOException e) {
            // the lease lapses on its own
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }
}
