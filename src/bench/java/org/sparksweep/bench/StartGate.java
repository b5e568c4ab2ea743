package org.sparksweep.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The start line of the reachable limit's JVMs, as files in a directory they share with the parent:
 * each JVM warms up, creates {@code ready-I} and waits for {@code go}; the parent waits for every
 * {@code ready-I}, then creates {@code go}, so that the timed loops start together.
 */
final class StartGate {
    /** How long either side waits for the other before it fails. */
    static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final long POLL_MILLIS = 20;

    private final Path dir;

    StartGate(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    void ready(int share) throws IOException {
        Files.createFile(dir.resolve("ready-" + share));
    }

    boolean isReady(int share) {
        return Files.exists(dir.resolve("ready-" + share));
    }

    void open() throws IOException {
        Files.createFile(dir.resolve("go"));
    }

    /** In a JVM that is ready: waits for {@code go}; fails when it has not come within {@code timeout}. */
    void awaitOpen(Duration timeout) throws InterruptedException {
        long deadline = deadline(timeout);
        while (!Files.exists(dir.resolve("go"))) pause(deadline, "no go file in " + dir + " within " + timeout);
    }

    static long deadline(Duration timeout) {
        return System.nanoTime() + timeout.toNanos();
    }

    /** Sleeps one poll interval, or fails with {@code failure} once {@code deadline} (of {@link System#nanoTime}) has passed. */
    static void pause(long deadline, String failure) throws InterruptedException {
        if (System.nanoTime() - deadline > 0) throw new IllegalStateException(failure);
        Thread.sleep(POLL_MILLIS);
    }
}
