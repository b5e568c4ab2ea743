package org.sparksweep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sparksweep.store.SweepLease;
import org.sparksweep.store.SweepStore;
import org.sparksweep.testing.CommandLineRun;
import org.sparksweep.testing.SharedSpark;

/**
 * {@code run} and {@code resume} of a sweep whose lease another driver holds are refused (exit
 * code 1) with the holder named, before any trial runs; once that lease has lapsed, a run takes the
 * sweep over; a finished run gives its lease up.
 */
class SweepLeaseCliTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void spark() {
        SharedSpark.get();
    }

    @Test
    void aSecondDriverIsRefusedWhileTheLeaseIsLiveAndTakesOverOnceItLapses() throws Exception {
        Path root = dir.resolve("board");
        Path spec = dir.resolve("leased.yaml");
        Files.writeString(spec, """
                name: leased
                model: {trainer: function, function: sphere, dimensions: 1}
                objective: {metric: value, direction: minimize}
                search: {strategy: grid}
                space:
                  x1: {choice: [0.0, 1.0, 2.0]}
                output: %s
                """.formatted(root.toUri()));
        SweepStore store = SweepStore.at(root.toUri().toString());
        Configuration conf = new Configuration();
        SweepLease.Holder other = new SweepLease.Holder("gateway-7", "application_1700000000000_0042", "1", 4242);

        // another driver is running the sweep (its lease was renewed a moment ago)
        SweepLease held = SweepLease.acquire(store, "leased", other, Duration.ofMinutes(5), Clock.systemUTC(), conf);
        assertRefused(CommandLineRun.of("run", spec.toString(), "--progress", "lines"));
        held.release();

        // a driver that crashed an hour ago: its lease lapsed, so a new run takes over and finishes the sweep
        Clock anHourAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);
        SweepLease.acquire(store, "leased", other, Duration.ofMinutes(5), anHourAgo, conf);
        CommandLineRun r = CommandLineRun.of("run", spec.toString(), "--progress", "lines");
        assertEquals(0, r.exit(), r.err() + r.out());
        assertTrue(r.out().contains("sweep leased: took over the lease of a driver that stopped renewing it (host gateway-7"), r.out());
        assertTrue(r.out().contains("3 trials in"), r.out());
        assertFalse(Files.exists(Path.of(SweepLease.file(store, "leased").toUri())), "the finished run gave its lease up");

        // resume is refused the same way while another driver holds the lease
        SweepLease.acquire(store, "leased", other, Duration.ofMinutes(5), Clock.systemUTC(), conf);
        assertRefused(CommandLineRun.of("resume", spec.toString(), "--progress", "lines"));
    }

    static void assertRefused(CommandLineRun r) {
        assertEquals(Main.ERROR, r.exit(), r.err() + r.out());
        assertTrue(r.err().contains("sweep leased is being run by another driver (host gateway-7, application application_1700000000000_0042"
                + " attempt 1, pid 4242, since "), r.err());
        assertFalse(r.out().contains("trials in"), "no trial ran: " + r.out());
    }
}
