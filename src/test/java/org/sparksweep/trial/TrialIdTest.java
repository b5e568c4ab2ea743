package org.sparksweep.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sparksweep.space.TrialConfig;

/**
 * Trial ids key the leaderboard and let a rerun skip finished trials, so they must depend on the
 * sweep, the config's content and the seed, and on nothing else (not key order, not the JVM).
 */
class TrialIdTest {

    private static TrialConfig config(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return new TrialConfig(m);
    }

    @Test
    void sameInputsGiveSameIdRegardlessOfKeyOrder() {
        TrialConfig forward = config("a", "x", "b", 1L, "c", 0.5);
        TrialConfig reversed = config("c", 0.5, "b", 1L, "a", "x");
        assertEquals(TrialId.of("demo", forward, 42), TrialId.of("demo", forward, 42));
        assertEquals(TrialId.of("demo", forward, 42), TrialId.of("demo", reversed, 42));
    }

    @Test
    void idIsTheLeadingSixteenHexDigitsOfSha256() {
        String id = TrialId.of("demo", config("b", 1L, "a", "x", "c", 0.5), 42);
        assertTrue(id.matches("[0-9a-f]{16}"), id);
        // sha256 of "demo\n{\"a\":\"x\",\"b\":1,\"c\":0.5}\n42", computed with sha256sum
        assertEquals("d4613189226139e9", id);
    }

    @Test
    void anyDifferenceInSweepConfigOrSeedChangesTheId() {
        TrialConfig c = config("lr", 0.1, "layers", 2L);
        String id = TrialId.of("demo", c, 42);
        assertNotEquals(id, TrialId.of("demo2", c, 42));
        assertNotEquals(id, TrialId.of("demo", config("lr", 0.2, "layers", 2L), 42));
        assertNotEquals(id, TrialId.of("demo", config("lr", 0.1, "layers", 3L), 42));
        assertNotEquals(id, TrialId.of("demo", config("lr", 0.1), 42));
        assertNotEquals(id, TrialId.of("demo", c, 43));
    }

    @Test
    void canonicalJsonSortsKeysAndIsCompact() {
        TrialConfig c = config("zeta", true, "alpha", "relu", "mid", 3L, "beta", 0.3);
        assertEquals("{\"alpha\":\"relu\",\"beta\":0.3,\"mid\":3,\"zeta\":true}", c.canonicalJson());
        assertEquals(c.canonicalJson(), config("beta", 0.3, "mid", 3L, "alpha", "relu", "zeta", true).canonicalJson());
    }
}
