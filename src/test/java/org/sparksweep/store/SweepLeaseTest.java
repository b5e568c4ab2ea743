package org.sparksweep.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One driver per sweep: the lease refuses a second driver while it is live and hands over once it lapses. */
class SweepLeaseTest {
    static final Duration TTL = Duration.ofSeconds(30);
    static final SweepLease.Holder FIRST = new SweepLease.Holder("node-a", "app-1", null, 101);
    static final SweepLease.Holder SECOND = new SweepLease.Holder("node-b", "app-2", null, 202);

    @TempDir
    Path dir;
    final Configuration conf = new Configuration();
    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    SweepStore store() {
        return SweepStore.at(dir.toUri().toString());
    }

    @Test
    void aLiveLeaseRefusesASecondDriverNamingTheHolder() throws Exception {
        SweepLease first = SweepLease.acquire(store(), "s", FIRST, TTL, clock, conf);
        assertNull(first.tookOver());
        Path file = Path.of(SweepLease.file(store(), "s").toUri());
        String json = Files.readString(file);
        assertTrue(json.contains("\"host\" : \"node-a\"") && json.contains("\"application_id\" : \"app-1\"") && json.contains("\"pid\" : 101")
                && json.contains("\"since\" : \"2026-01-01T00:00:00Z\"") && json.contains("\"expires_at\" : \"2026-01-01T00:00:30Z\""), json);

        clock.advance(Duration.ofSeconds(29));
        SweepLease.HeldException e = assertThrows(SweepLease.HeldException.class, () -> SweepLease.acquire(store(), "s", SECOND, TTL, clock, conf));
        assertTrue(e.getMessage().contains("sweep s is being run by another driver (host node-a, application app-1, pid 101, since 2026-01-01T00:00:00Z"),
                e.getMessage());
        assertTrue(e.getMessage().contains("lapses at 2026-01-01T00:00:30Z (in 1 s)"), e.getMessage());
        // another sweep under the same root is not affected
        assertNotNull(SweepLease.acquire(store(), "other", SECOND, TTL, clock, conf));
    }

    @Test
    void renewalKeepsTheLeaseAliveBeyondItsFirstExpiry() throws Exception {
        SweepLease first = SweepLease.acquire(store(), "s", FIRST, TTL, clock, conf);
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(10));
            first.renew();
        }
        clock.advance(Duration.ofSeconds(29)); // 79 s after it was taken: lapsed long ago without renewal
        SweepLease.HeldException e = assertThrows(SweepLease.HeldException.class, () -> SweepLease.acquire(store(), "s", SECOND, TTL, clock, conf));
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), e.held().since());
        assertEquals(Instant.parse("2026-01-01T00:00:50Z"), e.held().renewedAt());
    }

    @Test
    void anExpiredLeaseIsTakenOverAndItsFormerHolderLearnsItLostIt() throws Exception {
        SweepLease first = SweepLease.acquire(store(), "s", FIRST, TTL, clock, conf);
        clock.advance(TTL); // the first driver crashed: no renewal for a whole time to live
        SweepLease second = SweepLease.acquire(store(), "s", SECOND, TTL, clock, conf);
        assertEquals(FIRST, second.tookOver().holder());
        assertEquals(SECOND, SweepLease.read(SweepLease.file(store(), "s"), conf).holder());

        // the first driver was only paused (a long GC, a partition): its next renewal tells it to stop
        SweepLease.LostException lost = assertThrows(SweepLease.LostException.class, first::renew);
        assertTrue(lost.getMessage().contains("another driver took over the lease") && lost.getMessage().contains("host node-b"), lost.getMessage());
        first.release(); // and it does not delete the new holder's lease
        assertEquals(SECOND, SweepLease.read(SweepLease.file(store(), "s"), conf).holder());
    }

    @Test
    void aReleasedLeaseIsFreeAtOnce() throws Exception {
        SweepLease first = SweepLease.acquire(store(), "s", FIRST, TTL, clock, conf);
        first.release();
        assertFalse(Files.exists(Path.of(SweepLease.file(store(), "s").toUri())));
        SweepLease second = SweepLease.acquire(store(), "s", SECOND, TTL, clock, conf);
        assertNull(second.tookOver());
    }

    @Test
    void aNewAttemptOfTheSameApplicationTakesOverAtOnceButTheSameAttemptDoesNot() throws Exception {
        SweepLease.Holder attempt1 = new SweepLease.Holder("node-a", "application_1_0001", "1", 11);
        SweepLease.Holder attempt2 = new SweepLease.Holder("node-c", "application_1_0001", "2", 12);
        SweepLease.acquire(store(), "s", attempt1, TTL, clock, conf);
        assertThrows(SweepLease.HeldException.class, () -> SweepLease.acquire(store(), "s", attempt1, TTL, clock, conf));
        SweepLease second = SweepLease.acquire(store(), "s", attempt2, TTL, clock, conf);
        assertEquals(attempt1, second.tookOver().holder());
        // a driver of another application is refused by the second attempt's live lease
        assertThrows(SweepLease.HeldException.class, () -> SweepLease.acquire(store(), "s", SECOND, TTL, clock, conf));
    }

    @Test
    void aKilledDriverOnTheSameHostIsTakenOverAtOnceALiveOneIsNot() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        long self = ProcessHandle.current().pid();
        SweepLease.acquire(store(), "s", new SweepLease.Holder("node-a", "app-1", null, gone.pid()), TTL, clock, conf);
        SweepLease second = SweepLease.acquire(store(), "s", new SweepLease.Holder("node-a", "app-2", null, self), TTL, clock, conf);
        assertEquals(gone.pid(), second.tookOver().holder().pid());
        // the same pid on another host says nothing about that host's processes
        assertThrows(SweepLease.HeldException.class,
                () -> SweepLease.acquire(store(), "s", new SweepLease.Holder("node-b", "app-3", null, gone.pid()), TTL, clock, conf));
        // nor is a live process on the same host taken over
        assertThrows(SweepLease.HeldException.class,
                () -> SweepLease.acquire(store(), "s", new SweepLease.Holder("node-a", "app-4", null, gone.pid()), TTL, clock, conf));
    }

    @Test
    void anUnreadableLeaseCountsAsExpired() throws Exception {
        Path file = Path.of(SweepLease.file(store(), "s").toUri());
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{ half a lea");
        SweepLease lease = SweepLease.acquire(store(), "s", SECOND, TTL, clock, conf);
        assertNotNull(lease.tookOver());
    }

    @Test
    void theTimeToLiveComesFromASettingInSeconds() {
        assertEquals(SweepLease.DEFAULT_TTL, SweepLease.ttl(null));
        assertEquals(Duration.ofMillis(1500), SweepLease.ttl("1.5"));
        assertThrows(IllegalArgumentException.class, () -> SweepLease.ttl("0"));
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
