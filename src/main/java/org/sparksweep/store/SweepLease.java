package org.sparksweep.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * One driver per sweep: the running driver holds a lease, a small JSON file under the sweep's root
 * ({@code ROOT/leases/sweep=NAME.json}) naming it (host, Spark application id and attempt, pid, since
 * when, last renewed, expires at). It renews the lease on a schedule and deletes it when the sweep ends.
 *
 * <p>Another driver of the same sweep is refused while the lease is live ({@link HeldException}
 * names the holder). It takes the lease over when the lease has expired (a driver that crashed
 * stops renewing), or at once when the holder is an earlier attempt of its own application (YARN
 * starts a new application attempt only after the previous one is gone) or a process on the same
 * host that no longer exists (a driver killed on this machine).
 *
 * <p>The lease is taken with an exclusive create (HDFS rename, link(2) on a local disk) and renewed
 * with an atomic rename over it; a driver whose renewal finds another holder's token has lost it
 * ({@link #renew} throws). On an object store without exclusive create (S3A), two drivers started
 * within moments of each other can both believe they won; the next renewal tells the loser.
 */
public final class SweepLease {
    /** How long a lease lives without renewal; the driver renews it every third of this. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(120);
    /** Spark setting (or JVM system property) for the lease's time to live, in seconds. */
    public static final String TTL_SETTING = "spark.sparksweep.lease.seconds";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Who holds (or asks for) a lease. {@code attemptId} is null outside an application that has attempts (YARN cluster mode). */
    public record Holder(String host, String applicationId, String attemptId, long pid) {
        String describe() {
            return "host " + host + ", application " + applicationId + (attemptId == null ? "" : " attempt " + attemptId) + ", pid " + pid;
        }

        /** A driver on the same host whose process is gone (it was killed, or crashed): its lease need not lapse first. */
        boolean deadOnHostOf(Holder next) {
            return host.equals(next.host) && pid > 0 && pid != next.pid && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        }

        /** An earlier attempt of the same application: that attempt has ended (YARN starts attempts one after another). */
        boolean earlierAttemptOf(Holder next) {
            return attemptId != null && next.attemptId != null && applicationId.equals(next.applicationId) && !attemptId.equals(next.attemptId);
        }
    }

    /** A lease as recorded in its file. */
    public record State(Holder holder, String token, Instant since, Instant renewedAt, Instant expiresAt) {
        boolean expired(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }

    /** A live lease of another driver. */
    public static final class HeldException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient State held;

        HeldException(String sweep, Path file, State held, Instant now) {
            super("sweep " + sweep + " is being run by another driver (" + held.holder().describe() + ", since " + held.since()
                    + ", lease renewed " + held.renewedAt() + ", expires " + held.expiresAt() + "); one driver runs a sweep at a time."
                    + " Wait for it to finish, or stop it; if that driver is gone, its lease (" + file + ") lapses at "
                    + held.expiresAt() + " (in " + Math.max(0, Duration.between(now, held.expiresAt()).toSeconds()) + " s) and a new run takes over");
            this.held = held;
        }

        public State held() {
            return held;
        }
    }

    /** This driver's lease was taken over by another driver. */
    public static final class LostException extends IOException {
        private static final long serialVersionUID = 1L;

        LostException(String message) {
            super(message);
        }
    }

    private final Path file;
    private final String sweep;
    private final Holder holder;
    private final Duration ttl;
    private final Clock clock;
    private final Configuration conf;
    private final String token = UUID.randomUUID().toString();
    private final Instant since;
    private final State tookOver; // the expired or earlier-attempt lease this one replaced, null if none
    private boolean released;

    private SweepLease(Path file, String sweep, Holder holder, Duration ttl, Clock clock, Configuration conf, State tookOver) {
        this.file = file;
        this.sweep = sweep;
        this.holder = holder;
        this.ttl = ttl;
        this.clock = clock;
        this.conf = conf;
        this.since = clock.instant();
        this.tookOver = tookOver;
    }

    public static Path file(SweepStore store, String sweep) {
        return new Path(store.root() + "/leases/" + Columns.SWEEP + "=" + sweep + ".json");
    }

    /**
     * Takes the sweep's lease for {@code holder}, or throws {@link HeldException} naming the driver
     * that holds a live one.
     */
    public static SweepLease acquire(SweepStore store, String sweep, Holder holder, Duration ttl, Clock clock, Configuration conf)
            throws IOException, HeldException {
        Path file = file(store, sweep);
        for (int tries = 0; ; tries++) {
            State current = read(file, conf);
            if (current == null) {
                SweepLease lease = new SweepLease(file, sweep, holder, ttl, clock, conf, null);
                if (AtomicFiles.write(file, lease.json(), AtomicFiles.IfPresent.FAIL, conf)) return lease;
                if (tries < 3) continue; // another driver created it a moment ago: read whose it is
            }
            Instant now = clock.instant();
            if (current != null && (current.expired(now) || current.holder().earlierAttemptOf(holder) || current.holder().deadOnHostOf(holder))) {
                SweepLease lease = new SweepLease(file, sweep, holder, ttl, clock, conf, current);
                AtomicFiles.write(file, lease.json(), AtomicFiles.IfPresent.REPLACE, conf);
                State mine = read(file, conf);
                if (mine != null && lease.token.equals(mine.token())) return lease;
                current = mine; // another driver took it over at the same moment
            }
            if (current == null) throw new IOException("could not take the lease " + file + " of sweep " + sweep);
            throw new HeldException(sweep, file, current, now);
        }
    }

    /** The lease this one replaced (expired, or held by an earlier attempt of this application); null if there was none. */
    public State tookOver() {
        return tookOver;
    }

    public Holder holder() {
        return holder;
    }

    public Duration ttl() {
        return ttl;
    }

    public Path file() {
        return file;
    }

    /** Extends the lease by its time to live; throws when another driver has taken it (this driver should stop). */
    public synchronized void renew() throws IOException {
        if (released) return;
        State current = read(file, conf);
        if (current != null && !token.equals(current.token())) {
            throw new LostException("sweep " + sweep + ": another driver took over the lease " + file + " (" + current.holder().describe()
                    + ", since " + current.since() + "); this driver stops so that one driver runs the sweep");
        }
        AtomicFiles.write(file, json(), AtomicFiles.IfPresent.REPLACE, conf);
    }

    /** Gives the lease up (deletes it, if it is still this driver's). */
    public synchronized void release() throws IOException {
        if (released) return;
        released = true;
        State current = read(file, conf);
        if (current != null && token.equals(current.token())) AtomicFiles.raw(file.getFileSystem(conf)).delete(file, false);
    }

    private byte[] json() throws IOException {
        Instant now = clock.instant();
        ObjectNode n = JSON.createObjectNode();
        n.put("sweep", sweep);
        n.put("host", holder.host());
        n.put("application_id", holder.applicationId());
        if (holder.attemptId() != null) n.put("attempt_id", holder.attemptId());
        n.put("pid", holder.pid());
        n.put("token", token);
        n.put("since", since.toString());
        n.put("renewed_at", now.toString());
        n.put("expires_at", now.plus(ttl).toString());
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(n);
    }

    /** The lease recorded in a file; null when there is none. An unreadable file counts as an expired lease of an unknown driver. */
    public static State read(Path file, Configuration conf) throws IOException {
        byte[] bytes = AtomicFiles.readIfPresent(file, conf);
        if (bytes == null) return null;
        try {
            JsonNode n = JSON.readTree(bytes);
            Holder h = new Holder(n.path("host").asText("?"), n.path("application_id").asText("?"),
                    n.hasNonNull("attempt_id") ? n.get("attempt_id").asText() : null, n.path("pid").asLong(-1));
            return new State(h, n.path("token").asText(""), Instant.parse(n.path("since").asText()), Instant.parse(n.path("renewed_at").asText()),
                    Instant.parse(n.path("expires_at").asText()));
        } catch (IOException | RuntimeException e) {
            return new State(new Holder("?", "?", null, -1), "", Instant.EPOCH, Instant.EPOCH, Instant.EPOCH);
        }
    }

    /** The time to live from a setting's value in seconds (null or blank: the default). */
    public static Duration ttl(String seconds) {
        if (seconds == null || seconds.isBlank()) return DEFAULT_TTL;
        double s = Double.parseDouble(seconds.trim());
        if (!(s > 0)) throw new IllegalArgumentException(TTL_SETTING + " must be a positive number of seconds, not " + seconds);
        return Duration.ofMillis(Math.round(s * 1000));
    }

    @Override
    public String toString() {
        return "lease " + file + " held by " + holder.describe() + " since " + since + " (" + Objects.requireNonNull(ttl) + " to live)";
    }
}
