package org.sparksweep.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartGateTest {
    @TempDir
    Path dir;

    @Test
    void eachShareSaysItIsReady() throws Exception {
        StartGate gate = new StartGate(dir);
        gate.ready(1);
        assertTrue(gate.isReady(1));
        assertFalse(gate.isReady(0));
    }

    @Test
    void aReadyJvmWaitsForTheGoAndFailsClearlyWithout() throws Exception {
        StartGate gate = new StartGate(dir);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> gate.awaitOpen(Duration.ofMillis(50)));
        assertTrue(e.getMessage().startsWith("no go file in " + dir), e.getMessage());
        gate.open();
        gate.awaitOpen(Duration.ZERO);
    }
}
